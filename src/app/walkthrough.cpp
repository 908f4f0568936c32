#include "app/walkthrough.h"

#include "app/cluster_session.h"
#include "app/control_plane_model.h"
#include "cluster/events.h"
#include "sim/simulation.h"

#include <algorithm>
#include <map>
#include <set>

namespace podscape {

namespace {

constexpr double kProbeSeconds = 90;    // long enough for any demo pod to become ready
constexpr double kAfterReady = 1.0;     // the endpoints and their consumers follow "pod ready"
constexpr double kActionHorizon = 45;   // a graceful delete (30 s) and a replacement coming up
constexpr double kFailureHorizon = 440; // 50 s grace + 300 s toleration + a replacement

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool isController(const QString &component)
{
    return component.endsWith(QLatin1String("-controller"));
}

} // namespace

Walkthrough::Walkthrough(QObject *parent) : QObject(parent)
{
}

QVariantList Walkthrough::stories()
{
    return {QVariantMap{{"id", "create"}, {"title", tr("What happens when you create a Pod?")}},
            QVariantMap{{"id", "delete"}, {"title", tr("What happens when you delete a Pod?")}},
            QVariantMap{{"id", "evict"}, {"title", tr("An eviction: the controller replaces the pod")}},
            QVariantMap{{"id", "nodeFailure"}, {"title", tr("A node fails: pods are not self-healing")}}};
}

QString Walkthrough::storyTitle() const
{
    for (const QVariant &s : stories())
        if (s.toMap()["id"].toString() == story_)
            return s.toMap()["title"].toString();
    return {};
}

void Walkthrough::setSession(ClusterSession *session)
{
    if (session == session_)
        return;
    stop();
    session_ = session;
    emit sessionChanged();
}

Walkthrough::Narration Walkthrough::narrate(const Stop &s, const QString &story)
{
    const QString &c = s.component;
    const QString &st = s.stage;
    auto is = [&](const char *component, const char *stage) { return c == QLatin1String(component) && st == QLatin1String(stage); };

    if (st == QLatin1String("create") && c == QLatin1String("kubectl"))
        return {tr("kubectl sends the Pod to the API server"),
                tr("kubectl finds the API's endpoints (OpenAPI), agrees on the resource version, checks the YAML "
                   "and sends the request: POST /api/v1/namespaces/…/pods.")};
    if (st == QLatin1String("create") && isController(c))
        return {tr("The controller creates a pod from its template"),
                story == QLatin1String("create")
                    ? tr("A controller in kube-controller-manager creates the pod from its Pod Template: the same "
                         "request kubectl would send.")
                    : tr("Pods are not self-healing: the old pod is gone for good. Its controller sees one replica "
                         "missing and creates a new pod from its Pod Template.")};
    if (is("kube-apiserver", "authentication"))
        return {tr("API server: authentication"), tr("The API server checks who is asking: a certificate or a token.")};
    if (is("kube-apiserver", "authorization"))
        return {tr("API server: authorization"), tr("RBAC decides whether this client may create pods.")};
    if (is("kube-apiserver", "admission"))
        return {tr("API server: admission controllers"),
                tr("Mutating admission controllers fill in defaults (service account, tolerations, limits), the "
                   "object is validated, and validating admission controllers (quotas, policies) may still refuse "
                   "it.")};
    if (is("etcd", "persisted"))
        return {tr("etcd: the pod is stored"),
                tr("At this point the pod exists only as a record in etcd: no node has been chosen and no "
                   "container exists yet.")};
    if (is("kube-scheduler", "queued"))
        return {tr("Scheduler: the queue"), tr("The pod is added to the scheduler's queue.")};
    if (is("kube-scheduler", "filter"))
        return {tr("Scheduler: filter"),
                tr("The scheduler filters out the nodes that cannot run the pod: not enough CPU or memory, taints "
                   "it does not tolerate, affinity, ports, volumes.")};
    if (is("kube-scheduler", "score"))
        return {tr("Scheduler: score"), tr("The nodes that remain are scored; the best one wins.")};
    if (is("kube-scheduler", "unschedulable"))
        return {tr("Scheduler: no node fits"),
                tr("The pod stays Pending. The scheduler says why in a FailedScheduling event and tries again when "
                   "the cluster changes.")};
    if (is("kube-scheduler", "bind"))
        return {tr("Scheduler: bind"), tr("The scheduler binds the pod to the node.")};
    if (is("etcd", "binding persisted"))
        return {tr("etcd: the binding is stored"),
                tr("The binding (spec.nodeName) is written to etcd. Still no container has been created.")};
    if (is("kubelet", "pod admitted"))
        return {tr("kubelet takes over"),
                tr("The kubelet on the node reads the pod's definition and delegates the work: the network to "
                   "CNI, the containers to CRI, the storage to CSI.")};
    if (is("kubelet", "CRI: RunPodSandbox"))
        return {tr("CRI: the pod sandbox"),
                tr("The container runtime (CRI, e.g. containerd) starts the pod's sandbox: the pause container that "
                   "holds the pod's network namespace.")};
    if (is("kubelet", "CNI: IP assigned"))
        return {tr("CNI: the pod's IP address"),
                tr("The network plugin (CNI, e.g. Cilium) gives the pod its own IP address. Every container of the "
                   "pod shares it and they talk to each other over localhost.")};
    if (is("kubelet", "CNI: host network"))
        return {tr("CNI: host network"), tr("hostNetwork: the pod uses the node's network and the node's IP.")};
    if (is("kubelet", "volume mounted"))
        return {tr("CSI: storage"),
                tr("The volumes are prepared (CSI for persistent volumes) and mounted into the containers that ask "
                   "for them: a volume shared by two containers is how they exchange data.")};
    if (c == QLatin1String("kubelet") &&
        (st == QLatin1String("CRI: pulling image") || st == QLatin1String("CRI: image pulled") ||
         st == QLatin1String("CRI: image present")))
        return {tr("CRI: the image"), tr("The container runtime pulls the image, unless the node already has it.")};
    if (is("kubelet", "CRI: container created") || is("kubelet", "CRI: container started"))
        return {tr("CRI: the containers"), tr("The container runtime creates and starts the containers.")};
    if (c == QLatin1String("kubelet") && st.contains(QLatin1String("probe")))
        return {tr("kubelet: probes"), tr("The kubelet runs the pod's probes.")};
    if (is("kubelet", "pod ready"))
        return {tr("The pod is ready"),
                tr("The kubelet reports the pod's status and IP address to the control plane. The IP and the "
                   "container ports are stored as endpoints.")};
    if (c == QLatin1String("endpoints-controller")) {
        if (st == QLatin1String("endpoints removed") || s.detail.contains(QLatin1String(" not ready in ")))
            return story == QLatin1String("create")
                       ? Narration{tr("Endpoints: listed, not ready yet"),
                                   tr("An endpoint is an IP:port pair; the Service's Endpoints object lists them. The "
                                      "pod is listed, but not ready: no traffic yet.")}
                       : Narration{tr("The app stops receiving connections"),
                                   tr("The endpoint is taken out of the Service: new connections stop arriving.")};
        return {tr("Endpoints: ready"),
                tr("The endpoint (IP:port) is ready. Everyone who watches endpoints is notified.")};
    }
    if (c == QLatin1String("kube-proxy"))
        return {tr("kube-proxy is notified"), tr("kube-proxy updates the Service's iptables rules on every node.")};
    if (c == QLatin1String("CoreDNS"))
        return {tr("CoreDNS is notified"), tr("CoreDNS updates the Service's DNS records.")};
    if (c == QLatin1String("ingress-controller"))
        return {tr("Ingress controller is notified"), tr("The Ingress controller updates its upstreams.")};
    if (is("kube-apiserver", "delete"))
        return {tr("The API server marks the pod for deletion"),
                tr("The pod gets a deletionTimestamp and a grace period and shows as Terminating. Deletion runs in "
                   "the reverse order of creation.")};
    if (is("kube-apiserver", "eviction"))
        return {tr("The Eviction API"),
                tr("The API server checks the pod's PodDisruptionBudget, marks the pod with a DisruptionTarget "
                   "condition and deletes it gracefully.")};
    if (is("kubelet", "preStop hook"))
        return {tr("preStop hook"), tr("The kubelet runs the container's preStop hook.")};
    if (is("kubelet", "SIGTERM"))
        return {tr("The app drains its connections"),
                tr("The kubelet sends SIGTERM: the app finishes the connections it has and shuts down.")};
    if (is("kubelet", "SIGKILL"))
        return {tr("SIGKILL"), tr("The grace period is over: what still runs is killed.")};
    if (is("kubelet", "containers stopped") || is("kubelet", "container exited"))
        return {tr("The app has shut down"), tr("The containers have stopped.")};
    if (is("kubelet", "volumes unmounted") || is("kubelet", "CNI: IP released"))
        return {tr("kubelet cleans up"), tr("The volumes are unmounted and the pod's IP address is released.")};
    if (is("etcd", "deleted"))
        return {tr("etcd: the pod is gone"), tr("The pod's record is removed from etcd.")};
    if (st == QLatin1String("NodeNotReady"))
        return {tr("The node is NotReady"),
                tr("Its kubelet has not posted a status for 50 s: the node lifecycle controller marks the node "
                   "NotReady and taints it unreachable.")};
    if (st == QLatin1String("TaintManagerEviction"))
        return {tr("Pods leave the failed node"),
                tr("The pods tolerate the unreachable taint for 300 s only: then they are deleted. Pods are not "
                   "self-healing, so nothing restarts them on another node by itself.")};
    if (st == QLatin1String("fail"))
        return {tr("The node fails"), tr("The node's kubelet stops: it no longer posts the node's status.")};
    return {QStringLiteral("%1: %2").arg(c, st), s.detail};
}

bool Walkthrough::fail(const QString &why)
{
    stops_.clear();
    index_ = -1;
    error_ = why;
    emit changed();
    return false;
}

bool Walkthrough::start(const QString &story)
{
    stop();
    error_.clear();
    if (!session_)
        return fail(tr("No cluster to tell the story on."));
    story_ = story;
    bool ok = story == QLatin1String("create") ? startCreate() : startAfterAction(story);
    if (!ok)
        return false;
    goTo(0);
    return true;
}

namespace {

// The trace entries of `pods`, from `from` on, with consecutive repeats of one step merged.
std::vector<Walkthrough::Stop> collectStops(const TraceLog &log, const std::set<std::string> &pods, double from,
                                            double until)
{
    std::vector<Walkthrough::Stop> out;
    for (const auto &[pod, e] : log) {
        if (e.time < from || e.time > until || !pods.count(std::string(pod)))
            continue;
        QString component = qs(e.component), stage = qs(e.stage);
        if (!out.empty() && out.back().component == component && out.back().stage == stage &&
            out.back().subject == qs(pod)) {
            out.back().detail += QStringLiteral("; ") + qs(e.detail);
            continue;
        }
        out.push_back({e.time, component, stage, qs(e.detail), qs(pod), {}, {}, -1});
    }
    return out;
}

// What the trace says of one pod: when it was ready (or, if it never was, its last step) and
// whether a Service listed it.
struct PodHistory {
    double readyAt = -1;
    bool ready = false;
    bool behindService = false;
};

// One pass over the log for every pod: the stories ask about each pod of the cluster.
std::map<std::string, PodHistory> podHistories(const TraceLog &log)
{
    std::map<std::string, PodHistory> out;
    for (const auto &[pod, e] : log) {
        PodHistory &h = out[std::string(pod)];
        if (!h.ready)
            h.readyAt = e.time;
        h.ready = h.ready || e.stage == "pod ready";
        h.behindService = h.behindService || e.component == "endpoints-controller";
    }
    return out;
}

std::pair<double, bool> readyTime(const TraceLog &log, const std::string &pod)
{
    PodHistory h = podHistories(log)[pod];
    return {h.readyAt, h.ready};
}

} // namespace

bool Walkthrough::startCreate()
{
    ClusterSession &s = *session_;
    s.reset();
    s.advanceTo(kProbeSeconds);
    const TraceLog &log = s.traceLog();
    // The notes' example pod when it is there; otherwise the first pod kubectl created.
    std::string subject;
    for (const auto &[pod, e] : log)
        if (pod == "default/myapp-pod")
            subject = pod;
    for (const auto &[pod, e] : log)
        if (subject.empty() && e.component == "kubectl" && e.stage == "create")
            subject = pod;
    if (subject.empty())
        return fail(tr("The files create no pod directly: open a manifest with a Pod (the demo has myapp-pod)."));
    auto [ready, wasReady] = readyTime(log, subject);
    double until = wasReady ? ready + kAfterReady : kProbeSeconds;
    stops_ = collectStops(log, {subject}, 0, until);
    // A pod no node can take is retried on every change: the first refusal tells the story.
    auto refused = std::find_if(stops_.begin(), stops_.end(),
                                [](const Stop &st) { return st.stage == QLatin1String("unschedulable"); });
    if (refused != stops_.end())
        stops_.erase(refused + 1, stops_.end());
    s.reset();
    return true;
}

bool Walkthrough::startAfterAction(const QString &story)
{
    if (story != QLatin1String("delete") && story != QLatin1String("evict") && story != QLatin1String("nodeFailure"))
        return fail(tr("Unknown story: %1").arg(story));
    ClusterSession &s = *session_;
    s.reset();
    s.advanceTo(kProbeSeconds);
    const bool needsOwner = story != QLatin1String("delete");
    // A ready pod, preferably behind a Service (its endpoints tell the story); with a controller
    // for the stories where one replaces it.
    std::string subject;
    std::string node;
    int best = -1;
    // (The session replaces its Simulation on every replay: never keep a reference across one.)
    std::map<std::string, PodHistory> histories = podHistories(s.traceLog());
    for (const auto &pod : s.simulation()->store().list<Pod>()) {
        std::string key = pod->metadata.namespace_ + "/" + pod->metadata.name;
        const PodHistory &h = histories[key];
        if (pod->spec.nodeName.empty() || pod->metadata.deletionTimestamp || !h.ready)
            continue;
        if (needsOwner && !pod->metadata.controllerRef())
            continue;
        int score = h.behindService ? 2 : 1;
        if (score > best) {
            best = score;
            subject = key;
            node = pod->spec.nodeName;
        }
    }
    if (subject.empty())
        return fail(needsOwner ? tr("No running pod with a controller: open a Deployment (the demo has web).")
                               : tr("No running pod to delete."));
    double actAt = histories[subject].readyAt + kAfterReady;

    s.reset();
    s.advanceTo(actAt);
    QString key = qs(subject);
    bool acted = story == QLatin1String("delete")  ? s.deletePod(key)
                 : story == QLatin1String("evict") ? s.evictPod(key, {}).value("allowed").toBool()
                                                   : s.nodeAction(qs(node), QStringLiteral("fail"));
    if (!acted)
        return fail(s.notice());
    const int actionStep = s.stepCount();
    double horizon = story == QLatin1String("nodeFailure") ? kFailureHorizon : kActionHorizon;
    s.advanceTo(actAt + horizon);

    // The pod, and the replacement its controller made.
    std::set<std::string> pods{subject};
    std::set<std::string> seenBefore;
    for (const auto &[pod, e] : s.traceLog()) {
        if (e.time < actAt)
            seenBefore.emplace(pod);
        else if (!seenBefore.count(std::string(pod)) && isController(qs(e.component)) && e.stage == "create")
            pods.emplace(pod);
    }
    double until = actAt + horizon;
    std::map<std::string, PodHistory> after = podHistories(s.traceLog());
    for (const auto &pod : pods)
        if (pod != subject && after[pod].ready)
            until = std::min(until, after[pod].readyAt + kAfterReady);
    stops_ = collectStops(s.traceLog(), pods, actAt, until);

    if (story == QLatin1String("nodeFailure")) {
        stops_.insert(stops_.begin(), Stop{actAt, QStringLiteral("kubelet"), QStringLiteral("fail"),
                                           tr("kubelet on %1 stopped").arg(qs(node)), qs(node), {}, {}, -1});
        // What the node lifecycle and taint eviction controllers did, from the event log.
        for (const Event &e : s.simulation()->events().events()) {
            if (e.time < actAt || e.time > until)
                continue;
            bool nodeDown = e.reason == "NodeNotReady" && e.object.kind == "Node" && e.object.name == node;
            bool evicted = e.reason == "TaintManagerEviction" && e.object.namespace_ + "/" + e.object.name == subject;
            if (nodeDown || evicted)
                stops_.push_back({e.time, QStringLiteral("kube-controller-manager"), qs(e.reason), qs(e.message),
                                  qs(e.object.namespace_.empty() ? e.object.name : e.object.namespace_ + "/" + e.object.name),
                                  {}, {}, -1});
        }
        std::stable_sort(stops_.begin(), stops_.end(), [](const Stop &a, const Stop &b) { return a.time < b.time; });
    }
    s.seekToStep(actionStep);
    return true;
}

void Walkthrough::goTo(int index)
{
    if (!session_ || index < 0 || index >= int(stops_.size()))
        return;
    ClusterSession &s = *session_;
    Stop &target = stops_[std::size_t(index)];
    s.pause();
    if (target.eventsRun >= 0) {
        if (s.stepCount() != target.eventsRun)
            s.seekToStep(target.eventsRun);
    } else {
        if (s.virtualTime() < target.time)
            s.advanceTo(target.time);
        target.eventsRun = s.stepCount();
    }
    for (Stop &st : stops_)
        if (st.title.isEmpty()) {
            Narration n = narrate(st, story_);
            st.title = n.title;
            st.narration = n.text;
        }
    index_ = index;
    emit changed();
}

void Walkthrough::next()
{
    goTo(index_ + 1);
}

void Walkthrough::back()
{
    goTo(index_ - 1);
}

void Walkthrough::stop()
{
    if (stops_.empty() && index_ < 0)
        return;
    stops_.clear();
    index_ = -1;
    emit changed();
}

namespace {

const Walkthrough::Stop *at(const std::vector<Walkthrough::Stop> &stops, int index)
{
    return index >= 0 && index < int(stops.size()) ? &stops[std::size_t(index)] : nullptr;
}

} // namespace

QString Walkthrough::title() const
{
    auto *s = at(stops_, index_);
    return s ? s->title : QString();
}

QString Walkthrough::narration() const
{
    auto *s = at(stops_, index_);
    return s ? s->narration : QString();
}

QString Walkthrough::component() const
{
    auto *s = at(stops_, index_);
    return s ? ControlPlaneModel::laneOf(s->component.toStdString()) : QString();
}

QString Walkthrough::detail() const
{
    auto *s = at(stops_, index_);
    return s ? s->detail : QString();
}

QString Walkthrough::subject() const
{
    auto *s = at(stops_, index_);
    return s ? s->subject : QString();
}

double Walkthrough::time() const
{
    auto *s = at(stops_, index_);
    return s ? s->time : 0;
}

} // namespace podscape
