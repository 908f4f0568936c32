// VolumeRestrictions (pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go):
// a PersistentVolumeClaim with the ReadWriteOncePod access mode may be used by one pod in the whole
// cluster. Claims must exist (PreFilter: `persistentvolumeclaim "x" not found`). The GCE PD / EBS /
// iSCSI / RBD disk-conflict checks need volume details Podscape does not model.
#include "sim/scheduler/cluster_snapshot.h"
#include "sim/scheduler/plugins.h"

#include <algorithm>

namespace podscape::sched {

namespace {

// preFilterState: the pod's ReadWriteOncePod claims and how many of them are already in use.
struct RestrictionsState final : StateData {
    std::vector<std::string_view> rwopClaims;
    int conflictingPVCRefCount = 0;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<RestrictionsState>(*this); }

    // updateWithPod / conflictingPVCRefCountForPod: +/- one per claim of `pod` named like one of
    // ours (Kubernetes compares claim names only).
    void updateWithPod(const Pod &pod, int delta)
    {
        for (const auto &v : pod.spec.volumes)
            if (v.type == Volume::Type::PersistentVolumeClaim
                && std::find(rwopClaims.begin(), rwopClaims.end(), v.sourceName) != rwopClaims.end())
                conflictingPVCRefCount += delta;
    }
};

bool hasAccessMode(const std::vector<std::string> &modes, std::string_view mode)
{
    return std::find(modes.begin(), modes.end(), mode) != modes.end();
}

std::string_view claimNotFound(std::string_view name)
{
    std::string text = "persistentvolumeclaim \"";
    text.append(name).append("\" not found");
    return internString(text);
}

class VolumeRestrictions final : public Plugin {
public:
    VolumeRestrictions() : Plugin(PluginId::VolumeRestrictions) {}

    // PreFilter / readWriteOncePodPVCsForPod / calPreFilterState.
    Status preFilter(CycleState &state, const PodContext &pod, const ClusterSnapshot &snapshot, PreFilterResult &) const override
    {
        auto &s = state.preFilterData<RestrictionsState>(id());
        s.rwopClaims.clear();
        s.conflictingPVCRefCount = 0;
        const std::string &ns = pod.pod.metadata.namespace_;
        for (const auto &v : pod.pod.spec.volumes) {
            if (v.type != Volume::Type::PersistentVolumeClaim)
                continue;
            auto pvc = snapshot.store() ? snapshot.store()->get<PersistentVolumeClaim>(ns, v.sourceName) : nullptr;
            if (!pvc)
                return {Code::UnschedulableAndUnresolvable, claimNotFound(v.sourceName)};
            if (hasAccessMode(pvc->spec.accessModes, "ReadWriteOncePod"))
                s.rwopClaims.push_back(v.sourceName);
        }
        for (auto claim : s.rwopClaims)
            if (snapshot.isPVCUsedByPods(ns, claim))
                ++s.conflictingPVCRefCount;
        return s.conflictingPVCRefCount == 0 ? Status::skip() : Status();
    }

    void addPod(CycleState &state, const PodContext &, const PodInfo &added, const NodeInfo &,
                const ClusterSnapshot &) const override
    {
        state.mutablePreFilterData<RestrictionsState>(id()).updateWithPod(*added.pod, 1);
    }
    void removePod(CycleState &state, const PodContext &, const PodInfo &removed, const NodeInfo &,
                   const ClusterSnapshot &) const override
    {
        state.mutablePreFilterData<RestrictionsState>(id()).updateWithPod(*removed.pod, -1);
    }

    // Filter / satisfyReadWriteOncePod: the conflict is cluster-wide, so every node fails alike.
    Status filter(const CycleState &state, const PodContext &, const NodeInfo &) const override
    {
        if (state.preFilterData<RestrictionsState>(id()).conflictingPVCRefCount > 0)
            return {Code::Unschedulable, reasons::kReadWriteOncePod};
        return {};
    }
};

}  // namespace

std::unique_ptr<Plugin> makeVolumeRestrictions()
{
    return std::make_unique<VolumeRestrictions>();
}

}  // namespace podscape::sched
