// The pods/eviction subresource of kube-apiserver (pkg/registry/core/pod/storage/eviction.go):
// an eviction is a graceful delete that first asks the pod's PodDisruptionBudget.
#include "sim/kube_apiserver.h"

#include "cluster/pod_status.h"
#include "manifest/label_selector.h"

namespace podscape {

namespace {

const char *const kViolation = "Cannot evict pod as it would violate the pod's disruption budget.";

// canIgnorePDB: a pod that is not running (or already going) disrupts nothing more.
bool canIgnoreBudget(const Pod &pod)
{
    const std::string &phase = pod.status.phase;
    return phase == "Succeeded" || phase == "Failed" || phase == "Pending" || pod.metadata.deletionTimestamp;
}

std::vector<std::shared_ptr<PodDisruptionBudget>> budgetsOf(const ObjectStore &store, const Pod &pod)
{
    std::vector<std::shared_ptr<PodDisruptionBudget>> out;
    for (auto &pdb : store.list<PodDisruptionBudget>(pod.metadata.namespace_))
        if (matchesOptionalSelector(pdb->spec.selector, pod.metadata.labels))
            out.push_back(pdb);
    return out;
}

ApiError tooManyRequests(std::string cause)
{
    return {429, "TooManyRequests", kViolation, std::move(cause)};
}

} // namespace

ApiResult KubeApiServer::evict(const std::string &ns, const std::string &name)
{
    auto pod = store_.get<Pod>(ns, name);
    if (!pod)
        return {nullptr, ApiError{404, "NotFound", "pods \"" + name + "\" not found"}};
    if (canIgnoreBudget(*pod))
        return deleteEvictedPod(pod, "the pod is not running: no disruption budget is consulted");
    auto budgets = budgetsOf(store_, *pod);
    if (budgets.size() > 1)
        return {pod, ApiError{500, "InternalError",
                              "This pod has more than one PodDisruptionBudget, which the eviction subresource does "
                              "not support."}};
    if (budgets.empty())
        return deleteEvictedPod(pod, "no PodDisruptionBudget covers the pod");
    const auto &budget = budgets.front();
    const PodDisruptionBudget &pdb = *budget;
    // An unready pod does not count as healthy: evicting it takes nothing from the budget when
    // the budget is met anyway, or always with unhealthyPodEvictionPolicy: AlwaysAllow.
    if (!isPodReady(*pod)) {
        if (pdb.spec.unhealthyPodEvictionPolicy == "AlwaysAllow")
            return deleteEvictedPod(pod, "the pod is not ready and " + pdb.metadata.name +
                                             " has unhealthyPodEvictionPolicy AlwaysAllow");
        if (pdb.status.currentHealthy >= pdb.status.desiredHealthy && pdb.status.desiredHealthy > 0)
            return deleteEvictedPod(pod, "the pod is not ready and " + pdb.metadata.name + " is satisfied without it");
    }
    if (auto err = checkAndDecrement(budget, *pod)) {
        trace(*pod, clock_.now(), "kube-apiserver", "eviction refused", err->message + " " + err->cause);
        return {pod, err};
    }
    return deleteEvictedPod(pod, "allowed by PodDisruptionBudget " + pdb.metadata.name);
}

// checkAndDecrement: takes one disruption from the budget and notes the pod in disruptedPods,
// so the disruption controller does not count it as healthy before it is seen terminating.
std::optional<ApiError> KubeApiServer::checkAndDecrement(const std::shared_ptr<PodDisruptionBudget> &budget,
                                                         const Pod &pod)
{
    PodDisruptionBudget &pdb = *budget;
    auto &s = pdb.status;
    if (s.observedGeneration < pdb.metadata.generation)
        return tooManyRequests("The disruption budget " + pdb.metadata.name +
                               " is still being processed by the server.");
    if (s.disruptionsAllowed < 0)
        return ApiError{403, "Forbidden",
                        "poddisruptionbudget.policy \"" + pdb.metadata.name +
                            "\" is forbidden: pdb disruptions allowed is negative"};
    if (s.disruptionsAllowed == 0)
        return tooManyRequests("The disruption budget " + pdb.metadata.name + " needs " +
                               std::to_string(s.desiredHealthy) + " healthy pods and has " +
                               std::to_string(s.currentHealthy) + " currently");
    --s.disruptionsAllowed;
    if (s.disruptionsAllowed == 0) {
        s.disruptionAllowedStatus = "False";
        s.disruptionAllowedReason = "InsufficientPods";
    }
    s.disruptedPods[pod.metadata.name] = clock_.now();
    store_.update(budget);
    return std::nullopt;
}

// addConditionAndDeletePod: the DisruptionTarget condition first, then the graceful delete.
ApiResult KubeApiServer::deleteEvictedPod(const std::shared_ptr<Pod> &pod, const std::string &why)
{
    trace(*pod, clock_.now(), "kube-apiserver", "eviction", why);
    if (!pod->metadata.deletionTimestamp) {
        setCondition(*pod, "DisruptionTarget", "True", clock_.now(), "EvictionByEvictionAPI", "Eviction API: evicting");
        store_.update(pod);
    }
    return removePod(pod, std::nullopt);
}

} // namespace podscape
