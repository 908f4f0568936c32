// The object store: what etcd is to Kubernetes. Every write comes from the API server, gets the
// next resourceVersion, and is delivered to watchers (controllers, the scheduler, kubelets, the GUI).
//
// Objects are stored by pointer and updated in place (then `update` bumps their resourceVersion
// and notifies): the simulation is single-threaded, and cloning a Pod for every status change
// would dominate the cost of a 100,000-pod run.
#pragma once

#include "cluster/api/object.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace podscape {

enum class WatchEventType { Added, Modified, Deleted };

struct WatchEvent {
    WatchEventType type;
    ObjectPtr object;
};

class ObjectStore {
public:
    using Watcher = std::function<void(const WatchEvent &)>;

    // Adds a new object (it must not exist); sets resourceVersion, returns it.
    std::int64_t create(ObjectPtr obj);
    // Records a change made in place to a stored object.
    std::int64_t update(const ObjectPtr &obj);
    // Puts a new version of a stored object in its place (an update that brings a whole new
    // object, as `kubectl apply` does): watchers see it Modified.
    std::int64_t replace(const ObjectPtr &obj);
    // Removes the object; returns it (null if it was not there).
    ObjectPtr remove(std::string_view kind, std::string_view ns, std::string_view name);

    ObjectPtr get(std::string_view kind, std::string_view ns, std::string_view name) const;
    template <typename T> std::shared_ptr<T> get(std::string_view ns, std::string_view name) const
    {
        return std::dynamic_pointer_cast<T>(get(kindName<T>(), ns, name));
    }

    // All objects of a kind, ordered by namespace then name (an empty ns lists every namespace).
    std::vector<ObjectPtr> list(std::string_view kind, std::string_view ns = {}) const;
    template <typename T> std::vector<std::shared_ptr<T>> list(std::string_view ns = {}) const
    {
        std::vector<std::shared_ptr<T>> out;
        for (const auto &o : list(kindName<T>(), ns))
            out.push_back(std::static_pointer_cast<T>(o));
        return out;
    }
    std::size_t count(std::string_view kind) const;

    // Watchers see every change in the order it happened, after it happened.
    int watch(Watcher watcher);
    void unwatch(int id);

    std::int64_t resourceVersion() const { return revision_; }

    // The kind string of a typed API struct ("Pod" for Pod, ...).
    template <typename T> static std::string_view kindName();

private:
    using NameKey = std::pair<std::string, std::string>;  // namespace, name
    using NameView = std::pair<std::string_view, std::string_view>;
    // Orders keys and views of keys alike, so a lookup builds no strings.
    struct NameLess {
        using is_transparent = void;
        template <typename A, typename B> bool operator()(const A &a, const B &b) const
        {
            return NameView(a.first, a.second) < NameView(b.first, b.second);
        }
    };
    void notify(WatchEventType type, const ObjectPtr &obj);

    std::map<std::string, std::map<NameKey, ObjectPtr, NameLess>, std::less<>> objects_;
    std::map<int, Watcher> watchers_;
    int nextWatcher_ = 1;
    std::int64_t revision_ = 0;
};

}  // namespace podscape

#include "cluster/api/apps.h"
#include "cluster/api/batch.h"
#include "cluster/api/other.h"
#include "cluster/api/policy.h"
#include "cluster/api/storage.h"

namespace podscape {
// clang-format off
template <> inline std::string_view ObjectStore::kindName<Pod>() { return "Pod"; }
template <> inline std::string_view ObjectStore::kindName<Node>() { return "Node"; }
template <> inline std::string_view ObjectStore::kindName<Service>() { return "Service"; }
template <> inline std::string_view ObjectStore::kindName<Namespace>() { return "Namespace"; }
template <> inline std::string_view ObjectStore::kindName<ConfigMap>() { return "ConfigMap"; }
template <> inline std::string_view ObjectStore::kindName<Secret>() { return "Secret"; }
template <> inline std::string_view ObjectStore::kindName<PersistentVolume>() { return "PersistentVolume"; }
template <> inline std::string_view ObjectStore::kindName<PersistentVolumeClaim>() { return "PersistentVolumeClaim"; }
template <> inline std::string_view ObjectStore::kindName<ServiceAccount>() { return "ServiceAccount"; }
template <> inline std::string_view ObjectStore::kindName<LimitRange>() { return "LimitRange"; }
template <> inline std::string_view ObjectStore::kindName<ResourceQuota>() { return "ResourceQuota"; }
template <> inline std::string_view ObjectStore::kindName<Deployment>() { return "Deployment"; }
template <> inline std::string_view ObjectStore::kindName<ReplicaSet>() { return "ReplicaSet"; }
template <> inline std::string_view ObjectStore::kindName<ReplicationController>() { return "ReplicationController"; }
template <> inline std::string_view ObjectStore::kindName<StatefulSet>() { return "StatefulSet"; }
template <> inline std::string_view ObjectStore::kindName<DaemonSet>() { return "DaemonSet"; }
template <> inline std::string_view ObjectStore::kindName<Job>() { return "Job"; }
template <> inline std::string_view ObjectStore::kindName<CronJob>() { return "CronJob"; }
template <> inline std::string_view ObjectStore::kindName<PodDisruptionBudget>() { return "PodDisruptionBudget"; }
template <> inline std::string_view ObjectStore::kindName<PriorityClass>() { return "PriorityClass"; }
template <> inline std::string_view ObjectStore::kindName<StorageClass>() { return "StorageClass"; }
template <> inline std::string_view ObjectStore::kindName<Ingress>() { return "Ingress"; }
template <> inline std::string_view ObjectStore::kindName<HorizontalPodAutoscaler>() { return "HorizontalPodAutoscaler"; }
// clang-format on
}  // namespace podscape
