#include "sim/scheduler/nominator.h"

#include <algorithm>

namespace podscape::sched {

namespace {

std::string keyOf(const Pod &pod)
{
    if (!pod.metadata.uid.empty())
        return pod.metadata.uid;
    return pod.metadata.namespace_ + "/" + pod.metadata.name;
}

// addGENominatedPods' test: equal or higher priority, and not the pod being scheduled.
bool mustRespect(const PodInfo &nominated, const PodContext &pod, const std::string &podKey)
{
    return podPriority(*nominated.pod) >= pod.priority && keyOf(*nominated.pod) != podKey;
}

}  // namespace

void PodNominator::add(const std::shared_ptr<const Pod> &pod, const std::string &nodeName)
{
    remove(*pod);
    if (nodeName.empty())
        return;
    nodeOf_[keyOf(*pod)] = nodeName;
    byNode_[nodeName].push_back(makePodInfo(pod));
}

void PodNominator::remove(const Pod &pod)
{
    auto it = nodeOf_.find(keyOf(pod));
    if (it == nodeOf_.end())
        return;
    auto node = byNode_.find(it->second);
    if (node != byNode_.end()) {
        std::erase_if(node->second, [&](const PodInfo &p) { return keyOf(*p.pod) == it->first; });
        if (node->second.empty())
            byNode_.erase(node);
    }
    nodeOf_.erase(it);
}

std::span<const PodInfo> PodNominator::podsForNode(std::string_view nodeName) const
{
    auto it = byNode_.find(nodeName);
    if (it == byNode_.end())
        return {};
    return it->second;
}

std::string_view PodNominator::nodeOf(const Pod &pod) const
{
    auto it = nodeOf_.find(keyOf(pod));
    return it == nodeOf_.end() ? std::string_view{} : std::string_view(it->second);
}

bool hasNominatedPodsToRespect(const PodContext &pod, const NodeInfo &node, const PodNominator &nominator)
{
    if (nominator.empty())
        return false;
    const auto nominated = nominator.podsForNode(node.name);
    if (nominated.empty())
        return false;
    const std::string podKey = keyOf(pod.pod);
    return std::any_of(nominated.begin(), nominated.end(),
                       [&](const PodInfo &p) { return mustRespect(p, pod, podKey); });
}

Status runFilterWithNominatedPods(const CycleState &state, const PodContext &pod, const NodeInfo &node,
                                  const ClusterSnapshot &snapshot, const PodNominator &nominator)
{
    const Framework &fw = Framework::defaultFramework();
    if (!hasNominatedPodsToRespect(pod, node, nominator))
        return fw.runFilter(state, pod, node);
    // addGENominatedPods: copies of the node and the cycle state with the nominated pods added,
    // PreFilterExtensions.AddPod kept in step.
    CycleState withGhosts(state);
    NodeInfo nodeWithGhosts(node);
    const std::string podKey = keyOf(pod.pod);
    for (const PodInfo &p : nominator.podsForNode(node.name)) {
        if (!mustRespect(p, pod, podKey))
            continue;
        nodeWithGhosts.addPod(p);
        for (const Plugin *pl : fw.filterPlugins())
            if (!withGhosts.skipFilter(pl->id()))
                pl->addPod(withGhosts, pod, p, nodeWithGhosts, snapshot);
    }
    Status s = fw.runFilter(withGhosts, pod, nodeWithGhosts);
    if (!s.isSuccess())
        return s;
    return fw.runFilter(state, pod, node);
}

}  // namespace podscape::sched
