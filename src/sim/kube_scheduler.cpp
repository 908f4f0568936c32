#include "sim/kube_scheduler.h"

#include "cluster/pod_status.h"
#include "sim/durations.h"
#include "sim/scheduler/cluster_snapshot.h"
#include "sim/scheduler/schedule_one.h"

#include <set>
#include <unordered_map>
#include <unordered_set>

namespace podscape {

namespace {

std::string keyOf(const Object &obj)
{
    return obj.metadata.namespace_ + "/" + obj.metadata.name;
}

bool isTerminal(const Pod &pod)
{
    return pod.status.phase == "Succeeded" || pod.status.phase == "Failed";
}

// kube-scheduler's default backoff: 1 s doubling per attempt, capped at 10 s.
double backoffFor(int attempts)
{
    double b = 1;
    for (int i = 1; i < attempts && b < 10; ++i)
        b *= 2;
    return std::min(b, 10.0);
}

} // namespace

struct KubeScheduler::Impl {
    KubeApiServer &api;
    EventRecorder &events;
    TraceRecorder &traces;
    sched::ClusterSnapshot snapshot;
    sched::SchedulerState state;

    struct QueuedPod {
        std::shared_ptr<Pod> pod;
        double enqueuedAt = 0;
        int attempts = 0;
    };
    // activeQ, ordered as PrioritySort orders it: priority first, then the time it was queued.
    struct Order {
        bool operator()(const QueuedPod &a, const QueuedPod &b) const
        {
            int pa = a.pod->spec.priority.value_or(0), pb = b.pod->spec.priority.value_or(0);
            if (pa != pb)
                return pa > pb;
            if (a.enqueuedAt != b.enqueuedAt)
                return a.enqueuedAt < b.enqueuedAt;
            return keyOf(*a.pod) < keyOf(*b.pod);
        }
    };
    std::set<QueuedPod, Order> activeQ;
    std::map<std::string, QueuedPod> unschedulable; // by pod key
    std::unordered_set<std::string> known;          // queued, in flight or waiting
    std::unordered_map<std::string, SchedulingAttempt> attempts; // by pod key, looked up only
    std::map<std::string, std::string> lastFailureMessage;
    std::unordered_set<std::string> bound;         // pods in the snapshot
    std::map<std::string, std::string> placements; // controller uid → node the user chose
    sched::ScheduleResult lastResult;              // runCycle's, kept for its buffers
    bool cycleScheduled = false;
    std::function<void(const Pod &, const Node &)> preBind;

    Impl(KubeApiServer &a, EventRecorder &e, TraceRecorder &t, std::uint64_t seed)
        : api(a), events(e), traces(t), snapshot(&a.store()), state(seed)
    {
    }

    void trace(const Pod &pod, const std::string &stage, const std::string &detail)
    {
        traces.add(keyOf(pod), api.clock().now(), "kube-scheduler", stage, detail);
    }

    void event(const Pod &pod, const std::string &type, const std::string &reason, const std::string &message)
    {
        events.record({api.clock().now(),
                       type,
                       reason,
                       {"Pod", pod.metadata.namespace_, pod.metadata.name, pod.metadata.uid, {}},
                       message,
                       "default-scheduler"});
    }

    void enqueue(const std::shared_ptr<Pod> &pod, int attempts = 0)
    {
        activeQ.insert({pod, api.clock().now(), attempts});
        scheduleCycle();
    }

    void scheduleCycle()
    {
        if (cycleScheduled || activeQ.empty())
            return;
        cycleScheduled = true;
        api.clock().after(durations::kSchedulingCycle, [this] {
            cycleScheduled = false;
            runCycle();
        });
    }

    // An unschedulable pod goes back to the queue once its backoff is over.
    void requeueAfterBackoff(const QueuedPod &q)
    {
        auto pod = q.pod;
        int attempts = q.attempts;
        api.clock().after(backoffFor(attempts), [this, pod, attempts] {
            if (known.count(keyOf(*pod)) && pod->spec.nodeName.empty() && !pod->metadata.deletionTimestamp)
                enqueue(pod, attempts);
        });
    }

    // Unschedulable pods go back to the queue (after their backoff) when the cluster changes.
    void moveAllToActive()
    {
        for (auto &[key, q] : unschedulable)
            requeueAfterBackoff(q);
        unschedulable.clear();
    }

    void moveToActive(const std::string &key)
    {
        auto it = unschedulable.find(key);
        if (it == unschedulable.end())
            return;
        requeueAfterBackoff(it->second);
        unschedulable.erase(it);
    }

    void runCycle()
    {
        if (activeQ.empty())
            return;
        QueuedPod q = *activeQ.begin();
        activeQ.erase(activeQ.begin());
        auto pod = q.pod;
        std::string key = keyOf(*pod);
        if (!pod->spec.nodeName.empty() || pod->metadata.deletionTimestamp ||
            !api.store().get<Pod>(pod->metadata.namespace_, pod->metadata.name)) {
            known.erase(key);
            scheduleCycle();
            return;
        }
        ++q.attempts;
        if (placeAsUserChose(pod)) {
            scheduleCycle();
            return;
        }
        // One result reused from pod to pod: its verdicts (one per node) are allocated once.
        sched::ScheduleResult &result = lastResult;
        sched::schedulePod(*pod, snapshot, state, result);
        record(*pod, result);
        if (!result.selectedNode.empty())
            bindPod(pod, result.selectedNode);
        else
            failed(pod, q, result);
        scheduleCycle();
    }

    // A pod whose controller the user asked to place on a node goes there if it fits.
    bool placeAsUserChose(const std::shared_ptr<Pod> &pod)
    {
        const OwnerReference *ref = pod->metadata.controllerRef();
        auto it = ref ? placements.find(ref->uid) : placements.end();
        if (it == placements.end())
            return false;
        const std::string node = it->second;
        placements.erase(it);
        sched::NodeCheck check = sched::checkPodOnNode(*pod, snapshot, node);
        if (!check.fits) {
            trace(*pod, "filter", node + " no longer fits (" + check.message + "): the scheduler chooses");
            return false;
        }
        SchedulingAttempt a;
        a.time = api.clock().now();
        a.selectedNode = node;
        a.evaluatedNodes = a.feasibleNodes = 1;
        a.nodes.push_back({.node = node, .passed = true});
        attempts[keyOf(*pod)] = std::move(a);
        trace(*pod, "filter", node + " fits: placed there as the user chose");
        bindPod(pod, node);
        return true;
    }

    // Which verdicts an attempt keeps (see SchedulingAttempt): all of them on a small cluster;
    // otherwise the selected node, the best-scoring feasible ones and a few per failing filter.
    static std::vector<const sched::NodeVerdict *> keptVerdicts(const sched::ScheduleResult &result)
    {
        std::vector<const sched::NodeVerdict *> kept;
        kept.reserve(std::min<std::size_t>(result.verdicts.size(), SchedulingAttempt::kKeepAllVerdicts));
        if (result.verdicts.size() <= std::size_t(SchedulingAttempt::kKeepAllVerdicts)) {
            for (const auto &v : result.verdicts)
                kept.push_back(&v);
            return kept;
        }
        // In one pass: the selected node; the best-scoring other feasible nodes, highest first
        // (ties in evaluation order); the first few rejections of each failing filter.
        const sched::NodeVerdict *selected = nullptr;
        std::vector<const sched::NodeVerdict *> best, rejected;
        std::map<int, int> perFilter;
        auto better = [](const auto *a, const auto *b) { return a->totalScore > b->totalScore; };
        for (const auto &v : result.verdicts) {
            if (!selected && result.scheduled() && v.nodeIndex == result.selectedNodeIndex) {
                selected = &v;
            } else if (v.feasible) {
                // Kept sorted; a later node enters only with a strictly higher score.
                auto at = std::upper_bound(best.begin(), best.end(), &v, better);
                if (at - best.begin() < SchedulingAttempt::kKeptFeasible) {
                    best.insert(at, &v);
                    if (best.size() > std::size_t(SchedulingAttempt::kKeptFeasible))
                        best.pop_back();
                }
            } else if (perFilter[v.plugin ? int(*v.plugin) : -1]++ < SchedulingAttempt::kKeptPerFailingFilter) {
                rejected.push_back(&v);
            }
        }
        if (selected)
            kept.push_back(selected);
        if (selected && selected->feasible && best.size() == std::size_t(SchedulingAttempt::kKeptFeasible))
            best.pop_back(); // the selected node is one of the feasible ones kept
        kept.insert(kept.end(), best.begin(), best.end());
        kept.insert(kept.end(), rejected.begin(), rejected.end());
        return kept;
    }

    static NodeVerdictRecord verdictRecord(const sched::ScheduleResult &result, const sched::NodeVerdict &v)
    {
        NodeVerdictRecord r;
        r.node = std::string(v.node);
        r.passed = v.feasible;
        if (v.plugin)
            r.plugin = sched::pluginName(*v.plugin);
        for (std::string_view reason : result.reasonsOf(v))
            r.reasons.emplace_back(reason);
        if (v.scored)
            std::copy(v.scores.begin(), v.scores.end(), r.scoreSlots.begin());
        r.total = v.totalScore;
        return r;
    }

    void record(const Pod &pod, const sched::ScheduleResult &result)
    {
        SchedulingAttempt a;
        a.time = api.clock().now();
        a.selectedNode = result.selectedNode;
        a.message = result.messageWithPreemption;
        a.evaluatedNodes = result.evaluatedNodes;
        a.feasibleNodes = result.feasibleNodes;
        const auto kept = keptVerdicts(result);
        a.nodes.reserve(kept.size()); // every pod keeps one attempt: no doubling slack
        for (const sched::NodeVerdict *v : kept)
            a.nodes.push_back(verdictRecord(result, *v));
        a.omittedNodes = int(result.verdicts.size() - a.nodes.size());
        if (result.preFilterPlugin)
            a.message = result.messageWithPreemption;
        a.nominatedNode = result.nominatedNode;
        if (!result.nominatedNode.empty())
            for (const auto &victim : result.preemptionCandidates.front().victims)
                a.victims.push_back(keyOf(*victim));
        attempts[keyOf(pod)] = std::move(a);
        trace(pod, "filter",
              std::to_string(result.feasibleNodes) + " of " + std::to_string(result.evaluatedNodes) + " nodes fit");
    }

    void bindPod(const std::shared_ptr<Pod> &pod, const std::string &node)
    {
        const SchedulingAttempt &a = attempts[keyOf(*pod)];
        std::int64_t best = 0;
        for (const auto &v : a.nodes)
            if (v.node == node)
                best = v.total;
        trace(*pod, "score", node + " scores highest (" + std::to_string(best) + ")");
        // Assume the pod on the node at once, as the scheduler's cache does, then bind.
        auto assumed = std::make_shared<Pod>(*pod);
        snapshot.addPod(assumed, node);
        state.nominator.remove(*pod); // assume: DeleteNominatedPodIfExists
        bound.insert(keyOf(*pod));
        trace(*pod, "bind", "Binding " + keyOf(*pod) + " to " + node);
        api.clock().after(durations::kBinding, [this, pod, node, assumed] {
            // The assumed copy makes way for the bound pod, which the watch adds back.
            snapshot.removePod(*assumed, node);
            bound.erase(keyOf(*pod));
            known.erase(keyOf(*pod));
            if (!api.store().get<Pod>(pod->metadata.namespace_, pod->metadata.name) || !pod->spec.nodeName.empty())
                return;
            setCondition(*pod, "PodScheduled", "True", api.clock().now());
            if (preBind)
                if (auto nodeObj = api.store().get<Node>("", node))
                    preBind(*pod, *nodeObj);
            api.bind(pod, node); // the watch adds the bound pod to the snapshot
            event(*pod, "Normal", "Scheduled", "Successfully assigned " + keyOf(*pod) + " to " + node);
        });
    }

    void failed(const std::shared_ptr<Pod> &pod, QueuedPod q, const sched::ScheduleResult &result)
    {
        std::string key = keyOf(*pod);
        const std::string &message = result.messageWithPreemption;
        trace(*pod, "unschedulable", message);
        // handleSchedulingFailure: one status write with the condition and the nomination.
        setCondition(*pod, "PodScheduled", "False", api.clock().now(), "Unschedulable", message);
        if (result.overridesNomination)
            nominate(pod, result.nominatedNode);
        api.updateStatus(pod);
        // Kubernetes aggregates repeats of one event; a changed message is a new event.
        if (lastFailureMessage[key] != message) {
            event(*pod, "Warning", "FailedScheduling", message);
            lastFailureMessage[key] = message;
        }
        unschedulable[key] = q;
        // podMaxInUnschedulablePodsDuration: retried after 5 minutes even if nothing changed.
        api.clock().after(300, [this, key] {
            auto it = unschedulable.find(key);
            if (it == unschedulable.end())
                return;
            auto waiting = it->second;
            unschedulable.erase(it);
            enqueue(waiting.pod, waiting.attempts);
        });
        if (!result.nominatedNode.empty())
            preempt(pod, result.preemptionCandidates.front());
    }

    // status.nominatedNodeName (empty: cleared) and the scheduling queue's nominator, which
    // makes pods of equal or lower priority leave room for the pod on that node.
    void nominate(const std::shared_ptr<Pod> &pod, const std::string &node)
    {
        pod->status.nominatedNodeName = node;
        state.nominator.add(pod, node);
    }

    // Evaluator.prepareCandidate (framework/preemption/preemption.go): lower-priority pods
    // nominated to the node lose their nomination, and every victim is preempted. The pod itself
    // waits in the unschedulable pool; the victims' removal moves it back to the queue.
    void preempt(const std::shared_ptr<Pod> &preemptor, const sched::PreemptionCandidate &candidate)
    {
        clearLowerPriorityNominations(*preemptor, candidate.node);
        std::string names;
        for (const auto &victim : candidate.victims) {
            names += (names.empty() ? "" : ", ") + keyOf(*victim);
            preemptVictim(*preemptor, candidate.node, *victim);
        }
        trace(*preemptor, "preemption", "nominated to " + candidate.node + "; preempting " + names);
    }

    // getLowerPriorityNominatedPods + clearNominatedNodeName: they may no longer fit on the node,
    // so they lose the nomination and are retried (after their backoff) to find another place.
    void clearLowerPriorityNominations(const Pod &preemptor, const std::string &node)
    {
        std::vector<std::shared_ptr<const Pod>> lower;
        for (const sched::PodInfo &p : state.nominator.podsForNode(node))
            if (sched::podPriority(*p.pod) < sched::podPriority(preemptor))
                lower.push_back(p.pod);
        for (const auto &p : lower) {
            state.nominator.remove(*p);
            auto live = api.store().get<Pod>(p->metadata.namespace_, p->metadata.name);
            if (!live || live->status.nominatedNodeName.empty())
                continue;
            live->status.nominatedNodeName.clear();
            api.updateStatus(live);
            moveToActive(keyOf(*live));
        }
    }

    // Evaluator.PreemptPod: the DisruptionTarget condition, a graceful delete through the API
    // server, and the victim's Preempted event. A victim already terminating is left alone.
    void preemptVictim(const Pod &preemptor, const std::string &node, const Pod &victim)
    {
        auto live = api.store().get<Pod>(victim.metadata.namespace_, victim.metadata.name);
        if (!live || live->metadata.uid != victim.metadata.uid || live->metadata.deletionTimestamp)
            return;
        setCondition(*live, "DisruptionTarget", "True", api.clock().now(), "PreemptionByScheduler",
                     preemptor.spec.schedulerName + ": preempting to accommodate a higher priority pod");
        api.updateStatus(live);
        trace(*live, "preempted", "to make room for " + keyOf(preemptor) + " on " + node);
        // Kubernetes records the event right after the delete call, before the kubelet can react;
        // here the kubelet reacts within the call, so the event comes first.
        event(*live, "Normal", "Preempted", "Preempted by pod " + preemptor.metadata.uid + " on node " + node);
        api.remove("Pod", live->metadata.namespace_, live->metadata.name);
    }

    void podChanged(const std::shared_ptr<Pod> &pod)
    {
        std::string key = keyOf(*pod);
        if (!pod->spec.nodeName.empty()) {
            if (isTerminal(*pod)) {
                if (bound.erase(key)) {
                    snapshot.removePod(*pod, pod->spec.nodeName);
                    moveAllToActive();
                }
            } else if (!bound.insert(key).second) {
                snapshot.updatePod(pod, pod->spec.nodeName); // e.g. now terminating
            } else if (!snapshot.addPod(pod, pod->spec.nodeName)) {
                bound.erase(key); // its node is gone (for now)
            }
            return;
        }
        if (pod->spec.schedulerName != "default-scheduler" || pod->metadata.deletionTimestamp || known.count(key))
            return;
        known.insert(key);
        trace(*pod, "queued", "the pod waits in the scheduling queue");
        enqueue(pod);
    }

    void podRemoved(const std::shared_ptr<Pod> &pod)
    {
        std::string key = keyOf(*pod);
        known.erase(key);
        unschedulable.erase(key);
        state.nominator.remove(*pod);
        if (bound.erase(key))
            snapshot.removePod(*pod, pod->spec.nodeName);
        moveAllToActive();
    }
};

KubeScheduler::KubeScheduler(KubeApiServer &api, EventRecorder &events, TraceRecorder &traces, std::uint64_t seed)
    : impl_(std::make_unique<Impl>(api, events, traces, seed))
{
}

KubeScheduler::~KubeScheduler() = default;

void KubeScheduler::podChanged(const std::shared_ptr<Pod> &pod)
{
    impl_->podChanged(pod);
}

void KubeScheduler::podRemoved(const std::shared_ptr<Pod> &pod)
{
    impl_->podRemoved(pod);
}

void KubeScheduler::nodeChanged(const std::shared_ptr<Node> &node, WatchEventType type)
{
    const std::string &name = node->metadata.name;
    if (type == WatchEventType::Deleted) {
        impl_->snapshot.removeNode(name);
        // Its pods leave the snapshot with it; they count again if a node of that name returns
        // before the pod GC has deleted them.
        for (const auto &pod : impl_->api.store().list<Pod>())
            if (pod->spec.nodeName == name)
                impl_->bound.erase(keyOf(*pod));
    } else {
        impl_->snapshot.setNode(node);
        if (type == WatchEventType::Added)
            for (const auto &pod : impl_->api.store().list<Pod>())
                if (pod->spec.nodeName == name && !isTerminal(*pod) && impl_->bound.insert(keyOf(*pod)).second)
                    impl_->snapshot.addPod(pod, name);
    }
    impl_->moveAllToActive();
}

void KubeScheduler::clusterChanged(const ObjectPtr &obj)
{
    static const std::set<std::string> relevant{"PersistentVolumeClaim", "PersistentVolume", "StorageClass",
                                                "Namespace", "Service"};
    if (relevant.count(obj->kind))
        impl_->moveAllToActive();
}

void KubeScheduler::setPreBind(std::function<void(const Pod &, const Node &)> preBind)
{
    impl_->preBind = std::move(preBind);
}

PlacementCheck KubeScheduler::checkPlacement(const Pod &pod, const std::string &node) const
{
    Pod replacement = pod; // its replacement is unbound; the pod itself keeps its node meanwhile
    replacement.spec.nodeName.clear();
    sched::NodeCheck check = sched::checkPodOnNode(replacement, impl_->snapshot, node);
    PlacementCheck out;
    out.fits = check.fits;
    out.message = check.message;
    if (auto plugin = check.status.plugin())
        out.plugin = std::string(sched::pluginName(*plugin));
    return out;
}

void KubeScheduler::placeNextPodOf(const std::string &controllerUid, const std::string &node)
{
    impl_->placements[controllerUid] = node;
}

static_assert(NodeVerdictRecord::kScorePlugins == sched::kScorePluginCount);

std::vector<std::pair<std::string_view, std::int64_t>> NodeVerdictRecord::scores() const
{
    std::vector<std::pair<std::string_view, std::int64_t>> out;
    for (std::size_t i = 0; i < kScorePlugins; ++i)
        if (scoreSlots[i] >= 0)
            out.emplace_back(sched::pluginName(sched::kScorePlugins[i].id), scoreSlots[i]);
    return out;
}

const SchedulingAttempt *KubeScheduler::lastAttempt(const std::string &podKey) const
{
    auto it = impl_->attempts.find(podKey);
    return it == impl_->attempts.end() ? nullptr : &it->second;
}

std::size_t KubeScheduler::pendingCount() const
{
    return impl_->activeQ.size() + impl_->unschedulable.size();
}

} // namespace podscape
