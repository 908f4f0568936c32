// VolumeBinding (pkg/scheduler/framework/plugins/volumebinding/volume_binding.go, binder.go):
// bound claims need their PersistentVolume to exist and to accept the node (PV node affinity);
// unbound claims of a WaitForFirstConsumer class need, on the node, a matching available PV or a
// class that can provision; unbound claims of an Immediate class block the pod in PreFilter.
#include "sim/scheduler/cluster_snapshot.h"
#include "sim/scheduler/plugins.h"

#include <algorithm>

namespace podscape::sched {

namespace {

using PVPtr = std::shared_ptr<const PersistentVolume>;
using PVCPtr = std::shared_ptr<const PersistentVolumeClaim>;

// stateData.podVolumeClaims, resolved against the store once per pod.
struct BindingState final : StateData {
    std::vector<PVPtr> boundPVs;  // null: the claim's volume does not exist
    struct Delayed {
        PVCPtr claim;
        std::shared_ptr<const StorageClass> storageClass;
        std::vector<PVPtr> candidates;  // same class, free or pre-bound to the claim, matching
    };
    std::vector<Delayed> delayed;  // sorted by requested size (byPVCSize)
    std::unique_ptr<StateData> clone() const override { return std::make_unique<BindingState>(*this); }
};

std::string_view claimError(std::string_view name, std::string_view what)
{
    std::string text = "persistentvolumeclaim \"";
    text.append(name).append("\" ").append(what);
    return internString(text);
}

// storagehelpers.GetPersistentVolumeClaimClass / GetPersistentVolumeClass.
std::string claimClass(const PersistentVolumeClaim &pvc)
{
    auto it = pvc.metadata.annotations.find("volume.beta.kubernetes.io/storage-class");
    if (it != pvc.metadata.annotations.end())
        return it->second;
    return pvc.spec.storageClassName.value_or("");
}

std::string volumeClass(const PersistentVolume &pv)
{
    auto it = pv.metadata.annotations.find("volume.beta.kubernetes.io/storage-class");
    return it != pv.metadata.annotations.end() ? it->second : pv.spec.storageClassName;
}

Quantity storageOf(const ResourceList &list)
{
    auto it = list.find("storage");
    return it == list.end() ? Quantity() : it->second;
}

// The claims the pod mounts: persistentVolumeClaim volumes, and ephemeral volumes' <pod>-<volume>.
std::vector<std::string> podClaimNames(const Pod &pod)
{
    std::vector<std::string> names;
    for (const auto &v : pod.spec.volumes) {
        if (v.type == Volume::Type::PersistentVolumeClaim)
            names.push_back(v.sourceName);
        else if (v.type == Volume::Type::Ephemeral)
            names.push_back(pod.metadata.name + "-" + v.name);
    }
    return names;
}

// FindMatchingVolume's static checks (everything but node affinity and already-chosen volumes).
bool volumeMatchesClaim(const PersistentVolume &pv, const PersistentVolumeClaim &pvc, const std::string &cls)
{
    if (pv.metadata.deletionTimestamp || volumeClass(pv) != cls || pv.spec.volumeMode != pvc.spec.volumeMode)
        return false;
    if (pv.spec.claimRef
        && (pv.spec.claimRef->name != pvc.metadata.name || pv.spec.claimRef->namespace_ != pvc.metadata.namespace_
            || (!pv.spec.claimRef->uid.empty() && pv.spec.claimRef->uid != pvc.metadata.uid)))
        return false;
    for (const auto &mode : pvc.spec.accessModes)
        if (std::find(pv.spec.accessModes.begin(), pv.spec.accessModes.end(), mode) == pv.spec.accessModes.end())
            return false;
    if (storageOf(pv.spec.capacity) < storageOf(pvc.spec.resources.requests))
        return false;
    return !pvc.spec.selector || pvc.spec.selector->matches(pv.metadata.labels);
}

bool volumeFitsNode(const PersistentVolume &pv, const Node &node)
{
    return !pv.spec.nodeAffinity || pv.spec.nodeAffinity->matches(node.metadata.labels, node.metadata.name);
}

// util.GetLocalPersistentVolumeNodeNames: hostname "In" values of the PV's required terms.
std::optional<std::set<std::string>> localVolumeNodeNames(const PersistentVolume &pv)
{
    if (!pv.spec.nodeAffinity)
        return std::nullopt;
    std::set<std::string> result;
    for (const auto &term : pv.spec.nodeAffinity->nodeSelectorTerms) {
        std::optional<std::set<std::string>> nodes;
        for (const auto &r : term.matchExpressions) {
            if (r.key != "kubernetes.io/hostname" || r.op != SelectorOperator::In)
                continue;
            std::set<std::string> values(r.values.begin(), r.values.end());
            if (!nodes) {
                nodes = std::move(values);
                continue;
            }
            std::set<std::string> both;
            std::set_intersection(nodes->begin(), nodes->end(), values.begin(), values.end(),
                                  std::inserter(both, both.begin()));
            nodes = std::move(both);
        }
        if (nodes)
            result.insert(nodes->begin(), nodes->end());
    }
    return result.empty() ? std::nullopt : std::optional(std::move(result));
}

// volumeBinder.GetEligibleNodes: intersection of the bound local volumes' nodes.
void eligibleNodes(const BindingState &s, PreFilterResult &result)
{
    std::optional<std::set<std::string>> eligible;
    for (const auto &pv : s.boundPVs) {
        if (!pv)
            return;  // an error finding a PV: no reduction
        auto names = localVolumeNodeNames(*pv);
        if (!names)
            continue;
        if (!eligible) {
            eligible = std::move(names);
            continue;
        }
        std::set<std::string> both;
        std::set_intersection(eligible->begin(), eligible->end(), names->begin(), names->end(),
                              std::inserter(both, both.begin()));
        eligible = std::move(both);
    }
    result.nodeNames = std::move(eligible);
}

class VolumeBinding final : public Plugin {
public:
    VolumeBinding() : Plugin(PluginId::VolumeBinding) {}

    // PreFilter / podHasPVCs / GetPodVolumeClaims.
    Status preFilter(CycleState &state, const PodContext &pod, const ClusterSnapshot &snapshot,
                     PreFilterResult &result) const override
    {
        auto &s = state.preFilterData<BindingState>(id());
        s.boundPVs.clear();
        s.delayed.clear();
        const auto names = podClaimNames(pod.pod);
        if (names.empty())
            return Status::skip();
        bool immediateUnbound = false;
        for (const auto &name : names) {
            Status st = resolveClaim(s, pod.pod.metadata.namespace_, name, snapshot, immediateUnbound);
            if (!st.isSuccess())
                return st;
        }
        if (immediateUnbound)
            return {Code::UnschedulableAndUnresolvable, reasons::kUnboundImmediate};
        std::stable_sort(s.delayed.begin(), s.delayed.end(), [](const auto &a, const auto &b) {
            return storageOf(a.claim->spec.resources.requests) < storageOf(b.claim->spec.resources.requests);
        });
        eligibleNodes(s, result);
        return {};
    }

    // Filter / FindPodVolumes: reasons in Kubernetes' order.
    Status filter(const CycleState &state, const PodContext &, const NodeInfo &node) const override
    {
        const auto &s = state.preFilterData<BindingState>(id());
        bool boundSatisfied = true, boundFound = true;
        for (const auto &pv : s.boundPVs) {
            if (!pv) {
                boundFound = false;  // checkBoundClaims: (satisfied, found) = (true, false)
                break;
            }
            if (!volumeFitsNode(*pv, *node.node)) {
                boundSatisfied = false;
                break;
            }
        }
        const bool unboundSatisfied = delayedClaimsFit(s, *node.node);
        if (boundSatisfied && unboundSatisfied && boundFound)
            return {};
        Status status(Code::UnschedulableAndUnresolvable);
        if (!boundSatisfied)
            status.addReason(reasons::kVolumeNodeConflict);
        if (!unboundSatisfied)
            status.addReason(reasons::kVolumeBindConflict);
        if (!boundFound)
            status.addReason(reasons::kPVNotExist);
        return status;
    }

private:
    static Status resolveClaim(BindingState &s, const std::string &ns, const std::string &name,
                               const ClusterSnapshot &snapshot, bool &immediateUnbound)
    {
        const ObjectStore *store = snapshot.store();
        PVCPtr pvc = store ? store->get<PersistentVolumeClaim>(ns, name) : nullptr;
        if (!pvc)
            return {Code::UnschedulableAndUnresolvable, claimError(name, "not found")};
        if (pvc->metadata.deletionTimestamp)
            return {Code::UnschedulableAndUnresolvable, claimError(name, "is being deleted")};
        if (!pvc->spec.volumeName.empty()) {
            s.boundPVs.push_back(store->get<PersistentVolume>("", pvc->spec.volumeName));
            return {};
        }
        const std::string cls = claimClass(*pvc);
        auto sc = cls.empty() ? nullptr : store->get<StorageClass>("", cls);
        if (!cls.empty() && !sc) {
            std::string text = "storageclass.storage.k8s.io \"" + cls + "\" not found";
            return {Code::UnschedulableAndUnresolvable, internString(text)};
        }
        if (!sc || sc->volumeBindingMode != "WaitForFirstConsumer") {
            immediateUnbound = true;
            return {};
        }
        BindingState::Delayed d{pvc, sc, {}};
        for (const auto &pv : store->list<PersistentVolume>())
            if (volumeMatchesClaim(*pv, *pvc, cls))
                d.candidates.push_back(pv);
        s.delayed.push_back(std::move(d));
        return {};
    }

    // findMatchingVolumes (smallest fitting volume per claim, each used once) and then
    // checkVolumeProvisions for the claims left: the class must have a provisioner.
    static bool delayedClaimsFit(const BindingState &s, const Node &node)
    {
        std::vector<const PersistentVolume *> chosen;
        for (const auto &d : s.delayed) {
            const PersistentVolume *best = nullptr;
            for (const auto &pv : d.candidates) {
                if (!volumeFitsNode(*pv, node) || std::find(chosen.begin(), chosen.end(), pv.get()) != chosen.end())
                    continue;
                if (!best || storageOf(pv->spec.capacity) < storageOf(best->spec.capacity))
                    best = pv.get();
            }
            if (best) {
                chosen.push_back(best);
                continue;
            }
            const std::string &provisioner = d.storageClass->provisioner;
            if (provisioner.empty() || provisioner == "kubernetes.io/no-provisioner")
                return false;
        }
        return true;
    }
};

}  // namespace

std::unique_ptr<Plugin> makeVolumeBinding()
{
    return std::make_unique<VolumeBinding>();
}

}  // namespace podscape::sched
