// PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread/{common,filtering,scoring}.go):
// DoNotSchedule constraints filter (skew = matching pods in the node's domain + self - global
// minimum > maxSkew); ScheduleAnyway constraints, or the system default constraints (hostname
// maxSkew 3, zone maxSkew 5) for pods selected by a Service/ReplicaSet/StatefulSet/RC, score.
#include "sim/scheduler/cluster_snapshot.h"
#include "sim/scheduler/helpers.h"
#include "sim/scheduler/plugins.h"

#include <climits>
#include <cmath>

namespace podscape::sched {

namespace {

const std::string kHostname = "kubernetes.io/hostname";
const std::string kZone = "topology.kubernetes.io/zone";

// topologySpreadConstraint with its parsed selector.
struct Constraint {
    std::int32_t maxSkew = 1;
    const std::string *topologyKey = nullptr;
    const LabelSelector *selector = nullptr; // null: matches nothing (nil labelSelector)
    bool useDefaultSelector = false;         // system default constraints: the state's selector
    std::vector<std::pair<std::string_view, std::string_view>> matchLabels; // from matchLabelKeys
    std::int32_t minDomains = 1;
    bool honorNodeAffinity = true;                     // nodeAffinityPolicy Honor (default)
    bool honorNodeTaints = false;                      // nodeTaintsPolicy Ignore (default)
    bool takesEveryNode = false; // no inclusion policy can leave a node out (set by buildConstraints)
    const std::vector<std::int32_t> *counts = nullptr; // the snapshot's matching pods per node
};

// The constraints of one pod and the selector DefaultSelector built for the default constraints.
struct ConstraintSet {
    std::vector<Constraint> constraints;
    LabelSelector defaultSelector;

    const LabelSelector *selectorOf(const Constraint &c) const
    {
        return c.useDefaultSelector ? &defaultSelector : c.selector;
    }
    bool matches(const Constraint &c, const Labels &labels) const
    {
        const LabelSelector *s = selectorOf(c);
        if (!s || !s->matches(labels))
            return false;
        for (const auto &[k, v] : c.matchLabels) {
            auto it = labels.find(std::string(k));
            if (it == labels.end() || it->second != v)
                return false;
        }
        return true;
    }
    // labels.Selector.Empty(): an empty (not nil) selector without merged keys.
    bool emptySelector(const Constraint &c) const
    {
        const LabelSelector *s = selectorOf(c);
        return s && s->isEmpty() && c.matchLabels.empty();
    }
    // countPodsMatchSelector (terminating pods and other namespaces do not count), as the snapshot
    // keeps it (see attachCounts). Only the snapshot's own nodes are asked about: PreFilter and
    // PreScore walk them and Score gets them from the framework; the copies of what-if runs
    // (preemption, nominated pods) change the filter state through addPod/removePod instead.
    // No counts: a nil or empty selector, which counts nothing here.
    std::int64_t countMatching(const Constraint &c, const NodeInfo &node) const
    {
        return c.counts ? (*c.counts)[node.index] : 0;
    }
    // Gives every constraint the snapshot's counts of its selection; the two system default
    // constraints share one.
    void attachCounts(const ClusterSnapshot &snapshot, const std::string &ns)
    {
        PodSelection selection;
        selection.namespace_ = ns;
        const Constraint *previous = nullptr;
        for (auto &c : constraints) {
            if (!selectorOf(c) || emptySelector(c))
                continue;
            if (previous && selectorOf(*previous) == selectorOf(c) && previous->matchLabels == c.matchLabels) {
                c.counts = previous->counts;
                continue;
            }
            selection.selector = *selectorOf(c);
            selection.labels.assign(c.matchLabels.begin(), c.matchLabels.end());
            c.counts = &snapshot.matchingPods(selection);
            previous = &c;
        }
    }
};

// filterTopologySpreadConstraints for one whenUnsatisfiable action.
void podConstraints(const Pod &pod, std::string_view action, ConstraintSet &out)
{
    for (const auto &tsc : pod.spec.topologySpreadConstraints) {
        if (tsc.whenUnsatisfiable != action)
            continue;
        Constraint c;
        c.maxSkew = tsc.maxSkew;
        c.topologyKey = &tsc.topologyKey;
        c.selector = tsc.labelSelector ? &*tsc.labelSelector : nullptr;
        for (const auto &key : tsc.matchLabelKeys) {
            auto it = pod.metadata.labels.find(key);
            if (it != pod.metadata.labels.end() && c.selector)
                c.matchLabels.emplace_back(it->first, it->second);
        }
        c.minDomains = tsc.minDomains.value_or(1);
        c.honorNodeAffinity = tsc.nodeAffinityPolicy != "Ignore";
        c.honorNodeTaints = tsc.nodeTaintsPolicy == "Honor";
        out.constraints.push_back(std::move(c));
    }
}

// A controller's selector requirements added to the default selector (RS / StatefulSet).
void addSelector(LabelSelector &into, const std::optional<LabelSelector> &from)
{
    if (!from)
        return;
    for (const auto &[k, v] : from->matchLabels)
        into.matchExpressions.push_back({k, SelectorOperator::In, {v}});
    for (const auto &r : from->matchExpressions)
        into.matchExpressions.push_back(r);
}

// helper.DefaultSelector: the selectors of the Services selecting the pod and of its controller.
LabelSelector defaultSelector(const Pod &pod, const ObjectStore *store)
{
    LabelSelector s;
    if (!store)
        return s;
    const std::string &ns = pod.metadata.namespace_;
    for (const auto &svc : store->list<Service>(ns)) {
        if (!svc->spec.selector)
            continue;
        LabelSelector sel{*svc->spec.selector, {}};
        if (sel.matches(pod.metadata.labels))
            s.matchLabels.insert(svc->spec.selector->begin(), svc->spec.selector->end());
    }
    const OwnerReference *owner = pod.metadata.controllerRef();
    if (!owner)
        return s;
    if (owner->kind == "ReplicationController" && owner->apiVersion == "v1") {
        if (auto rc = store->get<ReplicationController>(ns, owner->name))
            s.matchLabels.insert(rc->spec.selector.begin(), rc->spec.selector.end());
    } else if (owner->kind == "ReplicaSet" && owner->apiVersion == "apps/v1") {
        if (auto rs = store->get<ReplicaSet>(ns, owner->name))
            addSelector(s, rs->spec.selector);
    } else if (owner->kind == "StatefulSet" && owner->apiVersion == "apps/v1") {
        if (auto ss = store->get<StatefulSet>(ns, owner->name))
            addSelector(s, ss->spec.selector);
    }
    return s;
}

// buildDefaultConstraints with the system defaults (hostname maxSkew 3, zone maxSkew 5).
void defaultConstraints(const Pod &pod, const ObjectStore *store, ConstraintSet &out)
{
    out.defaultSelector = defaultSelector(pod, store);
    if (out.defaultSelector.isEmpty())
        return;
    for (auto [key, skew] : {std::pair{&kHostname, 3}, std::pair{&kZone, 5}}) {
        Constraint c;
        c.maxSkew = skew;
        c.topologyKey = key;
        c.useDefaultSelector = true;
        out.constraints.push_back(std::move(c));
    }
}

void buildConstraints(const Pod &pod, std::string_view action, const ObjectStore *store, ConstraintSet &out)
{
    out.constraints.clear();
    out.defaultSelector = {};
    if (!pod.spec.topologySpreadConstraints.empty())
        podConstraints(pod, action, out);
    else if (action == "ScheduleAnyway")
        defaultConstraints(pod, store, out);
    // Without a node selector or required affinity to honour, and with taints ignored (both
    // defaults, and the system default constraints of every Deployment pod), PreFilter and
    // PreScore need not check each node against the pod.
    const bool noRequiredAffinity = !hasRequiredNodeAffinity(pod);
    for (auto &c : out.constraints)
        c.takesEveryNode = !c.honorNodeTaints && (!c.honorNodeAffinity || noRequiredAffinity);
}

bool nodeHasAllKeys(const Node &node, const std::vector<Constraint> &constraints)
{
    for (const auto &c : constraints)
        if (!node.metadata.labels.count(*c.topologyKey))
            return false;
    return true;
}

// topologySpreadConstraint.matchNodeInclusionPolicies.
bool includesNode(const Constraint &c, const Pod &pod, const Node &node)
{
    if (c.takesEveryNode)
        return true;
    if (c.honorNodeAffinity && !matchesRequiredNodeAffinity(pod, node))
        return false;
    return !c.honorNodeTaints || !findUntoleratedDoNotScheduleTaint(node.spec.taints, pod.spec.tolerations);
}

// --- Filtering --------------------------------------------------------------------------------

// preFilterState: per constraint, matching pods per domain of the eligible nodes.
struct SpreadFilterState final : StateData {
    ConstraintSet set;
    struct PerConstraint {
        std::vector<std::int64_t> counts; // by domain id
        std::vector<char> present;        // domain seen on an eligible node (TpPairToMatchNum key)
        std::size_t domains = 0;          // TpKeyToDomainsNum
        std::int64_t minMatch = INT_MAX;  // criticalPaths[0].MatchNum
        const DomainIndex *index = nullptr;
    };
    std::vector<PerConstraint> per;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<SpreadFilterState>(*this); }

    void recomputeMin(PerConstraint &pc)
    {
        pc.minMatch = INT_MAX;
        for (std::size_t d = 0; d < pc.counts.size(); ++d)
            if (pc.present[d])
                pc.minMatch = std::min(pc.minMatch, pc.counts[d]);
    }
};

void countNode(SpreadFilterState &s, const Pod &pod, const NodeInfo &node)
{
    if (!nodeHasAllKeys(*node.node, s.set.constraints))
        return;
    for (std::size_t i = 0; i < s.set.constraints.size(); ++i) {
        const Constraint &c = s.set.constraints[i];
        if (!includesNode(c, pod, *node.node))
            continue;
        auto &pc = s.per[i];
        const auto d = static_cast<std::size_t>(pc.index->nodeDomain[node.index]);
        pc.counts[d] += s.set.countMatching(c, node);
        pc.present[d] = 1;
    }
}

// --- Scoring ----------------------------------------------------------------------------------

// preScoreState: per constraint, matching pods per domain (the last slot is the "" domain of
// nodes without the label), the normalizing weights and the ignored nodes.
struct SpreadScoreState final : StateData {
    ConstraintSet set;
    struct PerConstraint {
        const DomainIndex *index = nullptr;
        std::vector<std::int64_t> counts;
        std::vector<char> present;
        double weight = 0;
        bool hostname = false;
    };
    std::vector<PerConstraint> per;
    std::vector<char> ignored; // by node index
    bool requireAllTopologies = true;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<SpreadScoreState>(*this); }

    static std::size_t domainAt(const PerConstraint &pc, std::size_t nodeIndex)
    {
        const std::int32_t d = pc.index->nodeDomain[nodeIndex];
        const auto missing = pc.index->count();
        return d < 0 || pc.index->values[static_cast<std::size_t>(d)].empty() ? missing : static_cast<std::size_t>(d);
    }
    static std::size_t domainOf(const PerConstraint &pc, const NodeInfo &node) { return domainAt(pc, node.index); }
};

// initPreScoreState: domains present among the filtered nodes, topology weights.
void initScoreState(SpreadScoreState &s, std::span<const NodeInfo *const> nodes)
{
    std::size_t ignoredCount = 0;
    for (const NodeInfo *n : nodes) {
        if (s.requireAllTopologies && !nodeHasAllKeys(*n->node, s.set.constraints)) {
            s.ignored[n->index] = 1;
            ++ignoredCount;
            continue;
        }
        for (auto &pc : s.per)
            if (!pc.hostname)
                pc.present[s.domainOf(pc, *n)] = 1;
    }
    for (std::size_t i = 0; i < s.per.size(); ++i) {
        auto &pc = s.per[i];
        std::size_t size = 0;
        for (char p : pc.present)
            size += p ? 1 : 0;
        if (pc.hostname)
            size = nodes.size() - ignoredCount;
        pc.weight = std::log(static_cast<double>(size + 2)); // topologyNormalizingWeight
    }
}

// processAllNode for a constraint every node counts for (no inclusion policy leaves one out,
// and no node is ignored): the snapshot's per-node counts summed per present domain in one pass.
void sumPerDomain(SpreadScoreState::PerConstraint &pc, const Constraint &c, std::size_t nodes)
{
    if (!c.counts) // countMatching: a selection that counts nothing
        return;
    for (std::size_t n = 0; n < nodes; ++n)
        if (const std::size_t d = SpreadScoreState::domainAt(pc, n); pc.present[d])
            pc.counts[d] += (*c.counts)[n];
}

// PreScore's processAllNode: matching pods of every eligible node, per present domain. The
// system default zone constraint of a Deployment's pods takes every node, and is summed in one
// pass; the others are checked node by node.
void countAllNodes(SpreadScoreState &s, const Pod &pod, const ClusterSnapshot &snapshot)
{
    auto summed = [&](std::size_t i) { return !s.requireAllTopologies && s.set.constraints[i].takesEveryNode; };
    bool nodeByNode = false;
    for (std::size_t i = 0; i < s.per.size(); ++i) {
        if (s.per[i].hostname) // Score reads the node's own count
            continue;
        if (summed(i))
            sumPerDomain(s.per[i], s.set.constraints[i], snapshot.size());
        else
            nodeByNode = true;
    }
    if (!nodeByNode)
        return;
    for (const auto &node : snapshot.nodes()) {
        if (s.requireAllTopologies && !nodeHasAllKeys(*node.node, s.set.constraints))
            continue;
        for (std::size_t i = 0; i < s.per.size(); ++i) {
            auto &pc = s.per[i];
            const Constraint &c = s.set.constraints[i];
            if (pc.hostname || summed(i) || !includesNode(c, pod, *node.node))
                continue;
            const std::size_t d = s.domainOf(pc, node);
            if (pc.present[d])
                pc.counts[d] += s.set.countMatching(c, node);
        }
    }
}

class PodTopologySpread final : public Plugin {
public:
    PodTopologySpread() : Plugin(PluginId::PodTopologySpread) {}

    // PreFilter / calPreFilterState. No DoNotSchedule constraint: every node passes (Skip).
    Status preFilter(CycleState &state, const PodContext &pod, const ClusterSnapshot &snapshot,
                     PreFilterResult &) const override
    {
        auto &s = state.preFilterData<SpreadFilterState>(id());
        buildConstraints(pod.pod, "DoNotSchedule", snapshot.store(), s.set);
        if (s.set.constraints.empty())
            return Status::skip();
        s.set.attachCounts(snapshot, pod.pod.metadata.namespace_);
        s.per.assign(s.set.constraints.size(), {});
        for (std::size_t i = 0; i < s.per.size(); ++i) {
            s.per[i].index = &snapshot.domains(*s.set.constraints[i].topologyKey);
            s.per[i].counts.assign(s.per[i].index->count(), 0);
            s.per[i].present.assign(s.per[i].index->count(), 0);
        }
        for (const auto &node : snapshot.nodes())
            countNode(s, pod.pod, node);
        for (auto &pc : s.per) {
            pc.domains = 0;
            for (char p : pc.present)
                pc.domains += p ? 1 : 0;
            s.recomputeMin(pc);
        }
        return {};
    }

    void addPod(CycleState &state, const PodContext &pod, const PodInfo &p, const NodeInfo &node,
                const ClusterSnapshot &) const override
    {
        update(state, pod.pod, *p.pod, node, 1);
    }
    void removePod(CycleState &state, const PodContext &pod, const PodInfo &p, const NodeInfo &node,
                   const ClusterSnapshot &) const override
    {
        update(state, pod.pod, *p.pod, node, -1);
    }

    // Filter.
    Status filter(const CycleState &state, const PodContext &pod, const NodeInfo &node) const override
    {
        const auto &s = state.preFilterData<SpreadFilterState>(id());
        for (std::size_t i = 0; i < s.per.size(); ++i) {
            const Constraint &c = s.set.constraints[i];
            const auto &pc = s.per[i];
            const std::int32_t d = pc.index->nodeDomain[node.index];
            if (d < 0)
                return {Code::UnschedulableAndUnresolvable, reasons::kSpreadMissingLabel};
            if (pc.domains == 0)
                continue; // no eligible domain: Kubernetes cannot read the minimum and skips
            const std::int64_t minMatch = static_cast<std::int64_t>(pc.domains) < c.minDomains ? 0 : pc.minMatch;
            const std::int64_t self = s.set.matches(c, pod.pod.metadata.labels) ? 1 : 0;
            if (pc.counts[static_cast<std::size_t>(d)] + self - minMatch > c.maxSkew)
                return {Code::Unschedulable, reasons::kSpreadConstraints};
        }
        return {};
    }

    // PreScore: ScheduleAnyway constraints (or the system defaults); Skip without any.
    Status preScore(CycleState &state, const PodContext &pod, const ClusterSnapshot &snapshot,
                    std::span<const NodeInfo *const> nodes) const override
    {
        auto &s = state.preScoreData<SpreadScoreState>(id());
        if (snapshot.empty())
            return Status::skip();
        buildConstraints(pod.pod, "ScheduleAnyway", snapshot.store(), s.set);
        if (s.set.constraints.empty())
            return Status::skip();
        s.set.attachCounts(snapshot, pod.pod.metadata.namespace_);
        s.requireAllTopologies = !pod.pod.spec.topologySpreadConstraints.empty();
        s.ignored.assign(snapshot.size(), 0);
        s.per.assign(s.set.constraints.size(), {});
        for (std::size_t i = 0; i < s.per.size(); ++i) {
            auto &pc = s.per[i];
            pc.index = &snapshot.domains(*s.set.constraints[i].topologyKey);
            pc.hostname = *s.set.constraints[i].topologyKey == kHostname;
            pc.counts.assign(pc.index->count() + 1, 0);
            pc.present.assign(pc.index->count() + 1, 0);
        }
        initScoreState(s, nodes);
        countAllNodes(s, pod.pod, snapshot);
        return {};
    }

    // Score: sum over constraints of count * weight + (maxSkew - 1), rounded.
    std::int64_t score(const CycleState &state, const PodContext &pod, const NodeInfo &node) const override
    {
        const auto &s = state.preScoreData<SpreadScoreState>(id());
        if (s.ignored[node.index])
            return 0;
        double score = 0;
        for (std::size_t i = 0; i < s.per.size(); ++i) {
            const Constraint &c = s.set.constraints[i];
            const auto &pc = s.per[i];
            if (pc.index->nodeDomain[node.index] < 0)
                continue; // the node lacks the topology key
            const std::int64_t cnt = pc.hostname ? s.set.countMatching(c, node) : pc.counts[s.domainOf(pc, node)];
            score += static_cast<double>(cnt) * pc.weight + static_cast<double>(c.maxSkew - 1);
        }
        return static_cast<std::int64_t>(std::round(score));
    }

    // NormalizeScore: fewer matching pods is better; ignored nodes get 0.
    void normalizeScore(const CycleState &state, const PodContext &, std::span<const NodeInfo *const> nodes,
                        std::span<std::int64_t> scores) const override
    {
        const auto &s = state.preScoreData<SpreadScoreState>(id());
        std::int64_t minScore = INT64_MAX, maxScore = 0;
        for (std::size_t i = 0; i < scores.size(); ++i) {
            if (s.ignored[nodes[i]->index])
                continue;
            minScore = std::min(minScore, scores[i]);
            maxScore = std::max(maxScore, scores[i]);
        }
        for (std::size_t i = 0; i < scores.size(); ++i) {
            if (s.ignored[nodes[i]->index])
                scores[i] = 0;
            else if (maxScore == 0)
                scores[i] = kMaxNodeScore;
            else
                scores[i] = kMaxNodeScore * (maxScore + minScore - scores[i]) / maxScore;
        }
    }

private:
    // updateWithPod (preemption's AddPod/RemovePod).
    static void update(CycleState &state, const Pod &preemptor, const Pod &p, const NodeInfo &node, int delta)
    {
        auto &s = state.mutablePreFilterData<SpreadFilterState>(PluginId::PodTopologySpread);
        if (p.metadata.namespace_ != preemptor.metadata.namespace_ || !nodeHasAllKeys(*node.node, s.set.constraints))
            return;
        for (std::size_t i = 0; i < s.per.size(); ++i) {
            const Constraint &c = s.set.constraints[i];
            if (!s.set.matches(c, p.metadata.labels) || !includesNode(c, preemptor, *node.node))
                continue;
            auto &pc = s.per[i];
            const auto d = static_cast<std::size_t>(pc.index->nodeDomain[node.index]);
            pc.counts[d] += delta;
            pc.present[d] = 1;
            s.recomputeMin(pc);
        }
    }
};

} // namespace

std::unique_ptr<Plugin> makePodTopologySpread()
{
    return std::make_unique<PodTopologySpread>();
}

} // namespace podscape::sched
