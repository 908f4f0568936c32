// Kubernetes Events (what `kubectl get events -w` shows) and each pod's stage trace.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace podscape {

// Strings kept once however often they are recorded: traces and events repeat the same
// components, stages, reasons and most details for every pod, and a pod's name for each of its
// events. Views stay valid while the pool lives.
class StringPool {
public:
    std::uint32_t intern(std::string_view s);
    std::optional<std::uint32_t> find(std::string_view s) const;
    std::string_view operator[](std::uint32_t id) const { return views_[id]; }

private:
    static constexpr std::size_t kChunk = 64 * 1024;
    static constexpr std::uint32_t kEmpty = ~std::uint32_t(0);
    // An open-addressing table (linear probing, at most half full): a lookup is one slot and one
    // string compare, where std::unordered_map chased a node per bucket entry. The slot holds
    // where its text is, so the compare does not first read views_ (a cache miss in a big pool).
    struct Slot {
        std::uint64_t hash = 0;
        const char *text = nullptr;
        std::uint32_t size = 0;
        std::uint32_t id = kEmpty;
    };
    std::size_t slotOf(std::uint64_t hash, std::string_view s) const;
    void grow();

    std::vector<std::unique_ptr<char[]>> chunks_;
    std::size_t chunkUsed_ = kChunk;
    std::vector<std::string_view> views_;
    std::vector<Slot> slots_;
};

// Walks a log whose entries are built on demand: `*it` is `log[i]`, a value.
template <typename Log, typename Value>
class LogIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Value;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = value_type;

    LogIterator(const Log *log, std::size_t i) : log_(log), i_(i) {}
    value_type operator*() const { return (*log_)[i_]; }
    LogIterator &operator++()
    {
        ++i_;
        return *this;
    }
    bool operator==(const LogIterator &o) const { return i_ == o.i_; }

private:
    const Log *log_;
    std::size_t i_;
};

struct ObjectRef {
    std::string kind;
    std::string namespace_;
    std::string name;
    std::string uid;
    std::string fieldPath;  // "spec.containers{nginx}" for container events

    // "Pod/default/web-0" (cluster-scoped: "Node/worker-1"), as the JSON output names objects.
    std::string str() const { return kind + '/' + (namespace_.empty() ? "" : namespace_ + '/') + name; }
};

struct Event {
    double time = 0;
    std::string type;    // Normal | Warning
    std::string reason;  // Scheduled, Pulling, FailedScheduling, ...
    ObjectRef object;
    std::string message;
    std::string source;  // the component that reported it: default-scheduler, kubelet, ...
};

// Events in the order recorded, each kept as string ids: a cluster of 100,000 pods records half
// a million events, most of whose strings (reasons, sources, a pod's name and uid) repeat.
// One recorded event's fields as views into the log's strings, built without allocating: what a
// model row or a filter reads many times.
struct EventView {
    double time = 0;
    std::string_view type, reason, kind, namespace_, name, uid, fieldPath, message, source;
};

class EventLog {
public:
    std::size_t size() const { return log_.size(); }
    bool empty() const { return log_.empty(); }
    EventView view(std::size_t i) const;
    Event operator[](std::size_t i) const;
    // Whether event i is about this object.
    bool involves(std::size_t i, std::string_view kind, std::string_view ns, std::string_view name) const;
    LogIterator<EventLog, Event> begin() const { return {this, 0}; }
    LogIterator<EventLog, Event> end() const { return {this, log_.size()}; }

    void push_back(const Event &e);

private:
    struct Stored {
        double time;
        std::uint32_t type, reason, kind, namespace_, name, uid, fieldPath, message, source;
    };
    StringPool strings_;
    std::deque<Stored> log_;
};

class EventRecorder {
public:
    using Listener = std::function<void(const Event &)>;

    void record(Event event);
    const EventLog &events() const { return events_; }
    void listen(Listener l) { listeners_.push_back(std::move(l)); }

private:
    EventLog events_;
    std::vector<Listener> listeners_;
};

// One step of a pod's life: which component did what, when (DESIGN 3.1). The views point into
// the TraceRecorder's strings and are valid while it lives.
struct TraceEntry {
    double time = 0;
    std::string_view component;  // kubectl, kube-apiserver, etcd, kube-scheduler, kubelet, ...
    std::string_view stage;      // authentication, admission, bind, CNI, ...
    std::string_view detail;
};

// Every pod's trace, and all of them in the order recorded (the GUI's control-plane lanes and
// walkthrough read that). 100,000 pods record two million entries: each is kept as four string
// ids and a time.
class TraceRecorder {
public:
    // The pod ("namespace/name") and one entry of its trace.
    using Record = std::pair<std::string_view, TraceEntry>;
    using Listener = std::function<void(std::string_view podKey, const TraceEntry &)>;

    void add(std::string_view podKey, double time, std::string_view component, std::string_view stage,
             std::string_view detail = {});
    std::vector<TraceEntry> trace(std::string_view podKey) const;
    void listen(Listener l) { listeners_.push_back(std::move(l)); }

    // The log of every pod's entries, in the order recorded.
    std::size_t size() const { return log_.size(); }
    Record operator[](std::size_t i) const;

    LogIterator<TraceRecorder, Record> begin() const { return {this, 0}; }
    LogIterator<TraceRecorder, Record> end() const { return {this, log_.size()}; }

private:
    struct Stored {
        double time;
        std::uint32_t pod, component, stage, detail;
    };
    TraceEntry entry(const Stored &s) const { return {s.time, strings_[s.component], strings_[s.stage], strings_[s.detail]}; }

    StringPool strings_;
    std::deque<Stored> log_;
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> byPod_;  // pod's string id → log_ positions
    std::vector<Listener> listeners_;
};

}  // namespace podscape
