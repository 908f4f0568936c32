// What the workload controllers share (pkg/controller/controller_utils.go and client-go's
// workqueue): an owner index kept from the watch, a coalescing work queue on the virtual clock,
// and the pod predicates every controller uses.
#pragma once

#include "cluster/api/core.h"
#include "cluster/object_store.h"
#include "sim/clock.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace podscape {

// Objects indexed by the uid of their owners, kept up to date from watch events, so a controller
// finds an owner's dependents without scanning the store (the informers' indexers). With
// `controllerOnly`, only the controllerRef counts, and objects without one are kept as orphans of
// their namespace (candidates for adoption).
class OwnerIndex {
public:
    using Members = std::map<std::string, ObjectPtr>; // "kind/ns/name" → object, sorted

    // kind: the one kind indexed ("" = every kind).
    OwnerIndex(std::string kind, bool controllerOnly) : kind_(std::move(kind)), controllerOnly_(controllerOnly) {}
    // Returns true when the object's owners changed (or it came or went).
    bool observe(const WatchEvent &event);

    // Dependents of the owner with this uid (never null).
    const Members &dependents(const std::string &ownerUid) const;
    const Members &orphans(const std::string &ns) const;
    // Copies, safe to iterate while writing to the API server (which re-enters observe()).
    template <typename T> std::vector<std::shared_ptr<T>> dependentsOf(const std::string &ownerUid) const
    {
        return cast<T>(dependents(ownerUid));
    }
    template <typename T> std::vector<std::shared_ptr<T>> orphansIn(const std::string &ns) const
    {
        return cast<T>(orphans(ns));
    }

private:
    template <typename T> static std::vector<std::shared_ptr<T>> cast(const Members &m)
    {
        std::vector<std::shared_ptr<T>> out;
        out.reserve(m.size());
        for (const auto &[key, obj] : m)
            out.push_back(std::static_pointer_cast<T>(obj));
        return out;
    }
    std::vector<std::string> ownersOf(const Object &obj) const;
    bool sameOwners(const Object &obj, const std::vector<std::string> &owners) const;
    void unregister(const std::string &key);
    Members &members(const std::string &slot);

    // Where an indexed object is: its owner slots, and the object the index points at.
    struct Entry {
        std::vector<std::string> owners;
        const Object *object = nullptr;
    };
    void pointAt(Entry &entry, const Object *object);

    std::string kind_;
    bool controllerOnly_;
    std::map<std::string, Members> byOwner_; // owner uid → dependents
    std::map<std::string, Members> orphans_; // namespace → objects without controller
    // "kind/ns/name" → where it is indexed (owner uids; "\n" + ns for orphans). Hashed: every
    // status update of every pod looks its pod up here, in each controller's index.
    std::unordered_map<std::string, Entry> where_;
    // The same entries by the stored object, which keeps its address while it is updated in
    // place: the usual event (a status change under the same owners) costs one pointer lookup,
    // not building and hashing the object's key.
    std::unordered_map<const Object *, const Entry *> byObject_;
    std::string key_; // scratch for the key of the object observed
};

// A rate-limited work queue (client-go util/workqueue): one pending reconcile per key, run after
// a short delay so bursts of watch events coalesce; failed keys come back with exponential
// backoff (ItemExponentialFailureRateLimiter: 5 ms doubling, capped at 1000 s).
class WorkQueue {
public:
    using Sync = std::function<void(const std::string &key)>;
    static constexpr double kDelay = 0.02;

    WorkQueue(SimClock &clock, Sync sync) : clock_(clock), sync_(std::move(sync)) {}
    void add(const std::string &key) { addAfter(key, kDelay); }
    void addAfter(const std::string &key, double delay);
    void addRateLimited(const std::string &key);
    void forget(const std::string &key) { failures_.erase(key); }

private:
    SimClock &clock_;
    Sync sync_;
    std::map<std::string, double> pending_; // key → when its reconcile runs
    std::map<std::string, int> failures_;
};

// "ns/name" (cache.MetaNamespaceKeyFunc) and back.
std::string objectKey(const Object &obj);
std::pair<std::string, std::string> splitKey(const std::string &key);

// controller.IsPodActive: not terminating, not Succeeded / Failed.
bool isPodActive(const Pod &pod);
// podutil.IsPodAvailable: Ready for at least minReadySeconds.
bool isPodAvailable(const Pod &pod, std::int32_t minReadySeconds, double now);
// When the pod last became Ready (nullopt if not Ready).
std::optional<double> podReadyTime(const Pod &pod);

// metav1.NewControllerRef: controller: true, blockOwnerDeletion: true.
OwnerReference controllerRefTo(const Object &owner);
// intstr.GetScaledValueFromIntOrPercent ("25%" of total, rounded up or down).
std::int32_t scaledValue(const IntOrString &value, std::int32_t total, bool roundUp);

} // namespace podscape
