#include "cluster/pod_status.h"

namespace podscape {

namespace {

bool isSidecarName(const Pod &pod, const std::string &name)
{
    for (const auto &c : pod.spec.initContainers)
        if (c.name == name)
            return c.isSidecar();
    return false;
}

// Step 3 of printPod: the first init container that says something decides.
bool initContainerStatus(const Pod &pod, std::string &reason)
{
    const auto &statuses = pod.status.initContainerStatuses;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        const ContainerStatus &cs = statuses[i];
        const ContainerState &st = cs.state;
        if (st.kind == ContainerState::Kind::Terminated && st.exitCode == 0)
            continue;
        if (isSidecarName(pod, cs.name) && cs.started)
            continue;
        if (st.kind == ContainerState::Kind::Terminated) {
            if (!st.reason.empty())
                reason = "Init:" + st.reason;
            else if (st.signal != 0)
                reason = "Init:Signal:" + std::to_string(st.signal);
            else
                reason = "Init:ExitCode:" + std::to_string(st.exitCode);
        } else if (st.kind == ContainerState::Kind::Waiting && !st.reason.empty() && st.reason != "PodInitializing") {
            reason = "Init:" + st.reason;
        } else {
            reason = "Init:" + std::to_string(i) + "/" + std::to_string(pod.spec.initContainers.size());
        }
        return true;
    }
    return false;
}

}  // namespace

const PodCondition *findCondition(const Pod &pod, const std::string &type)
{
    for (const auto &c : pod.status.conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

bool setCondition(Pod &pod, const std::string &type, const std::string &status, double now,
                  const std::string &reason, const std::string &message)
{
    for (auto &c : pod.status.conditions) {
        if (c.type != type)
            continue;
        bool changed = c.status != status;
        if (changed)
            c.lastTransitionTime = now;
        c.status = status;
        c.reason = reason;
        c.message = message;
        return changed;
    }
    // A running pod has the five conditions the kubelet and scheduler set: no doubling slack.
    if (pod.status.conditions.empty())
        pod.status.conditions.reserve(5);
    pod.status.conditions.push_back({type, status, reason, message, now});
    return true;
}

bool isPodReady(const Pod &pod)
{
    const PodCondition *c = findCondition(pod, "Ready");
    return c && c->status == "True";
}

std::string kubectlPodStatus(const Pod &pod)
{
    std::string reason = pod.status.reason.empty() ? pod.status.phase : pod.status.reason;
    const PodCondition *scheduled = findCondition(pod, "PodScheduled");
    if (scheduled && scheduled->reason == "SchedulingGated")
        reason = "SchedulingGated";

    bool initializing = initContainerStatus(pod, reason);
    const PodCondition *initialized = findCondition(pod, "Initialized");
    if (!initializing || (initialized && initialized->status == "True")) {
        bool hasRunning = false;
        // Last to first, so the first container in spec order wins.
        const auto &statuses = pod.status.containerStatuses;
        for (auto it = statuses.rbegin(); it != statuses.rend(); ++it) {
            const ContainerState &st = it->state;
            if (st.kind == ContainerState::Kind::Waiting && !st.reason.empty())
                reason = st.reason;
            else if (st.kind == ContainerState::Kind::Terminated && !st.reason.empty())
                reason = st.reason;
            else if (st.kind == ContainerState::Kind::Terminated)
                reason = st.signal != 0 ? "Signal:" + std::to_string(st.signal)
                                        : "ExitCode:" + std::to_string(st.exitCode);
            else if (st.kind == ContainerState::Kind::Running && it->ready)
                hasRunning = true;
        }
        if (reason == "Completed" && hasRunning)
            reason = isPodReady(pod) ? "Running" : "NotReady";
    }
    if (pod.metadata.deletionTimestamp && pod.status.reason == "NodeLost")
        reason = "Unknown";
    else if (pod.metadata.deletionTimestamp && pod.status.phase != "Succeeded" && pod.status.phase != "Failed")
        reason = "Terminating";
    return reason;
}

std::string kubectlReadyColumn(const Pod &pod)
{
    int total = static_cast<int>(pod.spec.containers.size());
    int ready = 0;
    for (const auto &cs : pod.status.containerStatuses)
        ready += cs.ready ? 1 : 0;
    for (const auto &c : pod.spec.initContainers)
        total += c.isSidecar() ? 1 : 0;
    for (const auto &cs : pod.status.initContainerStatuses)
        if (isSidecarName(pod, cs.name) && cs.ready)
            ++ready;
    return std::to_string(ready) + "/" + std::to_string(total);
}

int totalRestarts(const Pod &pod)
{
    int n = 0;
    for (const auto &cs : pod.status.containerStatuses)
        n += cs.restartCount;
    for (const auto &cs : pod.status.initContainerStatuses)
        if (isSidecarName(pod, cs.name))
            n += cs.restartCount;
    return n;
}

}  // namespace podscape
