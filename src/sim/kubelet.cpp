#include "sim/kubelet.h"

#include "cluster/pod_status.h"
#include "sim/container_behaviour.h"
#include "sim/durations.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace podscape {

using namespace durations;

namespace {

// nodeStatusUpdateFrequency: how often the kubelet computes its node status.
constexpr double kNodeStatusUpdateFrequency = 10;

} // namespace

struct Kubelet::ContainerRun {
    std::uint64_t runId = 0; // bumps at every start and kill: a stale exit or probe is ignored
    // The container's CrashLoopBackOff entry (the kubelet's flowcontrol.Backoff): the delay an exit
    // waits now, and when the kubelet last let the container restart (the entry's lastUpdate).
    // There is no entry before the first restart.
    double backoff = 0;
    std::optional<double> backoffUpdated;
};

struct Kubelet::PodWorker {
    std::shared_ptr<Pod> pod;
    std::uint64_t epoch = 0; // bumps when the pod starts terminating: pending work is dropped
    bool terminating = false;
    bool removed = false;
    std::size_t nextInit = 0;
    double mountRetry = kVolumeMountRetry;
    std::vector<ContainerRun> init, app;
};

namespace {

// pkg/kubelet/kubelet.go: the container back-off starts at 10 s and doubles up to
// MaxContainerBackOff (300 s); its HasExpiredFunc forgets it once a container ran for more than
// 600 s after its last restart.
constexpr double kContainerBackOff = 10, kMaxContainerBackOff = 300, kContainerBackOffReset = 600;
constexpr int kSigkillExitCode = 128 + 9; // a process killed by SIGKILL

// Go's time.Duration.String() for the kubelet's "Successfully pulled image ... in 2.5s" messages.
std::string goDuration(double seconds)
{
    long long ms = std::llround(seconds * 1000);
    char buf[48];
    if (ms < 1000) {
        std::snprintf(buf, sizeof buf, "%lldms", ms);
    } else if (ms < 60000) {
        std::snprintf(buf, sizeof buf, "%g", double(ms) / 1000);
        return std::string(buf) + "s";
    } else {
        long long minutes = ms / 60000;
        std::snprintf(buf, sizeof buf, "%lldm%gs", minutes, double(ms % 60000) / 1000);
    }
    return buf;
}

// A stable, plausible compressed size for an image Podscape never downloads.
long long imageSizeBytes(const std::string &image)
{
    std::uint64_t h = 1469598103934665603ull;
    for (char c : image)
        h = (h ^ std::uint8_t(c)) * 1099511628211ull;
    return 4'000'000 + static_cast<long long>(h % 180'000'000);
}

std::string fieldPathOf(bool init, const Container &c)
{
    return std::string(init ? "spec.initContainers{" : "spec.containers{") + c.name + "}";
}

ContainerState waiting(const std::string &reason, const std::string &message = {})
{
    ContainerState s;
    s.kind = ContainerState::Kind::Waiting;
    s.reason = reason;
    s.message = message;
    return s;
}

// Whether the kubelet starts a container again after it exited: a native sidecar always; any
// other container (a regular init container too) as the pod's restartPolicy says.
bool restartsAfterExit(const Pod &pod, const Container &c, bool init, int exitCode)
{
    if (init && c.isSidecar())
        return true;
    return pod.spec.restartPolicy == "Always" || (pod.spec.restartPolicy == "OnFailure" && exitCode != 0);
}

bool hasTerminatedBefore(const ContainerStatus &st)
{
    return st.hasLastState && st.lastState.kind == ContainerState::Kind::Terminated;
}

// kubecontainer.HasAnyRegularContainerStarted.
bool anyRegularContainerStarted(const Pod &pod)
{
    for (const auto &st : pod.status.containerStatuses)
        if (st.state.kind != ContainerState::Kind::Waiting || hasTerminatedBefore(st))
            return true;
    return false;
}

// getPhase (pkg/kubelet/kubelet_pods.go) from the container statuses of a pod not yet terminal.
std::string podPhase(const Pod &pod)
{
    using Kind = ContainerState::Kind;
    const auto &inits = pod.status.initContainerStatuses;
    const auto &apps = pod.status.containerStatuses;
    int pendingInit = 0, failedInit = 0, unknown = 0, running = 0, waitingCount = 0, stopped = 0, succeeded = 0;
    for (std::size_t i = 0; i < pod.spec.initContainers.size(); ++i) {
        bool sidecar = pod.spec.initContainers[i].isSidecar();
        if (i >= inits.size()) {
            ++(sidecar ? unknown : pendingInit);
            continue;
        }
        const ContainerStatus &st = inits[i];
        if (sidecar) { // a restartable init container only counts while it runs or has never run
            if (st.state.kind == Kind::Running) {
                pendingInit += st.started ? 0 : 1;
                ++running;
            } else if (st.state.kind == Kind::Waiting && !hasTerminatedBefore(st)) {
                ++pendingInit;
                ++waitingCount;
            }
        } else if (st.state.kind == Kind::Terminated) {
            failedInit += st.state.exitCode != 0 ? 1 : 0;
        } else if (st.state.kind == Kind::Waiting && hasTerminatedBefore(st)) {
            failedInit += st.lastState.exitCode != 0 ? 1 : 0;
        } else {
            ++pendingInit;
        }
    }
    for (std::size_t i = 0; i < pod.spec.containers.size(); ++i) {
        if (i >= apps.size()) {
            ++unknown;
            continue;
        }
        const ContainerStatus &st = apps[i];
        if (st.state.kind == Kind::Running) {
            ++running;
        } else if (st.state.kind == Kind::Terminated) {
            ++stopped;
            succeeded += st.state.exitCode == 0 ? 1 : 0;
        } else {
            ++(hasTerminatedBefore(st) ? stopped : waitingCount);
        }
    }
    const std::string &policy = pod.spec.restartPolicy;
    if (failedInit > 0 && policy == "Never")
        return "Failed";
    if ((pendingInit > 0 && !anyRegularContainerStarted(pod)) || waitingCount > 0)
        return "Pending";
    if (running > 0 && unknown == 0)
        return "Running";
    if (running == 0 && stopped > 0 && unknown == 0) {
        if (policy == "Always")
            return "Running"; // all of them are restarting
        if (stopped == succeeded)
            return "Succeeded";
        return policy == "Never" ? "Failed" : "Running";
    }
    return "Pending";
}

ContainerStatus newStatus(const Container &c, const std::string &waitingReason)
{
    ContainerStatus st;
    st.name = c.name;
    st.image = c.image;
    st.state = waiting(waitingReason);
    return st;
}

} // namespace

Kubelet::Kubelet(std::shared_ptr<Node> node, KubeApiServer &api, EventRecorder &events, TraceRecorder &traces)
    : node_(std::move(node)), nodeName_(node_->metadata.name), api_(api), events_(events), traces_(traces)
{
    for (const auto &a : node_->status.addresses)
        if (a.type == "InternalIP")
            nodeIp_ = a.address;
    std::string cidr = node_->spec.podCIDR;
    cidrPrefix_ = cidr.substr(0, cidr.rfind('.') + 1);
    for (const auto &img : node_->status.images)
        for (const auto &name : img.names)
            images_.insert(name);
    statusLoopStart_ = api_.clock().now();
    if (node_->spec.unschedulable)
        syncNodeStatus(); // the first sync runs as the kubelet starts
}

Kubelet::~Kubelet()
{
    // Work still on the clock holds its worker; marked removed, it never reaches this kubelet.
    for (auto &[uid, w] : workers_)
        w->removed = true;
}

void Kubelet::setNode(std::shared_ptr<Node> node)
{
    node_ = std::move(node);
    if (!stopped_ && node_->spec.unschedulable != lastNodeUnschedulable_)
        scheduleNodeStatusSync();
}

// --- the node status loop -----------------------------------------------------------------

void Kubelet::nodeEvent(const std::string &reason)
{
    // kubelet_node_status.go recordNodeStatusEvent.
    ObjectRef ref{"Node", "", nodeName_, node_->metadata.uid, {}};
    events_.record(
        {api_.clock().now(), "Normal", reason, ref, "Node " + nodeName_ + " status is now: " + reason, "kubelet"});
}

// The next run of the loop, on its 10 s grid from when the kubelet (re)started.
void Kubelet::scheduleNodeStatusSync()
{
    if (statusSyncScheduled_)
        return;
    statusSyncScheduled_ = true;
    double elapsed = api_.clock().now() - statusLoopStart_;
    double next =
        statusLoopStart_ + (std::floor(elapsed / kNodeStatusUpdateFrequency + 1e-9) + 1) * kNodeStatusUpdateFrequency;
    std::weak_ptr<char> alive = alive_;
    api_.clock().at(next, [this, alive, start = statusLoopStart_] {
        if (alive.expired() || start != statusLoopStart_)
            return;
        statusSyncScheduled_ = false;
        syncNodeStatus();
    });
}

// recordNodeSchedulableEvent: the kubelet reports a cordon (or its end) when its loop sees it.
void Kubelet::syncNodeStatus()
{
    if (stopped_)
        return;
    auto node = api_.store().get<Node>("", nodeName_);
    if (!node || node->spec.unschedulable == lastNodeUnschedulable_)
        return;
    lastNodeUnschedulable_ = node->spec.unschedulable;
    nodeEvent(lastNodeUnschedulable_ ? "NodeNotSchedulable" : "NodeSchedulable");
}

// The condition setters (pkg/kubelet/nodestatus/setters.go) of a kubelet that starts on a node the
// node controller marked Unknown: each condition back to the kubelet's own, with its event.
void Kubelet::postReadyStatus()
{
    auto node = api_.store().get<Node>("", nodeName_);
    if (!node)
        return;
    struct Wanted {
        const char *type, *status, *reason, *message, *event;
    };
    static const Wanted wanted[] = {
        {"MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available",
         "NodeHasSufficientMemory"},
        {"DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", "NodeHasNoDiskPressure"},
        {"PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
         "NodeHasSufficientPID"},
        {"Ready", "True", "KubeletReady", "kubelet is posting ready status", "NodeReady"},
    };
    auto &conditions = node->status.conditions;
    bool changed = false;
    for (const auto &w : wanted) {
        auto c = std::find_if(conditions.begin(), conditions.end(),
                              [&](const NodeCondition &x) { return x.type == w.type; });
        if (c == conditions.end())
            c = conditions.insert(conditions.end(), {w.type, "Unknown", "", "", 0});
        if (c->status == w.status)
            continue;
        *c = {w.type, w.status, w.reason, w.message, api_.clock().now()};
        nodeEvent(w.event);
        changed = true;
    }
    if (changed)
        api_.updateStatus(node);
}

// --- failure and recovery -----------------------------------------------------------------

void Kubelet::stop()
{
    stopped_ = true;
}

void Kubelet::resume()
{
    if (!stopped_)
        return;
    stopped_ = false;
    statusLoopStart_ = api_.clock().now();
    statusSyncScheduled_ = false;
    lastNodeUnschedulable_ = false; // a new kubelet process remembers nothing
    postReadyStatus();
    syncNodeStatus();
    std::vector<std::shared_ptr<PodWorker>> workers; // in uid order, the same on every run
    for (const auto &[uid, w] : workers_)
        workers.push_back(w);
    std::sort(workers.begin(), workers.end(),
              [](const auto &a, const auto &b) { return a->pod->metadata.uid < b->pod->metadata.uid; });
    for (const auto &w : workers) {
        if (w->removed || w->terminating)
            continue;
        if (w->pod->metadata.deletionTimestamp)
            terminate(w); // deleted while the kubelet was away: it can confirm it now
        else if (!w->pod->status.containerStatuses.empty())
            refreshPodStatus(w); // Ready again where the node controller had marked it not
    }
    auto paused = std::move(paused_);
    paused_.clear();
    for (const auto &fn : paused)
        fn();
    auto missed = std::move(missed_);
    missed_.clear();
    for (const auto &[uid, pod] : missed) {
        auto current = api_.store().get<Pod>(pod->metadata.namespace_, pod->metadata.name);
        if (current && current->metadata.uid == uid)
            podChanged(current);
    }
}

std::string Kubelet::podRef(const Pod &pod) const
{
    return pod.metadata.name + "_" + pod.metadata.namespace_ + "(" + pod.metadata.uid + ")";
}

void Kubelet::event(const Pod &pod, const std::string &type, const std::string &reason, const std::string &message,
                    const std::string &fieldPath)
{
    ObjectRef ref{"Pod", pod.metadata.namespace_, pod.metadata.name, pod.metadata.uid, fieldPath};
    events_.record({api_.clock().now(), type, reason, ref, message, "kubelet"});
}

void Kubelet::trace(const Pod &pod, const std::string &component, const std::string &stage, const std::string &detail)
{
    traces_.add(pod.metadata.namespace_ + "/" + pod.metadata.name, api_.clock().now(), component, stage, detail);
}

void Kubelet::later(const std::shared_ptr<PodWorker> &w, double delay, std::function<void()> fn)
{
    std::uint64_t epoch = w->epoch;
    api_.clock().after(delay, [this, w, epoch, fn = std::move(fn)] {
        if (w->removed || w->epoch != epoch)
            return; // checked first: a removed worker may belong to a kubelet that is gone
        if (stopped_) {
            paused_.push_back([w, epoch, fn] {
                if (!w->removed && w->epoch == epoch)
                    fn();
            });
            return;
        }
        fn();
    });
}

std::string Kubelet::allocateIp()
{
    // host-local IPAM: the lowest free address of the node's podCIDR, .1 being the gateway.
    for (int host = 2; host < 255; ++host)
        if (!usedIps_.test(std::size_t(host))) {
            usedIps_.set(std::size_t(host));
            return cidrPrefix_ + std::to_string(host);
        }
    return {};
}

void Kubelet::releaseIp(const std::string &ip)
{
    if (ip.starts_with(cidrPrefix_)) {
        const int host = std::atoi(ip.c_str() + cidrPrefix_.size());
        if (host > 0 && host < 256)
            usedIps_.reset(std::size_t(host));
    }
}

ContainerStatus &Kubelet::statusOf(Pod &pod, bool init, std::size_t index)
{
    return init ? pod.status.initContainerStatuses[index] : pod.status.containerStatuses[index];
}

const Container &Kubelet::specOf(const Pod &pod, bool init, std::size_t index) const
{
    return init ? pod.spec.initContainers[index] : pod.spec.containers[index];
}

// --- the pod's way up ---------------------------------------------------------------------

void Kubelet::podChanged(const std::shared_ptr<Pod> &pod)
{
    if (stopped_) {
        missed_[pod->metadata.uid] = pod; // looked at again when the kubelet runs
        return;
    }
    auto it = workers_.find(pod->metadata.uid);
    if (it == workers_.end()) {
        if (pod->metadata.deletionTimestamp || pod->status.phase == "Succeeded" || pod->status.phase == "Failed")
            return;
        auto w = std::make_shared<PodWorker>();
        w->pod = pod;
        w->init.resize(pod->spec.initContainers.size());
        w->app.resize(pod->spec.containers.size());
        workers_[pod->metadata.uid] = w;
        later(w, kKubeletSync, [this, w] { admit(w); });
        return;
    }
    if (pod->metadata.deletionTimestamp && !it->second->terminating)
        terminate(it->second);
}

void Kubelet::podRemoved(const std::shared_ptr<Pod> &pod)
{
    missed_.erase(pod->metadata.uid);
    auto it = workers_.find(pod->metadata.uid);
    if (it == workers_.end())
        return;
    it->second->removed = true;
    releaseIp(pod->status.podIP);
    workers_.erase(it);
}

void Kubelet::admit(const std::shared_ptr<PodWorker> &w)
{
    Pod &pod = *w->pod;
    trace(pod, "kubelet", "pod admitted", "the kubelet on " + nodeName_ + " sees the pod bound to its node");
    pod.status.hostIP = nodeIp_;
    pod.status.startTime = api_.clock().now();
    double now = api_.clock().now();
    for (const char *type : {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"})
        setCondition(pod, type, "False", now);
    bool hasInit = !pod.spec.initContainers.empty();
    pod.status.initContainerStatuses.clear();
    for (const auto &c : pod.spec.initContainers)
        pod.status.initContainerStatuses.push_back(newStatus(c, "PodInitializing"));
    pod.status.containerStatuses.clear();
    for (const auto &c : pod.spec.containers)
        pod.status.containerStatuses.push_back(newStatus(c, hasInit ? "PodInitializing" : "ContainerCreating"));
    if (!hasInit)
        setCondition(pod, "Initialized", "True", now);
    api_.updateStatus(w->pod);
    later(w, kSandboxAndCni, [this, w] { startSandbox(w); });
}

void Kubelet::startSandbox(const std::shared_ptr<PodWorker> &w)
{
    Pod &pod = *w->pod;
    trace(pod, "kubelet", "CRI: RunPodSandbox", "the pause container holds the pod's network namespace");
    if (pod.spec.hostNetwork) {
        pod.status.podIP = nodeIp_;
        trace(pod, "kubelet", "CNI: host network", "hostNetwork: the pod uses the node's IP " + nodeIp_);
    } else {
        pod.status.podIP = allocateIp();
        trace(pod, "kubelet", "CNI: IP assigned",
              "the CNI plugin gives the pod " + pod.status.podIP + " from " + node_->spec.podCIDR);
    }
    setCondition(pod, "PodReadyToStartContainers", "True", api_.clock().now());
    api_.updateStatus(w->pod);
    mountVolumes(w);
}

std::string Kubelet::missingVolumeSource(const Pod &pod, const Volume &vol) const
{
    const auto &store = api_.store();
    const std::string &ns = pod.metadata.namespace_;
    if (vol.type == Volume::Type::ConfigMap && !vol.optional && !store.get<ConfigMap>(ns, vol.sourceName))
        return "configmap \"" + vol.sourceName + "\" not found";
    if (vol.type == Volume::Type::Secret && !vol.optional && !store.get<Secret>(ns, vol.sourceName))
        return "secret \"" + vol.sourceName + "\" not found";
    if (vol.type == Volume::Type::PersistentVolumeClaim) {
        auto claim = store.get<PersistentVolumeClaim>(ns, vol.sourceName);
        if (!claim)
            return "persistentvolumeclaim \"" + vol.sourceName + "\" not found";
    }
    if (vol.type == Volume::Type::Projected)
        for (const auto &src : vol.projectedSources)
            if (src.type == ProjectedSource::Type::ConfigMap && !store.get<ConfigMap>(ns, src.name))
                return "configmap \"" + src.name + "\" not found";
    return {};
}

// desired_state_of_world_populator: a claim that exists but is not bound yet (getPVCExtractPV:
// "PVC is not bound") keeps the pod in ContainerCreating until the binder is done.
std::string Kubelet::unboundClaim(const Pod &pod, const Volume &vol) const
{
    if (vol.type != Volume::Type::PersistentVolumeClaim)
        return {};
    auto claim = api_.store().get<PersistentVolumeClaim>(pod.metadata.namespace_, vol.sourceName);
    if (!claim || claim->phase == "Bound")
        return {};
    return "error processing PVC " + pod.metadata.namespace_ + "/" + vol.sourceName + ": PVC is not bound";
}

void Kubelet::mountVolumes(const std::shared_ptr<PodWorker> &w)
{
    Pod &pod = *w->pod;
    double total = 0;
    for (const auto &vol : pod.spec.volumes) {
        if (std::string unbound = unboundClaim(pod, vol); !unbound.empty()) {
            // The volume manager's populator cannot process the volume; WaitForAttachAndMount
            // reports it (kubelet.go: "Unable to attach or mount volumes: %v").
            event(pod, "Warning", "FailedMount",
                  "Unable to attach or mount volumes: unmounted volumes=[" + vol.name +
                      "], unattached volumes=[], failed to process volumes=[" + vol.name + "]: " + unbound);
            trace(pod, "kubelet", "volume mount waiting", vol.name + ": " + unbound);
            double retry = w->mountRetry;
            w->mountRetry = std::min(w->mountRetry * 2, 122.0);
            later(w, retry, [this, w] { mountVolumes(w); });
            return;
        }
        if (std::string missing = missingVolumeSource(pod, vol); !missing.empty()) {
            // operation_generator.go: "MountVolume.SetUp failed for volume %q : %v" (note the space).
            event(pod, "Warning", "FailedMount",
                  "MountVolume.SetUp failed for volume \"" + vol.name + "\" : " + missing);
            trace(pod, "kubelet", "volume mount failed", vol.name + ": " + missing);
            double retry = w->mountRetry;
            w->mountRetry = std::min(w->mountRetry * 2, 122.0); // the volume manager's backoff tops out near 2m2s
            later(w, retry, [this, w] { mountVolumes(w); });
            return;
        }
    }
    for (const auto &vol : pod.spec.volumes) {
        bool csi = vol.type == Volume::Type::PersistentVolumeClaim || vol.type == Volume::Type::Ephemeral;
        total += csi ? kCsiAttachMount : kVolumeMount;
    }
    later(w, total, [this, w] {
        for (const auto &vol : w->pod->spec.volumes) {
            bool csi = vol.type == Volume::Type::PersistentVolumeClaim || vol.type == Volume::Type::Ephemeral;
            trace(*w->pod, "kubelet", csi ? "CSI: volume attached and mounted" : "volume mounted",
                  vol.name + " (" + vol.typeName() + ")");
        }
        startNextInitContainer(w);
    });
}

void Kubelet::pullImage(const std::shared_ptr<PodWorker> &w, const Container &c, const std::string &fieldPath,
                        std::function<void()> then)
{
    Pod &pod = *w->pod;
    bool present = images_.count(c.image) > 0;
    if (c.imagePullPolicy == "Never" && !present) {
        std::size_t idx =
            &c - (fieldPath.starts_with("spec.init") ? pod.spec.initContainers.data() : pod.spec.containers.data());
        statusOf(pod, fieldPath.starts_with("spec.init"), idx).state = waiting(
            "ErrImageNeverPull", "Container image \"" + c.image + "\" is not present with pull policy of Never");
        event(pod, "Warning", "ErrImageNeverPull",
              "Container image \"" + c.image + "\" is not present with pull policy of Never", fieldPath);
        api_.updateStatus(w->pod);
        return;
    }
    if (present && c.imagePullPolicy != "Always") {
        event(pod, "Normal", "Pulled", "Container image \"" + c.image + "\" already present on machine", fieldPath);
        trace(pod, "kubelet", "CRI: image present", c.image + " is already on " + nodeName_);
        then();
        return;
    }
    event(pod, "Normal", "Pulling", "Pulling image \"" + c.image + "\"", fieldPath);
    trace(pod, "kubelet", "CRI: pulling image", c.image);
    double duration = present ? 0.5 : kImagePull; // Always re-checks the registry; layers are cached
    later(w, duration, [this, w, c, fieldPath, duration, then] {
        images_.insert(c.image);
        event(*w->pod, "Normal", "Pulled",
              "Successfully pulled image \"" + c.image + "\" in " + goDuration(duration) + " (" + goDuration(duration) +
                  " including waiting). Image size: " + std::to_string(imageSizeBytes(c.image)) + " bytes.",
              fieldPath);
        trace(*w->pod, "kubelet", "CRI: image pulled", c.image);
        then();
    });
}

void Kubelet::runContainer(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index,
                           std::function<void()> onStarted)
{
    const Container &c = specOf(*w->pod, init, index);
    std::string fieldPath = fieldPathOf(init, c);
    pullImage(w, c, fieldPath, [this, w, init, index, fieldPath, onStarted] {
        later(w, kContainerCreate, [this, w, init, index, fieldPath, onStarted] {
            const Container &c = specOf(*w->pod, init, index);
            event(*w->pod, "Normal", "Created", "Container created", fieldPath);
            trace(*w->pod, "kubelet", "CRI: container created", c.name);
            later(w, kContainerStart, [this, w, init, index, fieldPath, onStarted] {
                event(*w->pod, "Normal", "Started", "Container started", fieldPath);
                containerStarted(w, init, index);
                if (onStarted)
                    onStarted();
            });
        });
    });
}

void Kubelet::containerStarted(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index)
{
    Pod &pod = *w->pod;
    const Container &c = specOf(pod, init, index);
    ContainerRun &run = (init ? w->init : w->app)[index];
    std::uint64_t runId = ++run.runId;
    ContainerStatus &st = statusOf(pod, init, index);
    st.state = ContainerState{};
    st.state.kind = ContainerState::Kind::Running;
    st.state.startedAt = api_.clock().now();
    bool hasStartup = c.startupProbe.has_value();
    bool hasReadiness = c.readinessProbe.has_value();
    bool appLike = !init || c.isSidecar();
    st.started = !hasStartup;
    st.ready = appLike && !hasStartup && !hasReadiness;
    trace(pod, "kubelet", "CRI: container started", c.name);
    refreshPodStatus(w);
    if (appLike)
        scheduleProbes(w, init, index);
    ContainerBehaviour behaviour = behaviourOf(pod, c);
    if (behaviour.runSeconds) {
        int code = behaviour.exitCode;
        later(w, *behaviour.runSeconds, [this, w, init, index, runId, code] {
            if ((init ? w->init : w->app)[index].runId == runId)
                containerExited(w, init, index, code);
        });
    }
}

void Kubelet::scheduleProbes(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index)
{
    const Container &c = specOf(*w->pod, init, index);
    std::uint64_t runId = (init ? w->init : w->app)[index].runId;
    double startupDone = 0;
    if (c.startupProbe) {
        startupDone = c.startupProbe->initialDelaySeconds +
                      (c.startupProbe->successThreshold - 1) * c.startupProbe->periodSeconds;
        later(w, startupDone, [this, w, init, index, runId] {
            if ((init ? w->init : w->app)[index].runId != runId)
                return;
            ContainerStatus &st = statusOf(*w->pod, init, index);
            st.started = true;
            st.ready = !specOf(*w->pod, init, index).readinessProbe.has_value();
            trace(*w->pod, "kubelet", "startup probe succeeded", specOf(*w->pod, init, index).name);
            refreshPodStatus(w);
        });
    }
    if (c.readinessProbe) {
        double readyAt = startupDone + c.readinessProbe->initialDelaySeconds +
                         (c.readinessProbe->successThreshold - 1) * c.readinessProbe->periodSeconds;
        later(w, readyAt, [this, w, init, index, runId] {
            if ((init ? w->init : w->app)[index].runId != runId)
                return;
            statusOf(*w->pod, init, index).ready = true;
            trace(*w->pod, "kubelet", "readiness probe succeeded", specOf(*w->pod, init, index).name);
            refreshPodStatus(w);
            keepProbing(w, init, index, runId, specOf(*w->pod, init, index).readinessProbe->periodSeconds);
        });
    }
    if (c.livenessProbe)
        later(w, startupDone + c.livenessProbe->initialDelaySeconds, [this, w, init, index, runId] {
            keepProbing(w, init, index, runId, specOf(*w->pod, init, index).livenessProbe->periodSeconds);
        });
}

// The prober keeps running a probe every periodSeconds while the container runs. The
// simulated application always answers, so a probe changes nothing until the container stops.
void Kubelet::keepProbing(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index, std::uint64_t runId,
                          double period)
{
    if ((init ? w->init : w->app)[index].runId != runId || period <= 0)
        return;
    later(w, period, [this, w, init, index, runId, period] { keepProbing(w, init, index, runId, period); });
}

void Kubelet::startNextInitContainer(const std::shared_ptr<PodWorker> &w)
{
    Pod &pod = *w->pod;
    if (w->nextInit >= pod.spec.initContainers.size()) {
        if (!pod.spec.initContainers.empty()) {
            setCondition(pod, "Initialized", "True", api_.clock().now());
            for (auto &st : pod.status.containerStatuses)
                st.state = waiting("ContainerCreating");
            api_.updateStatus(w->pod);
        }
        startAppContainers(w);
        return;
    }
    std::size_t index = w->nextInit++;
    const Container &c = pod.spec.initContainers[index];
    trace(pod, "kubelet", c.isSidecar() ? "sidecar container" : "init container", c.name);
    // A native sidecar lets the next one start once it has started; a plain init container must finish.
    runContainer(w, true, index,
                 c.isSidecar() ? std::function<void()>([this, w] { startNextInitContainer(w); })
                               : std::function<void()>());
}

void Kubelet::startAppContainers(const std::shared_ptr<PodWorker> &w)
{
    for (std::size_t i = 0; i < w->pod->spec.containers.size(); ++i)
        runContainer(w, false, i, {});
}

void Kubelet::containerExited(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index, int exitCode)
{
    Pod &pod = *w->pod;
    const Container &c = specOf(pod, init, index);
    ContainerStatus &st = statusOf(pod, init, index);
    ContainerState done;
    done.kind = ContainerState::Kind::Terminated;
    done.exitCode = exitCode;
    // The CRI's reason (containerd toCRIContainerStatus): Completed for exit 0, else Error.
    done.reason = exitCode == 0 ? "Completed" : "Error";
    done.startedAt = st.state.startedAt;
    done.finishedAt = api_.clock().now();
    st.state = done;
    st.ready = false;
    st.started = false;
    trace(pod, "kubelet", "container exited", c.name + " exit code " + std::to_string(exitCode));
    if (exitCode == 0)
        for (const auto &obj : apiWritesOnSuccess(pod, c)) { // what the process wrote while it ran
            std::string sa = pod.spec.serviceAccountName.empty() ? "default" : pod.spec.serviceAccountName;
            api_.create(obj, "system:serviceaccount:" + pod.metadata.namespace_ + ":" + sa);
        }
    refreshPodStatus(w);
    if (init && !c.isSidecar() && exitCode == 0) {
        startNextInitContainer(w);
        return;
    }
    if (w->terminating || !restartsAfterExit(pod, c, init, exitCode))
        return;
    // The kubelet learns of the exit at its next relist and syncs the pod; until then kubectl
    // shows the terminated reason (Error, Completed).
    later(w, kPlegRelist, [this, w, init, index] { syncExitedContainer(w, init, index); });
}

// doBackOff (pkg/kubelet/kuberuntime/kuberuntime_manager.go) with flowcontrol.Backoff: an exited
// container is restarted at once unless it is in back-off, i.e. its entry exists, has not expired,
// and less than the entry's delay has passed since the container's finishedAt. So the first exit
// restarts at once (it creates the 10 s entry) and the next ones wait 10, 20, 40, 80, 160, 300,
// 300 s. The kubelet retries on its pod worker's requeue; Podscape restarts it the moment the
// back-off is over.
void Kubelet::syncExitedContainer(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index)
{
    Pod &pod = *w->pod;
    const Container &c = specOf(pod, init, index);
    const ContainerRun &run = (init ? w->init : w->app)[index];
    ContainerStatus &st = statusOf(pod, init, index);
    const double finishedAt = st.state.finishedAt;
    const double now = api_.clock().now();
    bool expired = !run.backoffUpdated || finishedAt - *run.backoffUpdated > kContainerBackOffReset;
    if (expired || now - finishedAt >= run.backoff) {
        restartContainer(w, init, index, finishedAt);
        return;
    }
    const std::string ref = podRef(pod);
    st.hasLastState = true;
    st.lastState = st.state;
    st.state = waiting("CrashLoopBackOff", "back-off " + goDuration(run.backoff) +
                                               " restarting failed container=" + c.name + " pod=" + ref);
    event(pod, "Warning", "BackOff", "Back-off restarting failed container " + c.name + " in pod " + ref,
          fieldPathOf(init, c));
    trace(pod, "kubelet", "CrashLoopBackOff", c.name + " restarts in " + goDuration(run.backoff) + " after its exit");
    refreshPodStatus(w);
    later(w, finishedAt + run.backoff - now,
          [this, w, init, index, finishedAt] { restartContainer(w, init, index, finishedAt); });
}

// backOff.Next, then the container starts again: a fresh (or expired) entry begins at 10 s,
// otherwise the delay doubles up to 300 s; lastUpdate is now.
void Kubelet::restartContainer(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index, double finishedAt)
{
    ContainerRun &run = (init ? w->init : w->app)[index];
    const double now = api_.clock().now();
    bool fresh = !run.backoffUpdated || finishedAt - *run.backoffUpdated > kContainerBackOffReset;
    run.backoff = fresh ? kContainerBackOff : std::min(run.backoff * 2, kMaxContainerBackOff);
    run.backoffUpdated = now;
    ContainerStatus &st = statusOf(*w->pod, init, index);
    if (st.state.kind == ContainerState::Kind::Terminated) {
        st.hasLastState = true;
        st.lastState = st.state;
    }
    ++st.restartCount;
    trace(*w->pod, "kubelet", "container restarting",
          specOf(*w->pod, init, index).name + ", restart " + std::to_string(st.restartCount));
    runContainer(w, init, index, {});
}

std::optional<ApiError> Kubelet::killContainer(const Pod &pod, const std::string &container)
{
    ApiError notRunning{500, "InternalError",
                        "unable to upgrade connection: container not found (\"" + container + "\")"};
    auto it = workers_.find(pod.metadata.uid);
    if (it == workers_.end())
        return notRunning;
    const std::shared_ptr<PodWorker> w = it->second;
    for (bool init : {true, false}) {
        const auto &specs = init ? w->pod->spec.initContainers : w->pod->spec.containers;
        const auto &statuses = init ? w->pod->status.initContainerStatuses : w->pod->status.containerStatuses;
        for (std::size_t i = 0; i < specs.size() && i < statuses.size(); ++i) {
            if (specs[i].name != container || statuses[i].state.kind != ContainerState::Kind::Running)
                continue;
            ++(init ? w->init : w->app)[i].runId; // its own exit and its probes are void now
            trace(*w->pod, "kubelet", "SIGKILL", container + ": its main process is killed");
            containerExited(w, init, i, kSigkillExitCode);
            return std::nullopt;
        }
    }
    return notRunning;
}

// The kubelet's getPhase and the Ready conditions, from the container statuses.
void Kubelet::refreshPodStatus(const std::shared_ptr<PodWorker> &w)
{
    Pod &pod = *w->pod;
    double now = api_.clock().now();
    bool allReady = true;
    for (const auto &st : pod.status.containerStatuses)
        allReady = allReady && st.ready;
    for (std::size_t i = 0; i < pod.status.initContainerStatuses.size(); ++i)
        if (pod.spec.initContainers[i].isSidecar())
            allReady = allReady && pod.status.initContainerStatuses[i].ready;
    bool terminal = pod.status.phase == "Failed" || pod.status.phase == "Succeeded";
    if (!terminal) // pods do not leave a terminal phase
        pod.status.phase = podPhase(pod);
    terminal = pod.status.phase == "Failed" || pod.status.phase == "Succeeded";
    bool ready = allReady && pod.status.phase == "Running";
    bool wasReady = isPodReady(pod);
    // GenerateContainersReadyCondition / GeneratePodReadyCondition: a terminal pod is PodCompleted.
    std::string notReadyReason = terminal ? "PodCompleted" : "ContainersNotReady";
    setCondition(pod, "ContainersReady", allReady && !terminal ? "True" : "False", now,
                 allReady && !terminal ? "" : notReadyReason);
    setCondition(pod, "Ready", ready ? "True" : "False", now, ready ? "" : notReadyReason);
    if (ready && !wasReady)
        trace(pod, "kubelet", "pod ready", "all containers ready; status reported to the API server");
    api_.updateStatus(w->pod);
}

// --- the way down (DESIGN 3.2) ------------------------------------------------------------

void Kubelet::terminate(const std::shared_ptr<PodWorker> &w)
{
    Pod &pod = *w->pod;
    w->terminating = true;
    ++w->epoch; // drop pending starts, probes and exits
    double grace = double(pod.metadata.deletionGracePeriodSeconds.value_or(30));
    double longest = 0;
    for (std::size_t i = 0; i < pod.spec.containers.size(); ++i) {
        const Container &c = pod.spec.containers[i];
        // A pod deleted before it was admitted has no container statuses yet.
        if (i >= pod.status.containerStatuses.size() ||
            pod.status.containerStatuses[i].state.kind != ContainerState::Kind::Running)
            continue;
        double preStop = 0;
        if (c.preStop.type == Handler::Type::Sleep)
            preStop = double(c.preStop.sleepSeconds);
        else if (c.preStop.type != Handler::Type::None)
            preStop = 0.1;
        if (c.preStop.type != Handler::Type::None)
            trace(pod, "kubelet", "preStop hook", c.name);
        event(pod, "Normal", "Killing", "Stopping container " + c.name, fieldPathOf(false, c));
        longest = std::max(longest, std::min(grace, preStop + kAppShutdown));
    }
    trace(pod, "kubelet", "SIGTERM", "containers are asked to stop; grace period " + goDuration(grace));
    later(w, longest, [this, w, grace, longest] {
        Pod &pod = *w->pod;
        bool killed = longest >= grace;
        if (killed)
            trace(pod, "kubelet", "SIGKILL", "the grace period is over");
        for (auto &st : pod.status.containerStatuses) {
            if (st.state.kind != ContainerState::Kind::Running)
                continue;
            ContainerState done;
            done.kind = ContainerState::Kind::Terminated;
            done.exitCode = killed ? 137 : 0;
            done.reason = killed ? "Error" : "Completed";
            done.startedAt = st.state.startedAt;
            done.finishedAt = api_.clock().now();
            st.state = done;
            st.ready = false;
        }
        trace(pod, "kubelet", "containers stopped", killed ? "killed at the deadline" : "exited after SIGTERM");
        setCondition(pod, "Ready", "False", api_.clock().now(), "PodCompleted");
        setCondition(pod, "ContainersReady", "False", api_.clock().now(), "PodCompleted");
        api_.updateStatus(w->pod);
        later(w, kVolumeUnmount, [this, w] { finishTermination(w); });
    });
}

void Kubelet::finishTermination(const std::shared_ptr<PodWorker> &w)
{
    Pod &pod = *w->pod;
    trace(pod, "kubelet", "volumes unmounted");
    later(w, kIpRelease, [this, w] {
        Pod &pod = *w->pod;
        trace(pod, "kubelet", "CNI: IP released", pod.status.podIP);
        auto keep = w; // podRemoved() erases the worker while we run
        api_.finishPodDeletion(w->pod);
    });
}

} // namespace podscape
