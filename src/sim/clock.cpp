#include "sim/clock.h"

#include <limits>

namespace podscape {

void SimClock::at(double time, Action action)
{
    queue_.push({time < now_ ? now_ : time, nextSeq_++, std::move(action)});
}

bool SimClock::step()
{
    if (queue_.empty())
        return false;
    // Move the action out before popping: it may schedule more events.
    Item item = std::move(const_cast<Item &>(queue_.top()));
    queue_.pop();
    now_ = item.time;
    ++eventsRun_;
    item.action();
    return true;
}

void SimClock::runUntil(double until)
{
    while (!queue_.empty() && queue_.top().time <= until)
        step();
    if (until > now_)
        now_ = until;
}

double SimClock::nextEventTime() const
{
    return queue_.empty() ? std::numeric_limits<double>::infinity() : queue_.top().time;
}

}  // namespace podscape
