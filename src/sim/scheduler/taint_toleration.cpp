// TaintToleration (pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go):
// Filter rejects a node with a NoSchedule/NoExecute taint the pod does not tolerate; Score counts
// the PreferNoSchedule taints the pod does not tolerate, normalized in reverse (fewer is better).
#include "sim/scheduler/helpers.h"
#include "sim/scheduler/plugins.h"

namespace podscape::sched {

namespace {

// preScoreState: the tolerations with effect PreferNoSchedule or no effect.
struct TaintPreScore final : StateData {
    std::vector<const Toleration *> preferNoSchedule;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<TaintPreScore>(*this); }
};

bool tolerated(const std::vector<const Toleration *> &tolerations, const Taint &taint)
{
    for (const Toleration *t : tolerations)
        if (toleratesTaint(*t, taint))
            return true;
    return false;
}

class TaintToleration final : public Plugin {
public:
    TaintToleration() : Plugin(PluginId::TaintToleration) {}

    // TaintToleration.Filter: v1.35 reports "node(s) had untolerated taint(s)" (#134740).
    Status filter(const CycleState &, const PodContext &pod, const NodeInfo &node) const override
    {
        if (!node.hasTaints || !findUntoleratedDoNotScheduleTaint(node.node->spec.taints, pod.pod.spec.tolerations))
            return {};
        return {Code::UnschedulableAndUnresolvable, reasons::kUntoleratedTaint};
    }

    // PreScore / getAllTolerationPreferNoSchedule.
    Status preScore(CycleState &state, const PodContext &pod, const ClusterSnapshot &,
                    std::span<const NodeInfo *const>) const override
    {
        auto &s = state.preScoreData<TaintPreScore>(id());
        s.preferNoSchedule.clear();
        for (const auto &t : pod.pod.spec.tolerations)
            if (t.effect.empty() || t.effect == "PreferNoSchedule")
                s.preferNoSchedule.push_back(&t);
        return {};
    }

    // Score / countIntolerableTaintsPreferNoSchedule.
    std::int64_t score(const CycleState &state, const PodContext &, const NodeInfo &node) const override
    {
        if (!node.hasTaints)
            return 0;
        const auto &s = state.preScoreData<TaintPreScore>(id());
        std::int64_t count = 0;
        for (const auto &taint : node.node->spec.taints)
            if (taint.effect == "PreferNoSchedule" && !tolerated(s.preferNoSchedule, taint))
                ++count;
        return count;
    }

    void normalizeScore(const CycleState &, const PodContext &, std::span<const NodeInfo *const>,
                        std::span<std::int64_t> scores) const override
    {
        defaultNormalizeScore(kMaxNodeScore, true, scores);
    }
};

}  // namespace

std::unique_ptr<Plugin> makeTaintToleration()
{
    return std::make_unique<TaintToleration>();
}

}  // namespace podscape::sched
