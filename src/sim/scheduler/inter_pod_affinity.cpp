// InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity/{filtering,scoring}.go):
// required pod affinity / anti-affinity of the incoming pod and required anti-affinity of the pods
// already running filter; preferred terms (both ways) and existing pods' required affinity
// (hardPodAffinityWeight 1) score. Counts are kept per topology domain.
#include "sim/scheduler/cluster_snapshot.h"
#include "sim/scheduler/helpers.h"
#include "sim/scheduler/plugins.h"

#include <climits>

namespace podscape::sched {

namespace {

constexpr std::int64_t kHardPodAffinityWeight = 1;

const std::vector<PodAffinityTerm> &requiredAffinity(const Pod &p)
{
    static const std::vector<PodAffinityTerm> none;
    const auto &a = p.spec.affinity;
    return a && a->podAffinity ? a->podAffinity->required : none;
}

const std::vector<PodAffinityTerm> &requiredAntiAffinity(const Pod &p)
{
    static const std::vector<PodAffinityTerm> none;
    const auto &a = p.spec.affinity;
    return a && a->podAntiAffinity ? a->podAntiAffinity->required : none;
}

const std::vector<WeightedPodAffinityTerm> &preferredAffinity(const Pod &p)
{
    static const std::vector<WeightedPodAffinityTerm> none;
    const auto &a = p.spec.affinity;
    return a && a->podAffinity ? a->podAffinity->preferred : none;
}

const std::vector<WeightedPodAffinityTerm> &preferredAntiAffinity(const Pod &p)
{
    static const std::vector<WeightedPodAffinityTerm> none;
    const auto &a = p.spec.affinity;
    return a && a->podAntiAffinity ? a->podAntiAffinity->preferred : none;
}

// The labels of a namespace (for namespaceSelector), empty when unknown.
const Labels &namespaceLabels(const ClusterSnapshot &snapshot, const std::string &ns)
{
    static const Labels none;
    if (!snapshot.store())
        return none;
    auto n = snapshot.store()->get<Namespace>("", ns);
    return n ? n->metadata.labels : none;
}

// fwk.AffinityTerm.Matches for a term of `owner`: namespaces (the owner's own when neither
// namespaces nor namespaceSelector is set), then the labelSelector, then matchLabelKeys /
// mismatchLabelKeys against the owner's labels (what the API server merges into the selector).
bool termMatches(const PodAffinityTerm &t, const Pod &owner, const Pod &target, const ClusterSnapshot &snapshot)
{
    const std::string &ns = target.metadata.namespace_;
    bool nsMatch;
    if (t.namespaces.empty() && !t.namespaceSelector)
        nsMatch = ns == owner.metadata.namespace_;
    else
        nsMatch = std::find(t.namespaces.begin(), t.namespaces.end(), ns) != t.namespaces.end()
            || (t.namespaceSelector
                && (t.namespaceSelector->isEmpty() || t.namespaceSelector->matches(namespaceLabels(snapshot, ns))));
    if (!nsMatch || !matchesOptionalSelector(t.labelSelector, target.metadata.labels))
        return false;
    const Labels &ol = owner.metadata.labels;
    const Labels &tl = target.metadata.labels;
    for (const auto &k : t.matchLabelKeys) {
        auto o = ol.find(k);
        if (o == ol.end())
            continue;
        auto v = tl.find(k);
        if (v == tl.end() || v->second != o->second)
            return false;
    }
    for (const auto &k : t.mismatchLabelKeys) {
        auto o = ol.find(k);
        auto v = tl.find(k);
        if (o != ol.end() && v != tl.end() && v->second == o->second)
            return false;
    }
    return true;
}

// podMatchesAllAffinityTerms.
bool matchesAllTerms(const std::vector<PodAffinityTerm> &terms, const Pod &owner, const Pod &target,
                     const ClusterSnapshot &snapshot)
{
    if (terms.empty())
        return false;
    for (const auto &t : terms)
        if (!termMatches(t, owner, target, snapshot))
            return false;
    return true;
}

std::int32_t domainOf(const DomainCounts &c, const NodeInfo &node)
{
    return c.index().nodeDomain[node.index];
}

// preFilterState: existingAntiAffinityCounts, affinityCounts, antiAffinityCounts.
struct AffinityFilterState final : StateData {
    TopologyCounter existingAnti;
    TopologyCounter affinity;
    TopologyCounter antiAffinity;
    bool matchesOwnAffinity = false;  // podMatchesAllAffinityTerms(incoming terms, incoming pod)
    std::unique_ptr<StateData> clone() const override { return std::make_unique<AffinityFilterState>(*this); }
};

// updateWithAntiAffinityTerms: +delta for every term of `owner` that `target` matches.
void addAntiTerms(TopologyCounter &counter, const std::vector<PodAffinityTerm> &terms, const Pod &owner,
                  const Pod &target, const NodeInfo &node, std::int64_t delta, const ClusterSnapshot &snapshot)
{
    for (const auto &t : terms) {
        if (!node.labels().count(t.topologyKey) || !termMatches(t, owner, target, snapshot))
            continue;
        auto &c = counter.forKey(t.topologyKey, snapshot);
        c.add(domainOf(c, node), delta);
    }
}

// updateWithAffinityTerms: when `target` matches all the terms, +delta for each term's domain.
void addAffinityTerms(TopologyCounter &counter, const std::vector<PodAffinityTerm> &terms, const Pod &owner,
                      const Pod &target, const NodeInfo &node, std::int64_t delta, const ClusterSnapshot &snapshot)
{
    if (!matchesAllTerms(terms, owner, target, snapshot))
        return;
    for (const auto &t : terms) {
        if (!node.labels().count(t.topologyKey))
            continue;
        auto &c = counter.forKey(t.topologyKey, snapshot);
        c.add(domainOf(c, node), delta);
    }
}

// getExistingAntiAffinityCounts and getIncomingAffinityAntiAffinityCounts.
void countExisting(AffinityFilterState &s, const Pod &pod, const ClusterSnapshot &snapshot)
{
    const auto &aff = requiredAffinity(pod);
    const auto &anti = requiredAntiAffinity(pod);
    const bool incoming = !aff.empty() || !anti.empty();
    for (const auto &node : snapshot.nodes()) {
        if (!incoming && node.podsWithRequiredAntiAffinity == 0)
            continue;
        for (const auto &p : node.pods) {
            if (p.hasRequiredAntiAffinity)
                addAntiTerms(s.existingAnti, requiredAntiAffinity(*p.pod), *p.pod, pod, node, 1, snapshot);
            if (!incoming)
                continue;
            addAffinityTerms(s.affinity, aff, pod, *p.pod, node, 1, snapshot);
            addAntiTerms(s.antiAffinity, anti, pod, *p.pod, node, 1, snapshot);
        }
    }
}

// satisfyPodAffinity: every term's domain must hold a matching pod, unless no pod matches at
// all and the pod matches its own terms (the first pod of a group).
bool satisfiesAffinity(const AffinityFilterState &s, const Pod &pod, const NodeInfo &node)
{
    bool podsExist = true;
    for (const auto &t : requiredAffinity(pod)) {
        if (!node.labels().count(t.topologyKey))
            return false;
        const DomainCounts *c = s.affinity.find(t.topologyKey);
        if (!c || c->atNode(node.index) <= 0)
            podsExist = false;
    }
    if (podsExist)
        return true;
    return s.affinity.nonZero() == 0 && s.matchesOwnAffinity;
}

bool satisfiesAntiAffinity(const AffinityFilterState &s, const Pod &pod, const NodeInfo &node)
{
    for (const auto &t : requiredAntiAffinity(pod)) {
        const DomainCounts *c = s.antiAffinity.find(t.topologyKey);
        if (c && c->atNode(node.index) > 0)
            return false;
    }
    return true;
}

bool satisfiesExistingAntiAffinity(const AffinityFilterState &s, const NodeInfo &node)
{
    for (const auto &c : s.existingAnti.keys())
        if (c.atNode(node.index) > 0)
            return false;
    return true;
}

// --- Scoring ----------------------------------------------------------------------------------

struct AffinityScoreState final : StateData {
    TopologyCounter topologyScore;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<AffinityScoreState>(*this); }
};

// scoreMap.processTerm: weight * multiplier on the existing pod's node domain when `target` matches.
void processTerm(AffinityScoreState &s, const PodAffinityTerm &t, std::int64_t weight, const Pod &owner,
                 const Pod &target, const NodeInfo &node, const ClusterSnapshot &snapshot)
{
    if (!node.labels().count(t.topologyKey) || !termMatches(t, owner, target, snapshot))
        return;
    auto &c = s.topologyScore.forKey(t.topologyKey, snapshot);
    c.add(domainOf(c, node), weight);
}

void processWeighted(AffinityScoreState &s, const std::vector<WeightedPodAffinityTerm> &terms, std::int64_t sign,
                     const Pod &owner, const Pod &target, const NodeInfo &node, const ClusterSnapshot &snapshot)
{
    for (const auto &t : terms)
        processTerm(s, t.term, sign * t.weight, owner, target, node, snapshot);
}

// processExistingPod.
void processExistingPod(AffinityScoreState &s, const Pod &incoming, const Pod &existing, const NodeInfo &node,
                        const ClusterSnapshot &snapshot)
{
    processWeighted(s, preferredAffinity(incoming), 1, incoming, existing, node, snapshot);
    processWeighted(s, preferredAntiAffinity(incoming), -1, incoming, existing, node, snapshot);
    for (const auto &t : requiredAffinity(existing))
        processTerm(s, t, kHardPodAffinityWeight, existing, incoming, node, snapshot);
    processWeighted(s, preferredAffinity(existing), 1, existing, incoming, node, snapshot);
    processWeighted(s, preferredAntiAffinity(existing), -1, existing, incoming, node, snapshot);
}

class InterPodAffinity final : public Plugin {
public:
    InterPodAffinity() : Plugin(PluginId::InterPodAffinity) {}

    // PreFilter: Skip when neither the pod nor any running pod has a required term that applies.
    Status preFilter(CycleState &state, const PodContext &pod, const ClusterSnapshot &snapshot, PreFilterResult &) const override
    {
        const bool incoming = !requiredAffinity(pod.pod).empty() || !requiredAntiAffinity(pod.pod).empty();
        if (!incoming && snapshot.podsWithRequiredAntiAffinity() == 0)
            return Status::skip();  // nothing to count: the Skip Kubernetes reaches after counting
        auto &s = state.preFilterData<AffinityFilterState>(id());
        s.existingAnti.clear();
        s.affinity.clear();
        s.antiAffinity.clear();
        countExisting(s, pod.pod, snapshot);
        s.matchesOwnAffinity = matchesAllTerms(requiredAffinity(pod.pod), pod.pod, pod.pod, snapshot);
        if (s.existingAnti.nonZero() == 0 && requiredAffinity(pod.pod).empty() && requiredAntiAffinity(pod.pod).empty())
            return Status::skip();
        return {};
    }

    void addPod(CycleState &state, const PodContext &pod, const PodInfo &p, const NodeInfo &node,
                const ClusterSnapshot &snapshot) const override
    {
        update(state, pod.pod, *p.pod, node, 1, snapshot);
    }
    void removePod(CycleState &state, const PodContext &pod, const PodInfo &p, const NodeInfo &node,
                   const ClusterSnapshot &snapshot) const override
    {
        update(state, pod.pod, *p.pod, node, -1, snapshot);
    }

    // Filter: affinity (UnschedulableAndUnresolvable), anti-affinity, existing pods' anti-affinity.
    Status filter(const CycleState &state, const PodContext &pod, const NodeInfo &node) const override
    {
        const auto &s = state.preFilterData<AffinityFilterState>(id());
        if (!requiredAffinity(pod.pod).empty() && !satisfiesAffinity(s, pod.pod, node))
            return {Code::UnschedulableAndUnresolvable, reasons::kAffinityRules};
        if (!satisfiesAntiAffinity(s, pod.pod, node))
            return {Code::Unschedulable, reasons::kAntiAffinityRules};
        if (!satisfiesExistingAntiAffinity(s, node))
            return {Code::Unschedulable, reasons::kExistingAntiAffinity};
        return {};
    }

    // PreScore: all pods when the incoming pod has preferred terms, else pods with affinity.
    Status preScore(CycleState &state, const PodContext &pod, const ClusterSnapshot &snapshot,
                    std::span<const NodeInfo *const> nodes) const override
    {
        if (nodes.empty())
            return Status::skip();
        const bool hasConstraints = !preferredAffinity(pod.pod).empty() || !preferredAntiAffinity(pod.pod).empty();
        if (!hasConstraints && snapshot.podsWithAffinity() == 0)
            return Status::skip();  // no term anywhere: topologyScore would stay empty
        auto &s = state.preScoreData<AffinityScoreState>(id());
        s.topologyScore.clear();
        for (const auto &node : snapshot.nodes()) {
            if ((!hasConstraints && node.podsWithAffinity == 0) || node.labels().empty())
                continue;
            for (const auto &p : node.pods)
                if (hasConstraints || p.hasAffinity)
                    processExistingPod(s, pod.pod, *p.pod, node, snapshot);
        }
        return s.topologyScore.keys().empty() ? Status::skip() : Status();
    }

    std::int64_t score(const CycleState &state, const PodContext &, const NodeInfo &node) const override
    {
        std::int64_t score = 0;
        for (const auto &c : state.preScoreData<AffinityScoreState>(id()).topologyScore.keys())
            score += c.atNode(node.index);
        return score;
    }

    // NormalizeScore: min..max onto 0..100.
    void normalizeScore(const CycleState &, const PodContext &, std::span<const NodeInfo *const>,
                        std::span<std::int64_t> scores) const override
    {
        std::int64_t minCount = INT64_MAX, maxCount = INT64_MIN;
        for (auto v : scores) {
            minCount = std::min(minCount, v);
            maxCount = std::max(maxCount, v);
        }
        const std::int64_t diff = maxCount - minCount;
        for (auto &v : scores) {
            double f = 0;
            if (diff > 0)
                f = static_cast<double>(kMaxNodeScore) * (static_cast<double>(v - minCount) / static_cast<double>(diff));
            v = static_cast<std::int64_t>(f);
        }
    }

private:
    // preFilterState.updateWithPod.
    static void update(CycleState &state, const Pod &incoming, const Pod &p, const NodeInfo &node, std::int64_t delta,
                       const ClusterSnapshot &snapshot)
    {
        auto &s = state.mutablePreFilterData<AffinityFilterState>(PluginId::InterPodAffinity);
        addAntiTerms(s.existingAnti, requiredAntiAffinity(p), p, incoming, node, delta, snapshot);
        addAffinityTerms(s.affinity, requiredAffinity(incoming), incoming, p, node, delta, snapshot);
        addAntiTerms(s.antiAffinity, requiredAntiAffinity(incoming), incoming, p, node, delta, snapshot);
    }
};

}  // namespace

std::unique_ptr<Plugin> makeInterPodAffinity()
{
    return std::make_unique<InterPodAffinity>();
}

}  // namespace podscape::sched
