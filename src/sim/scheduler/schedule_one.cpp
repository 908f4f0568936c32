#include "sim/scheduler/schedule_one.h"

#include "sim/scheduler/fit_error.h"
#include "sim/scheduler/preemption.h"

#include <algorithm>

namespace podscape::sched {

namespace {

// schedule_one.go constants.
constexpr std::int32_t kMinFeasibleNodesToFind = 100;
constexpr std::int32_t kMinFeasibleNodesPercentageToFind = 5;

const Framework &fw()
{
    return Framework::defaultFramework();
}

// Everything one attempt works with.
struct Attempt {
    const ClusterSnapshot &snapshot;
    SchedulerState &state;
    ScheduleResult &out;
    PodContext ctx;
};

PodContext makeContext(const Pod &pod)
{
    return PodContext{pod, computePodResources(pod), podPriority(pod)};
}

void select(ScheduleResult &out, const NodeInfo &node)
{
    out.selectedNode = std::string(node.name);
    out.selectedNodeIndex = node.index;
}

// Verdicts are built in place: copying a half-written one stalls store forwarding.
NodeVerdict &newVerdict(ScheduleResult &out, const NodeInfo &node)
{
    NodeVerdict &v = out.verdicts.emplace_back();
    v.node = node.name;
    v.nodeIndex = node.index;
    return v;
}

void recordRejection(ScheduleResult &out, const NodeInfo &node, const Status &s)
{
    NodeVerdict &v = newVerdict(out, node);
    v.plugin = s.plugin();
    v.code = s.code();
    v.reasonBegin = static_cast<std::uint32_t>(out.reasons.size());
    v.reasonCount = static_cast<std::uint32_t>(s.reasonCount());
    for (std::size_t i = 0; i < s.reasonCount(); ++i)
        out.reasons.push_back(s.reason(i));
}

void recordFeasible(Attempt &a, const NodeInfo &node)
{
    a.state.scratch.feasible.push_back(&node);
    a.state.scratch.feasibleVerdict.push_back(static_cast<std::uint32_t>(a.out.verdicts.size()));
    newVerdict(a.out, node).feasible = true;
}

// RunFilterPluginsWithNominatedPods; without nominated pods to respect (the usual case), the
// plugins that did not skip in PreFilter.
Status filterNode(const Attempt &a, const NodeInfo &node)
{
    if (!a.state.nominator.empty() && hasNominatedPodsToRespect(a.ctx, node, a.state.nominator))
        return runFilterWithNominatedPods(a.state.cycle, a.ctx, node, a.snapshot, a.state.nominator);
    for (const Plugin *p : a.state.scratch.activeFilters) {
        Status s = p->filter(a.state.cycle, a.ctx, node);
        if (!s.isSuccess()) {
            s.setPlugin(p->id());
            return s;
        }
    }
    return {};
}

void collectActiveFilters(Attempt &a)
{
    auto &active = a.state.scratch.activeFilters;
    active.clear();
    for (const Plugin *p : fw().filterPlugins())
        if (!a.state.cycle.skipFilter(p->id()))
            active.push_back(p);
}

// findNodesThatPassFilters: from nextStartNodeIndex, until numFeasibleNodesToFind nodes fit.
// Returns how many nodes were processed.
std::size_t findNodesThatPassFilters(Attempt &a)
{
    const auto &nodes = a.state.scratch.nodes;
    const std::size_t n = nodes.size();
    const auto toFind = static_cast<std::size_t>(
        numFeasibleNodesToFind(a.state.percentageOfNodesToScore, static_cast<std::int32_t>(n)));
    std::size_t at = a.state.nextStartNodeIndex % n;
    for (std::size_t i = 0; i < n; ++i, at = at + 1 == n ? 0 : at + 1) {
        const NodeInfo &node = *nodes[at];
        Status s = filterNode(a, node);
        if (!s.isSuccess()) {
            recordRejection(a.out, node, s);
            continue;
        }
        recordFeasible(a, node);
        if (a.state.scratch.feasible.size() >= toFind)
            return i + 1;
    }
    return n;
}

// The status of the nodes PreFilterResult leaves out: "node(s) didn't satisfy plugin(s) [...]".
Status absentStatus(const PreFilterResult &pre)
{
    if (!pre.nodeNames)
        return {};
    std::vector<std::string_view> names;
    for (PluginId id : pre.plugins)
        names.push_back(pluginName(id));
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string msg = "node(s) didn't satisfy plugin(s) [";
    for (std::size_t i = 0; i < names.size(); ++i)
        msg.append(i ? " " : "").append(names[i]);
    msg += "]";
    return Status(Code::UnschedulableAndUnresolvable, internString(msg));
}

// The nodes to filter: all, or those PreFilterResult names.
void selectNodes(Attempt &a, const PreFilterResult &pre)
{
    auto &nodes = a.state.scratch.nodes;
    nodes.clear();
    if (!pre.nodeNames) {
        for (const auto &n : a.snapshot.nodes())
            nodes.push_back(&n);
        return;
    }
    for (const auto &name : *pre.nodeNames)
        if (const NodeInfo *n = a.snapshot.find(name))
            nodes.push_back(n);
}

// evaluateNominatedNode: a nominated node that passes the filters is taken at once.
bool evaluateNominatedNode(Attempt &a)
{
    const NodeInfo *node = a.snapshot.find(a.ctx.pod.status.nominatedNodeName);
    if (!node)
        return false;
    Status s = filterNode(a, *node);
    if (!s.isSuccess())
        return false;  // its status is recorded again by the full search
    select(a.out, *node);
    a.out.evaluatedNodes = 1;
    a.out.feasibleNodes = 1;
    recordFeasible(a, *node);
    return true;
}

// selectHost: the highest total; ties broken by reservoir sampling with the seeded RNG.
std::size_t selectHost(const std::vector<std::int64_t> &totals, SchedulerRng &rng)
{
    std::size_t selected = 0;
    std::uint64_t ties = 1;
    for (std::size_t j = 1; j < totals.size(); ++j) {
        if (totals[j] > totals[selected]) {
            selected = j;
            ties = 1;
        } else if (totals[j] == totals[selected] && rng.below(++ties) == 0) {
            selected = j;
        }
    }
    return selected;
}

// One score plugin: PreScore, Score per node, NormalizeScore, weight. False when it skips.
bool runScorer(Attempt &a, std::size_t k)
{
    const Plugin &p = *fw().scorePlugins()[k];
    const auto &feasible = a.state.scratch.feasible;
    if (p.preScore(a.state.cycle, a.ctx, a.snapshot, feasible).isSkip())
        return false;
    auto &scores = a.state.scratch.scores[k];
    scores.resize(feasible.size());
    for (std::size_t j = 0; j < feasible.size(); ++j)
        scores[j] = p.score(a.state.cycle, a.ctx, *feasible[j]);
    p.normalizeScore(a.state.cycle, a.ctx, feasible, scores);
    for (auto &s : scores)
        s *= kScorePlugins[k].weight;
    return true;
}

// prioritizeNodes (every plugin's weighted scores summed), then selectHost.
void prioritize(Attempt &a)
{
    auto &scratch = a.state.scratch;
    const std::size_t m = scratch.feasible.size();
    std::array<bool, kScorePluginCount> ran{};
    for (std::size_t k = 0; k < kScorePluginCount; ++k)
        ran[k] = runScorer(a, k);
    scratch.totals.assign(m, 0);
    for (std::size_t j = 0; j < m; ++j) {
        NodeVerdict &v = a.out.verdicts[scratch.feasibleVerdict[j]];
        std::int64_t total = 0;
        for (std::size_t k = 0; k < kScorePluginCount; ++k) {
            const std::int64_t s = ran[k] ? scratch.scores[k][j] : -1;
            v.scores[k] = static_cast<std::int16_t>(s);
            total += ran[k] ? s : 0;
        }
        v.scored = true;
        v.totalScore = static_cast<std::int32_t>(total);
        scratch.totals[j] = total;
    }
    select(a.out, *scratch.feasible[selectHost(scratch.totals, a.state.rng)]);
}

// The PostFilter (DefaultPreemption) verdict appended to the FitError message.
void postFilter(Attempt &a, const FitErrorBuilder &fit)
{
    const std::size_t all = a.snapshot.size();
    a.out.message = fit.message(all);
    PostFilterOutcome post = runDefaultPreemption(a.ctx, a.state.cycle, a.snapshot, a.state.scratch.nodeCodes,
                                                  a.state.nominator, a.state.rng, a.out.preemptionCandidates,
                                                  a.out.nominatedNode);
    a.out.overridesNomination = post.overridesNomination;
    a.out.messageWithPreemption = post.message.empty() ? a.out.message : a.out.message + " " + post.message;
}

void preFilterRejected(Attempt &a, const Status &s)
{
    a.out.preFilterPlugin = s.plugin();
    a.out.preFilterCode = s.code();
    a.state.scratch.nodeCodes.assign(a.snapshot.size(), s.code());
    FitErrorBuilder fit;
    fit.setAbsentStatus(s);
    fit.setPreFilterMessage(s.message());
    postFilter(a, fit);
}

void unschedulable(Attempt &a, const Status &absent)
{
    FitErrorBuilder fit;
    fit.setAbsentStatus(absent);
    auto &codes = a.state.scratch.nodeCodes;
    codes.assign(a.snapshot.size(), absent.code());
    for (const auto &v : a.out.verdicts) {
        fit.addNodeReasons(a.out.reasonsOf(v));
        codes[v.nodeIndex] = v.code;
    }
    postFilter(a, fit);
}

void resetScratch(SchedulerState &state)
{
    state.scratch.feasible.clear();
    state.scratch.feasibleVerdict.clear();
    state.cycle.resetSkips();
}

}  // namespace

// --- SchedulerRng -----------------------------------------------------------------------------

std::uint64_t SchedulerRng::next()
{
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// Lemire's multiply-shift with rejection: unbiased, and a division only when rejection may apply.
std::uint64_t SchedulerRng::below(std::uint64_t n)
{
    using U128 = unsigned __int128;
    U128 m = static_cast<U128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<U128>(next()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

// --- Public API -------------------------------------------------------------------------------

std::int32_t numFeasibleNodesToFind(std::int32_t percentage, std::int32_t numAllNodes)
{
    if (numAllNodes < kMinFeasibleNodesToFind)
        return numAllNodes;
    if (percentage == 0)
        percentage = std::max(50 - numAllNodes / 125, kMinFeasibleNodesPercentageToFind);
    const std::int32_t numNodes = numAllNodes * percentage / 100;
    return numNodes < kMinFeasibleNodesToFind ? kMinFeasibleNodesToFind : numNodes;
}

void ScheduleResult::clear()
{
    selectedNode.clear();
    selectedNodeIndex = 0;
    evaluatedNodes = feasibleNodes = 0;
    verdicts.clear();
    reasons.clear();
    preFilterPlugin.reset();
    preFilterCode = Code::Success;
    message.clear();
    messageWithPreemption.clear();
    preemptionCandidates.clear();
    nominatedNode.clear();
    overridesNomination = false;
}

ScheduleResult schedulePod(const Pod &pod, ClusterSnapshot &snapshot, SchedulerState &state)
{
    ScheduleResult out;
    schedulePod(pod, snapshot, state, out);
    return out;
}

// schedulePod / findNodesThatFitPod.
void schedulePod(const Pod &pod, ClusterSnapshot &snapshot, SchedulerState &state, ScheduleResult &out)
{
    out.clear();
    if (snapshot.empty()) {
        out.message = out.messageWithPreemption = std::string(kNoNodesAvailable);
        out.preFilterCode = Code::UnschedulableAndUnresolvable;
        out.overridesNomination = true;  // clearNominatedNode
        return;
    }
    Attempt a{snapshot, state, out, makeContext(pod)};
    resetScratch(state);
    PreFilterResult pre;
    if (Status s = fw().runPreFilter(state.cycle, a.ctx, snapshot, pre); !s.isSuccess())
        return preFilterRejected(a, s);
    collectActiveFilters(a);
    if (!pod.status.nominatedNodeName.empty() && evaluateNominatedNode(a))
        return;
    selectNodes(a, pre);
    const Status absent = absentStatus(pre);
    const std::size_t processed = findNodesThatPassFilters(a);
    state.nextStartNodeIndex = (state.nextStartNodeIndex + processed) % snapshot.size();
    out.evaluatedNodes = static_cast<int>(processed);
    out.feasibleNodes = static_cast<int>(state.scratch.feasible.size());
    if (state.scratch.feasible.empty())
        return unschedulable(a, absent);
    if (state.scratch.feasible.size() == 1) {
        select(out, *state.scratch.feasible.front());
        return;
    }
    prioritize(a);
}

NodeCheck checkPodOnNode(const Pod &pod, const ClusterSnapshot &snapshot, std::string_view nodeName)
{
    NodeCheck r;
    const NodeInfo *node = snapshot.find(nodeName);
    if (!node) {
        r.status = Status(Code::UnschedulableAndUnresolvable,
                          internString("nodeinfo not found for node name \"" + std::string(nodeName) + "\""));
    } else {
        CycleState cycle;
        PodContext ctx = makeContext(pod);
        PreFilterResult pre;
        r.status = fw().runPreFilter(cycle, ctx, snapshot, pre);
        if (r.status.isSuccess() && pre.nodeNames && !pre.nodeNames->count(std::string(nodeName)))
            r.status = absentStatus(pre);
        else if (r.status.isSuccess())
            r.status = fw().runFilter(cycle, ctx, *node);
    }
    r.fits = r.status.isSuccess();
    r.message = r.status.message();
    return r;
}

Status runFilterPlugin(PluginId id, const Pod &pod, const ClusterSnapshot &snapshot, std::string_view nodeName)
{
    const Plugin &p = fw().plugin(id);
    CycleState cycle;
    PodContext ctx = makeContext(pod);
    PreFilterResult pre;
    Status s = p.preFilter(cycle, ctx, snapshot, pre);
    if (s.isSkip())
        return {};
    const NodeInfo *node = snapshot.find(nodeName);
    if (s.isSuccess() && node)
        s = p.filter(cycle, ctx, *node);
    if (!s.isSuccess())
        s.setPlugin(id);
    return s;
}

std::optional<std::vector<std::int64_t>> runScorePlugin(PluginId id, const Pod &pod, const ClusterSnapshot &snapshot,
                                                        const std::vector<std::string> &nodeNames)
{
    const Plugin &p = fw().plugin(id);
    CycleState cycle;
    PodContext ctx = makeContext(pod);
    std::vector<const NodeInfo *> nodes;
    for (const auto &name : nodeNames)
        if (const NodeInfo *n = snapshot.find(name))
            nodes.push_back(n);
    if (p.preScore(cycle, ctx, snapshot, nodes).isSkip())
        return std::nullopt;
    std::vector<std::int64_t> scores;
    for (const NodeInfo *n : nodes)
        scores.push_back(p.score(cycle, ctx, *n));
    p.normalizeScore(cycle, ctx, nodes, scores);
    return scores;
}

}  // namespace podscape::sched
