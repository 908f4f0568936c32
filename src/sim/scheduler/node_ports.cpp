// NodePorts (pkg/scheduler/framework/plugins/nodeports/node_ports.go): a host port (ip, protocol,
// port) can be used once per node; 0.0.0.0 conflicts with every ip (HostPortInfo.CheckConflict).
#include "sim/scheduler/plugins.h"

namespace podscape::sched {

namespace {

struct PortsState final : StateData {
    std::vector<HostPort> wanted;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<PortsState>(*this); }
};

// HostPortInfo.CheckConflict.
bool conflicts(const std::vector<HostPort> &used, const HostPort &want)
{
    if (want.port <= 0)
        return false;
    const bool anyIP = want.ip == "0.0.0.0";
    for (const auto &u : used) {
        if (u.port != want.port || u.protocol != want.protocol)
            continue;
        if (anyIP || u.ip == want.ip || u.ip == "0.0.0.0")
            return true;
    }
    return false;
}

class NodePorts final : public Plugin {
public:
    NodePorts() : Plugin(PluginId::NodePorts) {}

    // PreFilter: Skip when the pod asks for no host port.
    Status preFilter(CycleState &state, const PodContext &pod, const ClusterSnapshot &, PreFilterResult &) const override
    {
        auto &s = state.preFilterData<PortsState>(id());
        s.wanted = podHostPorts(pod.pod);
        return s.wanted.empty() ? Status::skip() : Status();
    }

    // Filter / fitsPorts.
    Status filter(const CycleState &state, const PodContext &, const NodeInfo &node) const override
    {
        for (const auto &want : state.preFilterData<PortsState>(id()).wanted)
            if (conflicts(node.usedPorts, want))
                return {Code::Unschedulable, reasons::kNodePorts};
        return {};
    }
};

}  // namespace

std::unique_ptr<Plugin> makeNodePorts()
{
    return std::make_unique<NodePorts>();
}

}  // namespace podscape::sched
