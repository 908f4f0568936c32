// NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go): spec.nodeSelector
// and requiredDuringScheduling node affinity filter; preferred terms score (sum of the weights of
// matching terms, normalized to 0..100).
#include "sim/scheduler/helpers.h"
#include "sim/scheduler/plugins.h"

namespace podscape::sched {

namespace {

const std::vector<PreferredSchedulingTerm> *preferredTerms(const Pod &pod)
{
    const auto &a = pod.spec.affinity;
    if (!a || !a->nodeAffinity || a->nodeAffinity->preferred.empty())
        return nullptr;
    return &a->nodeAffinity->preferred;
}

// The intersection of a term's "metadata.name In (...)" fields; nullopt when it has none.
std::optional<std::set<std::string>> termNodeNames(const NodeSelectorTerm &term)
{
    std::optional<std::set<std::string>> names;
    for (const auto &r : term.matchFields) {
        if (r.key != "metadata.name" || r.op != SelectorOperator::In)
            continue;
        std::set<std::string> s(r.values.begin(), r.values.end());
        if (!names) {
            names = std::move(s);
            continue;
        }
        std::set<std::string> both;
        for (const auto &n : *names)
            if (s.count(n))
                both.insert(n);
        names = std::move(both);
    }
    return names;
}

class NodeAffinity final : public Plugin {
public:
    NodeAffinity() : Plugin(PluginId::NodeAffinity) {}

    // NodeAffinity.PreFilter: Skip without selector/affinity; node names from matchFields.
    Status preFilter(CycleState &, const PodContext &pod, const ClusterSnapshot &, PreFilterResult &result) const override
    {
        if (!hasRequiredNodeAffinity(pod.pod))
            return Status::skip();
        const NodeSelector *required = requiredNodeSelector(pod.pod);
        if (!required || required->nodeSelectorTerms.empty())
            return {};
        std::set<std::string> all;
        for (const auto &term : required->nodeSelectorTerms) {
            auto names = termNodeNames(term);
            if (!names)
                return {};  // a term without node-name fields: every node is eligible
            all.insert(names->begin(), names->end());
        }
        if (all.empty())
            return {Code::UnschedulableAndUnresolvable, reasons::kNodeAffinityConflict};
        result.nodeNames = std::move(all);
        return {};
    }

    // NodeAffinity.Filter.
    Status filter(const CycleState &, const PodContext &pod, const NodeInfo &node) const override
    {
        if (matchesRequiredNodeAffinity(pod.pod, *node.node))
            return {};
        return {Code::UnschedulableAndUnresolvable, reasons::kNodeAffinity};
    }

    Status preScore(CycleState &, const PodContext &pod, const ClusterSnapshot &,
                    std::span<const NodeInfo *const>) const override
    {
        return preferredTerms(pod.pod) ? Status() : Status::skip();
    }

    // PreferredSchedulingTerms.Score: terms of weight 0 are ignored.
    std::int64_t score(const CycleState &, const PodContext &pod, const NodeInfo &node) const override
    {
        std::int64_t count = 0;
        for (const auto &t : *preferredTerms(pod.pod))
            if (t.weight != 0 && matchesNodeSelectorTerm(t.preference, node.labels(), node.node->metadata.name))
                count += t.weight;
        return count;
    }

    void normalizeScore(const CycleState &, const PodContext &, std::span<const NodeInfo *const>,
                        std::span<std::int64_t> scores) const override
    {
        defaultNormalizeScore(kMaxNodeScore, false, scores);
    }
};

}  // namespace

std::unique_ptr<Plugin> makeNodeAffinity()
{
    return std::make_unique<NodeAffinity>();
}

}  // namespace podscape::sched
