#include "sim/scheduler/preemption.h"

#include "sim/scheduler/fit_error.h"

#include <algorithm>
#include <climits>
#include <limits>

namespace podscape::sched {

namespace {

constexpr std::string_view kNotHelpful = "Preemption is not helpful for scheduling";
constexpr std::string_view kNoVictims = "No preemption victims found for incoming pod";
constexpr std::int32_t kMinCandidateNodesPercentage = 10;  // DefaultPreemptionArgs defaults
constexpr std::int32_t kMinCandidateNodesAbsolute = 100;

// util.GetPodStartTime: a pod that has not started counts as starting now (latest).
double startTime(const Pod &p)
{
    return p.status.startTime.value_or(std::numeric_limits<double>::infinity());
}

// util.MoreImportantPod: higher priority, then the one that started earlier.
bool moreImportant(const Pod &a, const Pod &b)
{
    if (podPriority(a) != podPriority(b))
        return podPriority(a) > podPriority(b);
    return startTime(a) < startTime(b);
}

struct Budget {
    const PodDisruptionBudget *pdb;
    std::int32_t allowed;
};

// filterPodsWithPDBViolation: stable split into PDB-violating and non-violating victims.
void splitByPDB(const std::vector<const PodInfo *> &pods, std::vector<Budget> budgets,
                std::vector<const PodInfo *> &violating, std::vector<const PodInfo *> &nonViolating)
{
    for (const PodInfo *p : pods) {
        bool violated = false;
        const auto &meta = p->pod->metadata;
        for (auto &b : budgets) {
            if (meta.labels.empty() || b.pdb->metadata.namespace_ != meta.namespace_ || !b.pdb->spec.selector
                || b.pdb->spec.selector->isEmpty() || !b.pdb->spec.selector->matches(meta.labels))
                continue;
            if (--b.allowed < 0)
                violated = true;
        }
        (violated ? violating : nonViolating).push_back(p);
    }
}

struct Victims {
    Status status;
    std::vector<const PodInfo *> pods;
    std::int64_t violations = 0;
};

// A what-if copy of one node and the cycle state, with PreFilterExtensions kept in step.
class WhatIf {
public:
    WhatIf(const PodContext &pod, const CycleState &state, const ClusterSnapshot &snapshot,
           const PodNominator &nominator, const NodeInfo &node)
        : pod_(pod), snapshot_(snapshot), nominator_(nominator), state_(state), node_(node)
    {
    }
    void remove(const PodInfo &p)
    {
        node_.removePod(*p.pod);
        for (const Plugin *pl : Framework::defaultFramework().filterPlugins())
            if (!state_.skipFilter(pl->id()))
                pl->removePod(state_, pod_, p, node_, snapshot_);
    }
    void add(const PodInfo &p)
    {
        node_.addPod(p);
        for (const Plugin *pl : Framework::defaultFramework().filterPlugins())
            if (!state_.skipFilter(pl->id()))
                pl->addPod(state_, pod_, p, node_, snapshot_);
    }
    // RunFilterPluginsWithNominatedPods, as SelectVictimsOnNode runs it.
    Status filter() const { return runFilterWithNominatedPods(state_, pod_, node_, snapshot_, nominator_); }

private:
    const PodContext &pod_;
    const ClusterSnapshot &snapshot_;
    const PodNominator &nominator_;
    CycleState state_;
    NodeInfo node_;
};

// DefaultPreemption.SelectVictimsOnNode: remove every lower-priority pod; if the pod then fits,
// reprieve as many as possible (PDB-violating first, most important first).
Victims selectVictimsOnNode(const PodContext &pod, const CycleState &state, const ClusterSnapshot &snapshot,
                            const PodNominator &nominator, const NodeInfo &node, const std::vector<Budget> &budgets)
{
    Victims out;
    std::vector<const PodInfo *> potential;
    for (const auto &p : node.pods)
        if (podPriority(*p.pod) < pod.priority)
            potential.push_back(&p);
    if (potential.empty()) {
        out.status = Status(Code::UnschedulableAndUnresolvable, kNoVictims);
        return out;
    }
    WhatIf whatIf(pod, state, snapshot, nominator, node);
    for (const PodInfo *p : potential)
        whatIf.remove(*p);
    if (Status s = whatIf.filter(); !s.isSuccess()) {
        out.status = s;
        return out;
    }
    std::stable_sort(potential.begin(), potential.end(),
                     [](const PodInfo *a, const PodInfo *b) { return moreImportant(*a->pod, *b->pod); });
    std::vector<const PodInfo *> violating, nonViolating;
    splitByPDB(potential, budgets, violating, nonViolating);
    auto reprieve = [&](const PodInfo *p) {
        whatIf.add(*p);
        if (whatIf.filter().isSuccess())
            return true;
        whatIf.remove(*p);
        out.pods.push_back(p);
        return false;
    };
    for (const PodInfo *p : violating)
        if (!reprieve(p))
            ++out.violations;
    for (const PodInfo *p : nonViolating)
        reprieve(p);
    if (!violating.empty() && !nonViolating.empty())
        std::stable_sort(out.pods.begin(), out.pods.end(),
                         [](const PodInfo *a, const PodInfo *b) { return moreImportant(*a->pod, *b->pod); });
    return out;
}

struct Candidate {
    const NodeInfo *node;
    std::vector<const PodInfo *> victims;
    std::int64_t violations;
};

// util.GetEarliestPodStartTime: earliest start among the highest-priority victims.
double earliestStartOfTopVictims(const Candidate &c)
{
    const std::int32_t top = podPriority(*c.victims.front()->pod);
    double earliest = std::numeric_limits<double>::infinity();
    for (const PodInfo *v : c.victims)
        if (podPriority(*v->pod) == top)
            earliest = std::min(earliest, startTime(*v->pod));
    return earliest;
}

// pickOneNodeForPreemption: fewest PDB violations, lowest highest-priority victim, lowest sum of
// priorities, fewest victims, latest start of the top victims, then the first.
std::size_t pickOneNodeForPreemption(const std::vector<Candidate> &cands)
{
    std::vector<std::size_t> left(cands.size());
    for (std::size_t i = 0; i < left.size(); ++i)
        left[i] = i;
    auto keep = [&](auto score) {
        double best = -std::numeric_limits<double>::infinity();
        for (auto i : left)
            best = std::max(best, score(cands[i]));
        std::erase_if(left, [&](std::size_t i) { return score(cands[i]) != best; });
    };
    keep([](const Candidate &c) { return -static_cast<double>(c.violations); });
    keep([](const Candidate &c) { return -static_cast<double>(podPriority(*c.victims.front()->pod)); });
    keep([](const Candidate &c) {
        double sum = 0;
        for (const PodInfo *v : c.victims)
            sum += static_cast<double>(podPriority(*v->pod)) + 2147483648.0;
        return -sum;
    });
    keep([](const Candidate &c) { return -static_cast<double>(c.victims.size()); });
    keep([](const Candidate &c) { return earliestStartOfTopVictims(c); });
    return left.front();
}

// PodEligibleToPreemptOthers; empty when eligible.
std::string_view ineligibility(const PodContext &pod, const ClusterSnapshot &snapshot, std::span<const Code> nodeCodes)
{
    if (pod.pod.spec.preemptionPolicy == "Never")
        return "not eligible due to preemptionPolicy=Never.";
    const NodeInfo *nominated = snapshot.find(pod.pod.status.nominatedNodeName);
    if (!nominated || nodeCodes[nominated->index] == Code::UnschedulableAndUnresolvable)
        return {};
    for (const auto &p : nominated->pods) {
        if (podPriority(*p.pod) >= pod.priority || !p.pod->metadata.deletionTimestamp)
            continue;
        for (const auto &c : p.pod->status.conditions)
            if (c.type == "DisruptionTarget" && c.status == "True" && c.reason == "PreemptionByScheduler")
                return "not eligible due to a terminating pod on the nominated node.";
    }
    return {};
}

std::vector<Budget> budgets(const ClusterSnapshot &snapshot)
{
    std::vector<Budget> out;
    if (snapshot.store())
        for (const auto &pdb : snapshot.store()->list<PodDisruptionBudget>())
            out.push_back({pdb.get(), pdb->status.disruptionsAllowed});
    return out;
}

// calculateNumCandidates.
std::size_t numCandidates(std::size_t nodes)
{
    std::size_t n = nodes * kMinCandidateNodesPercentage / 100;
    n = std::max<std::size_t>(n, kMinCandidateNodesAbsolute);
    return std::min(n, nodes);
}

// DryRunPreemption's error when a node needs no victim (the pod fits it as it is).
std::string_view expectedVictim(std::string_view node)
{
    return internString("expected at least one victim pod on node \"" + std::string(node) + "\"");
}

std::string prefixed(std::string_view message)
{
    return "preemption: " + std::string(message);
}

void publish(const std::vector<Candidate> &cands, std::size_t best, std::vector<PreemptionCandidate> &out)
{
    auto convert = [](const Candidate &c) {
        PreemptionCandidate pc{std::string(c.node->name), {}, c.violations};
        for (const PodInfo *v : c.victims)
            pc.victims.push_back(v->pod);
        return pc;
    };
    out.push_back(convert(cands[best]));
    for (std::size_t i = 0; i < cands.size(); ++i)
        if (i != best)
            out.push_back(convert(cands[i]));
}

// DryRunPreemption: candidates from `offset` on (non-violating first) until enough are found;
// the nodes without victims get their status in `fit`.
std::vector<Candidate> dryRunPreemption(const PodContext &pod, const CycleState &state, const ClusterSnapshot &snapshot,
                                        const PodNominator &nominator, const std::vector<const NodeInfo *> &potential,
                                        std::size_t offset, FitErrorBuilder &fit)
{
    const auto pdbs = budgets(snapshot);
    const std::size_t wanted = numCandidates(potential.size());
    std::vector<Candidate> nonViolating, violating;
    for (std::size_t i = 0; i < potential.size(); ++i) {
        const NodeInfo &node = *potential[(offset + i) % potential.size()];
        Victims v = selectVictimsOnNode(pod, state, snapshot, nominator, node, pdbs);
        if (v.status.isSuccess() && v.pods.empty())
            v.status = Status(Code::Unschedulable, expectedVictim(node.name));
        if (!v.status.isSuccess()) {
            fit.addNodeStatus(v.status);
            continue;
        }
        (v.violations == 0 ? nonViolating : violating).push_back({&node, std::move(v.pods), v.violations});
        if (!nonViolating.empty() && nonViolating.size() + violating.size() >= wanted)
            break;
    }
    nonViolating.insert(nonViolating.end(), violating.begin(), violating.end());
    return nonViolating;
}

}  // namespace

// Evaluator.Preempt / findCandidates / SelectCandidate, with DefaultPreemption's "preemption: "
// prefix. The potential nodes are those whose status is Unschedulable (not ...AndUnresolvable).
PostFilterOutcome runDefaultPreemption(const PodContext &pod, const CycleState &state, const ClusterSnapshot &snapshot,
                                       std::span<const Code> nodeCodes, const PodNominator &nominator,
                                       SchedulerRng &rng, std::vector<PreemptionCandidate> &candidates,
                                       std::string &nominatedNode)
{
    if (auto why = ineligibility(pod, snapshot, nodeCodes); !why.empty())
        return {prefixed(why), false};
    std::vector<const NodeInfo *> potential;
    for (const auto &n : snapshot.nodes())
        if (nodeCodes[n.index] == Code::Unschedulable)
            potential.push_back(&n);
    FitErrorBuilder fit;
    fit.setAbsentStatus(Status(Code::UnschedulableAndUnresolvable, kNotHelpful));
    // No candidate: NewPostFilterResultWithNominatedNode("") clears an earlier nomination.
    if (potential.empty())
        return {prefixed(fit.message(snapshot.size())), true};
    const std::size_t offset = rng.below(potential.size());  // GetOffsetAndNumCandidates
    auto found = dryRunPreemption(pod, state, snapshot, nominator, potential, offset, fit);
    if (found.empty())
        return {prefixed(fit.message(snapshot.size())), true};
    publish(found, pickOneNodeForPreemption(found), candidates);
    nominatedNode = candidates.front().node;
    return {{}, true};
}

}  // namespace podscape::sched
