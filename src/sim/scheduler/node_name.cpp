// NodeName (pkg/scheduler/framework/plugins/nodename/node_name.go): a pod with spec.nodeName fits
// only that node.
#include "sim/scheduler/plugins.h"

namespace podscape::sched {

namespace {

class NodeName final : public Plugin {
public:
    NodeName() : Plugin(PluginId::NodeName) {}

    // Fits() is true for every node when spec.nodeName is empty: skip the Filter calls.
    Status preFilter(CycleState &, const PodContext &pod, const ClusterSnapshot &, PreFilterResult &) const override
    {
        return pod.pod.spec.nodeName.empty() ? Status::skip() : Status();
    }

    // NodeName.Filter / Fits.
    Status filter(const CycleState &, const PodContext &pod, const NodeInfo &node) const override
    {
        if (pod.pod.spec.nodeName == node.name)
            return {};
        return {Code::UnschedulableAndUnresolvable, reasons::kNodeName};
    }
};

}  // namespace

std::unique_ptr<Plugin> makeNodeName()
{
    return std::make_unique<NodeName>();
}

}  // namespace podscape::sched
