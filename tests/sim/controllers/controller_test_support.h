// What the controller tests share: manifests from YAML text and lookups by owner.
#pragma once

#include "../test_support.h"
#include "cluster/pod_status.h"
#include "sim/controllers/controller.h"
#include "sim/simulation.h"

#include <QStringList>
#include <QtGlobal>

namespace podscape::controllertest {

using podscape::testing::loadYaml;

// Objects of type T in `ns` whose controllerRef points at the owner's uid, by name.
template <typename T> std::vector<std::shared_ptr<T>> ownedBy(Simulation &sim, const Object &owner)
{
    std::vector<std::shared_ptr<T>> out;
    for (const auto &obj : sim.store().list<T>(owner.metadata.namespace_)) {
        const OwnerReference *ref = obj->metadata.controllerRef();
        if (ref && ref->uid == owner.metadata.uid)
            out.push_back(obj);
    }
    return out;
}

// A bare API server on its own store and clock, with the default namespace: the base of the
// test benches that run one or two controllers standalone, to read their status and move pods
// through their lives by hand. A bench adds its controllers and hands them the store's watch
// through deliver(), which brings the shared pod informer up to date first, as the controller
// manager does.
struct BareApiServer {
    SimClock clock;
    ObjectStore store;
    TraceRecorder traces;
    EventRecorder events;
    NameGenerator names{7};
    KubeApiServer api{store, clock, traces, names};
    PodInformer podInformer;

    BareApiServer()
    {
        auto ns = std::make_shared<Namespace>();
        ns->apiVersion = "v1";
        ns->kind = "Namespace";
        ns->metadata.name = "default";
        api.create(ns);
    }
    ControllerContext context() { return ControllerContext{api, events, traces, podInformer}; }
    template <typename... Controllers> void deliver(const WatchEvent &event, Controllers &...controllers)
    {
        const PodDelta delta = podInformer.observe(event);
        (controllers.onWatch(event, delta), ...);
    }
};

inline int countIf(const std::vector<std::shared_ptr<Pod>> &pods, bool (*pred)(const Pod &))
{
    int n = 0;
    for (const auto &p : pods)
        n += pred(*p) ? 1 : 0;
    return n;
}

inline bool notTerminating(const Pod &p)
{
    return !p.metadata.deletionTimestamp;
}

inline bool availableNow(const Pod &p)
{
    return !p.metadata.deletionTimestamp && isPodReady(p);
}

// "Reason: message" of every event about the named object, with the given source.
inline QStringList eventsOf(const Simulation &sim, const std::string &name, const std::string &source)
{
    QStringList out;
    for (const auto &e : sim.events().events())
        if (e.object.name == name && e.source == source)
            out << QString::fromStdString(e.reason + ": " + e.message);
    return out;
}

}  // namespace podscape::controllertest
