// NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go):
// a cordoned node (spec.unschedulable) takes only pods tolerating node.kubernetes.io/unschedulable.
#include "sim/scheduler/helpers.h"
#include "sim/scheduler/plugins.h"

namespace podscape::sched {

namespace {

class NodeUnschedulable final : public Plugin {
public:
    NodeUnschedulable() : Plugin(PluginId::NodeUnschedulable) {}

    // NodeUnschedulable.Filter.
    Status filter(const CycleState &, const PodContext &pod, const NodeInfo &node) const override
    {
        if (!node.unschedulable)
            return {};
        static const Taint unschedulableTaint{"node.kubernetes.io/unschedulable", "", "NoSchedule", std::nullopt};
        if (tolerationsTolerateTaint(pod.pod.spec.tolerations, unschedulableTaint))
            return {};
        return {Code::UnschedulableAndUnresolvable, reasons::kUnschedulable};
    }
};

}  // namespace

std::unique_ptr<Plugin> makeNodeUnschedulable()
{
    return std::make_unique<NodeUnschedulable>();
}

}  // namespace podscape::sched
