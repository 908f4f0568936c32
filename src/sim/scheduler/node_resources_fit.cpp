// NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources/fit.go, least_allocated.go,
// resource_allocation.go): Filter checks the pod's requests (resource.PodRequests: containers,
// init containers, sidecars, overhead) and the pod count against what is left on the node; Score
// is LeastAllocated over cpu and memory (weights 1) using the non-zero requests.
#include "sim/scheduler/plugins.h"

namespace podscape::sched {

namespace {

// preFilterState: the pod's requests and the reason text of each requested scalar resource.
struct FitState final : StateData {
    Resource request;
    std::vector<std::string_view> scalarReasons;  // parallel to request.scalars
    std::unique_ptr<StateData> clone() const override { return std::make_unique<FitState>(*this); }
};

// "Insufficient <resource>" (fmt.Sprintf("Insufficient %v", rName)), kept for the process.
std::string_view insufficientReason(ScalarResourceId id)
{
    std::string text = "Insufficient ";
    text += scalarResourceName(id);
    return internString(text);
}

struct Shortfall {
    bool any = false;
    bool unresolvable = false;
};

// One fitsRequest check: request > allocatable - requested; Unresolvable when > allocatable.
void check(Status &status, Shortfall &f, std::int64_t want, std::int64_t alloc, std::int64_t used, std::string_view reason)
{
    if (want <= 0 || want <= alloc - used)
        return;
    status.addReason(reason);
    f.any = true;
    f.unresolvable = f.unresolvable || want > alloc;
}

class NodeResourcesFit final : public Plugin {
public:
    NodeResourcesFit() : Plugin(PluginId::NodeResourcesFit) {}

    // Fit.PreFilter / computePodResourceRequest.
    Status preFilter(CycleState &state, const PodContext &pod, const ClusterSnapshot &, PreFilterResult &) const override
    {
        auto &s = state.preFilterData<FitState>(id());
        s.request = pod.resources.requests;
        s.scalarReasons.clear();
        for (const auto &q : s.request.scalars)
            s.scalarReasons.push_back(insufficientReason(q.id));
        return {};
    }

    // Fit.Filter / fitsRequest: every shortfall is a reason; UnschedulableAndUnresolvable when a
    // request exceeds the node's allocatable (#131345).
    Status filter(const CycleState &state, const PodContext &, const NodeInfo &node) const override
    {
        const auto &s = state.preFilterData<FitState>(id());
        Status status(Code::Unschedulable);
        Shortfall f;
        if (static_cast<std::int64_t>(node.pods.size()) + 1 > node.allocatable.allowedPodNumber) {
            status.addReason(reasons::kTooManyPods);
            f.any = true;
        }
        const Resource &r = s.request;
        if (r.isZero())
            return f.any ? status : Status();
        check(status, f, r.milliCPU, node.allocatable.milliCPU, node.requested.milliCPU, reasons::kInsufficientCPU);
        check(status, f, r.memory, node.allocatable.memory, node.requested.memory, reasons::kInsufficientMemory);
        check(status, f, r.ephemeralStorage, node.allocatable.ephemeralStorage, node.requested.ephemeralStorage,
              reasons::kInsufficientEphemeral);
        for (std::size_t i = 0; i < r.scalars.size(); ++i) {
            const auto id = r.scalars[i].id;
            check(status, f, r.scalars[i].value, node.allocatable.scalar(id), node.requested.scalar(id), s.scalarReasons[i]);
        }
        if (!f.any)
            return {};
        if (f.unresolvable)
            status.setCode(Code::UnschedulableAndUnresolvable);
        return status;
    }

    // Score: LeastAllocated with NonZeroRequested (leastResourceScorer, weights cpu 1, memory 1).
    std::int64_t score(const CycleState &, const PodContext &pod, const NodeInfo &node) const override
    {
        std::int64_t total = 0, weights = 0;
        if (node.allocatable.milliCPU != 0) {
            total += leastRequestedScore(node.nonZeroMilliCPU + pod.resources.nonZeroMilliCPU, node.allocatable.milliCPU);
            ++weights;
        }
        if (node.allocatable.memory != 0) {
            total += leastRequestedScore(node.nonZeroMemory + pod.resources.nonZeroMemory, node.allocatable.memory);
            ++weights;
        }
        return weights ? total / weights : 0;
    }
};

}  // namespace

// leastRequestedScore: the unused share of the capacity on 0..100.
std::int64_t leastRequestedScore(std::int64_t requested, std::int64_t capacity)
{
    if (capacity == 0 || requested > capacity)
        return 0;
    return (capacity - requested) * kMaxNodeScore / capacity;
}

std::unique_ptr<Plugin> makeNodeResourcesFit()
{
    return std::make_unique<NodeResourcesFit>();
}

}  // namespace podscape::sched
