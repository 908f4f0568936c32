// NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/
// balanced_allocation.go): favours nodes whose cpu and memory usage fractions, with the pod, are
// close: score = (1 - std) * 100 over the resources with non-zero allocatable, using the nodes'
// Requested and the pod's requests without defaults. Best-effort pods skip it (#129138).
#include "sim/scheduler/plugins.h"

#include <array>
#include <algorithm>
#include <cmath>

namespace podscape::sched {

namespace {

class BalancedAllocation final : public Plugin {
public:
    BalancedAllocation() : Plugin(PluginId::NodeResourcesBalancedAllocation) {}

    // PreScore: Skip for a pod requesting neither cpu nor memory (isBestEffortPod).
    Status preScore(CycleState &, const PodContext &pod, const ClusterSnapshot &,
                    std::span<const NodeInfo *const>) const override
    {
        const auto &r = pod.resources.requests;
        return r.milliCPU == 0 && r.memory == 0 ? Status::skip() : Status();
    }

    std::int64_t score(const CycleState &, const PodContext &pod, const NodeInfo &node) const override
    {
        const auto &r = pod.resources.requests;
        const std::int64_t cpuAlloc = node.allocatable.milliCPU, memAlloc = node.allocatable.memory;
        if (cpuAlloc == 0 || memAlloc == 0) {
            std::array<std::int64_t, 2> requested{node.requested.milliCPU + r.milliCPU, node.requested.memory + r.memory};
            std::array<std::int64_t, 2> allocatable{cpuAlloc, memAlloc};
            return balancedResourceScore(requested, allocatable);
        }
        // The two-resource case of balancedResourceScorer: std = |cpu - memory| / 2.
        const double cpu = std::min(1.0, static_cast<double>(node.requested.milliCPU + r.milliCPU) / static_cast<double>(cpuAlloc));
        const double mem = std::min(1.0, static_cast<double>(node.requested.memory + r.memory) / static_cast<double>(memAlloc));
        return static_cast<std::int64_t>((1 - std::abs((cpu - mem) / 2)) * static_cast<double>(kMaxNodeScore));
    }
};

}  // namespace

// balancedResourceScorer.
std::int64_t balancedResourceScore(std::span<const std::int64_t> requested, std::span<const std::int64_t> allocatable)
{
    std::array<double, 16> fractions;
    std::size_t n = 0;
    double total = 0;
    for (std::size_t i = 0; i < requested.size() && n < fractions.size(); ++i) {
        if (allocatable[i] == 0)
            continue;
        double f = static_cast<double>(requested[i]) / static_cast<double>(allocatable[i]);
        f = f > 1 ? 1 : f;
        total += f;
        fractions[n++] = f;
    }
    double stddev = 0;
    if (n == 2) {
        stddev = std::abs((fractions[0] - fractions[1]) / 2);
    } else if (n > 2) {
        const double mean = total / static_cast<double>(n);
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            sum += (fractions[i] - mean) * (fractions[i] - mean);
        stddev = std::sqrt(sum / static_cast<double>(n));
    }
    return static_cast<std::int64_t>((1 - stddev) * static_cast<double>(kMaxNodeScore));
}

std::unique_ptr<Plugin> makeBalancedAllocation()
{
    return std::make_unique<BalancedAllocation>();
}

}  // namespace podscape::sched
