#include "cluster/events.h"

namespace podscape {

void EventRecorder::record(Event event)
{
    // Kubernetes cuts event messages at 1024 characters (FailedScheduling on big clusters).
    if (event.message.size() > 1024)
        event.message = event.message.substr(0, 1020) + " ...";
    events_.push_back(std::move(event));
    for (const auto &l : listeners_)
        l(events_.back());
}

void TraceRecorder::add(const std::string &podKey, TraceEntry entry)
{
    auto &trace = traces_[podKey];
    trace.push_back(std::move(entry));
    for (const auto &l : listeners_)
        l(podKey, trace.back());
}

const std::vector<TraceEntry> &TraceRecorder::trace(const std::string &podKey) const
{
    static const std::vector<TraceEntry> none;
    auto it = traces_.find(podKey);
    return it == traces_.end() ? none : it->second;
}

}  // namespace podscape
