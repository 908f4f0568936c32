// What the controller tests share: manifests from YAML text and lookups by owner.
#pragma once

#include "../test_support.h"
#include "cluster/pod_status.h"
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
