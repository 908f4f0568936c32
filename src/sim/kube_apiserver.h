// kube-apiserver: the only way into the object store. A request goes through authentication,
// authorization, mutating admission (with the scheme's defaults), validation and validating
// admission, then is written to etcd (DESIGN 3.1 step 2). A refused request never reaches the
// store; its error carries the API server's own words.
#pragma once

#include "cluster/events.h"
#include "cluster/object_store.h"
#include "sim/clock.h"
#include "sim/names.h"

#include <optional>
#include <set>
#include <string>

namespace podscape {

struct ApiError {
    int code = 0;          // HTTP status: 403, 404, 409, 422, 429, ...
    std::string reason;    // Forbidden, NotFound, AlreadyExists, Invalid, TooManyRequests
    std::string message;   // pods "x" is forbidden: exceeded quota: ...
    std::string cause;     // details.causes[0].message, e.g. the DisruptionBudget cause of a 429
};

struct ApiResult {
    ObjectPtr object;
    std::optional<ApiError> error;
    bool created = false;  // create (vs. an update of an existing object)
    bool ok() const { return !error.has_value(); }
};

class KubeApiServer {
public:
    KubeApiServer(ObjectStore &store, SimClock &clock, TraceRecorder &traces, NameGenerator &names);

    // Create, as `kubectl create` or a controller does. `requestStart` is when the client sent
    // it (for the pod's trace); `client` names the sender ("kubectl", "replicaset-controller").
    ApiResult create(ObjectPtr obj, const std::string &client = "kubectl", std::optional<double> requestStart = {});
    // kubectl apply: create, or update the stored object's spec.
    ApiResult apply(ObjectPtr obj, const std::string &client = "kubectl", std::optional<double> requestStart = {});
    // Delete. Pods are deleted gracefully: they get a deletionTimestamp and stay until their
    // kubelet has stopped them (finishPodDeletion). Other kinds go at once, unless they carry
    // finalizers: then they get a deletionTimestamp and stay until the last finalizer is removed.
    // `propagationPolicy` (DeleteOptions, as kubectl --cascade sends it): "Background" (the
    // default), "Foreground" (adds the foregroundDeletion finalizer: the garbage collector deletes
    // the dependents first) or "Orphan" (adds the orphan finalizer: the dependents stay, without
    // their owner reference).
    ApiResult remove(const std::string &kind, const std::string &ns, const std::string &name,
                     std::optional<std::int64_t> gracePeriodSeconds = {},
                     const std::string &propagationPolicy = "Background");
    // pods/eviction, as `kubectl drain` and the GUI's drag call it (implemented in pod_eviction.cpp
    // after pkg/registry/core/pod/storage/eviction.go): the pod is deleted gracefully, with the
    // DisruptionTarget condition, unless that would violate its PodDisruptionBudget; then nothing
    // changes and the error is 429 TooManyRequests with the budget's numbers as its cause.
    ApiResult evict(const std::string &ns, const std::string &name);
    // A metadata update removing one finalizer; the object leaves etcd when it was being deleted
    // and that was the last one.
    void removeFinalizer(const ObjectPtr &obj, const std::string &finalizer);
    // pods/binding: the scheduler's decision, written to etcd.
    ApiResult bind(const std::shared_ptr<Pod> &pod, const std::string &nodeName);
    // Status writes from kubelets and controllers (no admission).
    void updateStatus(const ObjectPtr &obj) { store_.update(obj); }
    // The kubelet has stopped everything: the pod leaves etcd.
    void finishPodDeletion(const std::shared_ptr<Pod> &pod);

    ObjectStore &store() { return store_; }
    SimClock &clock() { return clock_; }
    NameGenerator &names() { return names_; }

private:
    std::optional<ApiError> admit(Object &obj);
    std::optional<ApiError> admitPod(Pod &pod);
    std::optional<ApiError> allocateServiceAddresses(Service &svc);
    std::optional<ApiError> validate(const Object &obj) const;
    void traceRequest(const Object &obj, const std::string &client, double start);
    void trace(const Object &obj, double time, const std::string &component, const std::string &stage,
               const std::string &detail = {});
    void onNamespaceCreated(const Namespace &ns);
    ApiResult updateExisting(const ObjectPtr &existing, const ObjectPtr &incoming);
    ApiResult removePod(const std::shared_ptr<Pod> &pod, std::optional<std::int64_t> gracePeriodSeconds);
    ApiResult deleteEvictedPod(const std::shared_ptr<Pod> &pod, const std::string &why);
    std::optional<ApiError> checkAndDecrement(const std::shared_ptr<PodDisruptionBudget> &pdb, const Pod &pod);

    ObjectStore &store_;
    SimClock &clock_;
    TraceRecorder &traces_;
    NameGenerator &names_;
    std::set<std::string> usedClusterIPs_;
    std::set<int> usedNodePorts_;
};

// "pods", "deployments.apps": the resource name the API server uses in messages.
std::string resourceNameOf(const Object &obj);
// The kubectl-style error prefix: `pods "x" is forbidden: `.
std::string forbiddenPrefix(const Object &obj);

}  // namespace podscape
