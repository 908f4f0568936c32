// The virtual clock and event queue of the discrete-event simulation. Events run in time order;
// events at the same time run in the order they were scheduled, so a run is deterministic.
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace podscape {

// The calendar of the simulation: virtual time 0 is 2026-01-01T00:00:00Z (Unix 1767225600). Only
// what needs a date uses it (CronJob schedules, the Job names a CronJob derives from Unix minutes,
// the cronjob-scheduled-timestamp annotation); everything else stays in virtual seconds.
inline constexpr std::int64_t kVirtualEpochUnixSeconds = 1767225600;

class SimClock {
public:
    using Action = std::function<void()>;

    double now() const { return now_; }
    // Runs `action` at virtual time `at` (never earlier than now).
    void at(double at, Action action);
    void after(double delay, Action action) { at(now_ + delay, std::move(action)); }

    // Runs the next event; false when none is left.
    bool step();
    // Runs every event due by `until`, then moves the clock to `until`.
    void runUntil(double until);
    // When the next event is due (infinity if none).
    double nextEventTime() const;
    std::size_t pending() const { return queue_.size(); }
    std::uint64_t eventsRun() const { return eventsRun_; }

private:
    struct Item {
        double time;
        std::uint64_t seq;
        Action action;
    };
    struct Later {
        bool operator()(const Item &a, const Item &b) const
        {
            return a.time != b.time ? a.time > b.time : a.seq > b.seq;
        }
    };
    std::priority_queue<Item, std::vector<Item>, Later> queue_;
    double now_ = 0;
    std::uint64_t nextSeq_ = 0;
    std::uint64_t eventsRun_ = 0;
};

}  // namespace podscape
