// `kubectl drain NODE --ignore-daemonsets --delete-emptydir-data --force` on the virtual clock
// (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go, pkg/drain/drain.go and filters.go):
// cordon, pick the pods to evict, evict them all at once, retry each refused eviction every 5 s,
// wait for each pod to be gone, then report the node drained. Its output is kubectl's.
#include "sim/simulation.h"

#include "manifest/kinds.h"

#include <algorithm>

namespace podscape {

namespace {

constexpr double kEvictErrorRetryDelay = 5;  // EvictErrorRetryDelay
constexpr double kWaitForDeleteInterval = 1; // waitForDelete polls every second

const char *const kDaemonSetWarning = "ignoring DaemonSet-managed Pods";
const char *const kUnmanagedWarning = "deleting Pods that declare no controller";

bool finished(const Pod &pod)
{
    return pod.status.phase == "Succeeded" || pod.status.phase == "Failed";
}

// The filters in kubectl's order; the last one that ran decides. (So the local-storage warning of
// --delete-emptydir-data never shows: the unreplicated filter's verdict replaces it, as a TODO in
// filters.go admits.) Returns whether to evict, and the warning if any.
std::pair<bool, std::string> filterPod(const Simulation &sim, const Pod &pod)
{
    const OwnerReference *ref = pod.metadata.controllerRef();
    if (ref && ref->kind == "DaemonSet" && !finished(pod)) {
        if (!sim.store().get<DaemonSet>(pod.metadata.namespace_, ref->name))
            return {true, "daemonsets.apps \"" + ref->name + "\" not found"}; // orphaned, --force
        return {false, kDaemonSetWarning};
    }
    if (pod.metadata.annotations.count("kubernetes.io/config.mirror"))
        return {false, {}};
    if (finished(pod) || ref)
        return {true, {}};
    return {true, kUnmanagedWarning};
}

struct Drain : std::enable_shared_from_this<Drain> {
    Simulation &sim;
    std::string node;
    int remaining = 0;

    Drain(Simulation &s, std::string n) : sim(s), node(std::move(n)) {}

    void start(const std::vector<std::shared_ptr<Pod>> &pods)
    {
        remaining = int(pods.size());
        for (const auto &pod : pods) {
            sim.kubectlPrint("evicting pod " + pod->metadata.namespace_ + "/" + pod->metadata.name);
            evict(pod->metadata.namespace_, pod->metadata.name, pod->metadata.uid);
        }
        if (remaining == 0)
            done();
    }

    void evict(const std::string &ns, const std::string &name, const std::string &uid)
    {
        EvictionRecord r = sim.evict(ns, name);
        if (r.allowed || r.reason == "NotFound") {
            waitForDelete(ns, name, uid);
            return;
        }
        if (r.reason == "TooManyRequests") {
            sim.kubectlPrint("error when evicting pods/\"" + name + "\" -n \"" + ns +
                                 "\" (will retry after 5s): " + r.message,
                             true);
            auto self = shared_from_this();
            sim.clock().after(kEvictErrorRetryDelay, [self, ns, name, uid] { self->evict(ns, name, uid); });
            return;
        }
        sim.kubectlPrint("error: unable to drain node \"" + node + "\" due to error: " + r.message +
                             ", continuing command...",
                         true);
    }

    // The pod is gone once no pod of that name and uid is left (a StatefulSet's replacement has
    // the same name and a new uid).
    void waitForDelete(const std::string &ns, const std::string &name, const std::string &uid)
    {
        auto pod = sim.store().get<Pod>(ns, name);
        if (pod && pod->metadata.uid == uid) {
            auto self = shared_from_this();
            sim.clock().after(kWaitForDeleteInterval, [self, ns, name, uid] { self->waitForDelete(ns, name, uid); });
            return;
        }
        sim.kubectlPrint("pod/" + name + " evicted");
        if (--remaining == 0)
            done();
    }

    void done() { sim.kubectlPrint("node/" + node + " drained"); }
};

// kubectl joins each warning's pods with ", " and the warnings with "; ", in first-seen order.
std::string joinWarnings(const std::vector<std::pair<std::string, std::vector<std::string>>> &warnings)
{
    std::string out;
    for (const auto &[message, pods] : warnings) {
        out += (out.empty() ? "" : "; ") + message + ": ";
        for (std::size_t i = 0; i < pods.size(); ++i)
            out += (i ? ", " : "") + pods[i];
    }
    return out;
}

} // namespace

std::optional<ApiError> Simulation::drainNode(const std::string &name)
{
    auto node = store_.get<Node>("", name);
    if (!node)
        return ApiError{404, "NotFound", "nodes \"" + name + "\" not found"};
    const bool wasCordoned = node->spec.unschedulable;
    if (auto err = cordonNode(name))
        return err;
    kubectlPrint("node/" + name + (wasCordoned ? " already cordoned" : " cordoned"));
    std::vector<std::shared_ptr<Pod>> toEvict;
    std::vector<std::pair<std::string, std::vector<std::string>>> warnings;
    for (const auto &pod : store_.list<Pod>()) {
        if (pod->spec.nodeName != name)
            continue;
        auto [evict, warning] = filterPod(*this, *pod);
        if (evict)
            toEvict.push_back(pod);
        if (warning.empty())
            continue;
        // A named copy: clang 14 cannot capture a structured binding in a lambda (C++20, clang 16).
        const std::string &kind = warning;
        auto it = std::find_if(warnings.begin(), warnings.end(), [&](const auto &w) { return w.first == kind; });
        if (it == warnings.end())
            it = warnings.insert(warnings.end(), {warning, {}});
        it->second.push_back(pod->metadata.namespace_ + "/" + pod->metadata.name);
    }
    if (!warnings.empty())
        kubectlPrint("Warning: " + joinWarnings(warnings), true);
    std::make_shared<Drain>(*this, name)->start(toEvict);
    return std::nullopt;
}

} // namespace podscape
