// Kubernetes Events (what `kubectl get events -w` shows) and each pod's stage trace.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace podscape {

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

// Events in the order recorded. A deque: a cluster of 100,000 pods records half a million, and
// a vector's doubling would hold twice their memory at its peak.
using EventLog = std::deque<Event>;

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

// One step of a pod's life: which component did what, when (DESIGN 3.1).
struct TraceEntry {
    double time = 0;
    std::string component;  // kubectl, kube-apiserver, etcd, kube-scheduler, kubelet, ...
    std::string stage;      // authentication, admission, bind, CNI, ...
    std::string detail;
};

class TraceRecorder {
public:
    using Listener = std::function<void(const std::string &podKey, const TraceEntry &)>;

    // podKey is "namespace/name".
    void add(const std::string &podKey, TraceEntry entry);
    const std::vector<TraceEntry> &trace(const std::string &podKey) const;
    void listen(Listener l) { listeners_.push_back(std::move(l)); }

private:
    std::map<std::string, std::vector<TraceEntry>> traces_;
    std::vector<Listener> listeners_;
};

}  // namespace podscape
