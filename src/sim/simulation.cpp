#include "sim/simulation.h"

#include "manifest/kinds.h"
#include "sim/cluster_bootstrap.h"
#include "sim/controllers/controller.h"
#include "sim/controllers/node_lifecycle_controller.h"
#include "sim/durations.h"
#include "sim/kube_scheduler.h"
#include "sim/kubelet.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace podscape {

Simulation::Simulation(SimulationOptions options)
    : options_(std::move(options)), names_(options_.seed), api_(store_, clock_, traces_, names_),
      endpoints_(api_, traces_), volumes_(api_, events_), scheduler_(std::make_unique<KubeScheduler>(api_, events_, traces_, options_.seed))
{
    controllers_ = std::make_unique<ControllerManager>(api_, events_, traces_);
    store_.watch([this](const WatchEvent &e) { onWatch(e); });
    scheduler_->setPreBind([this](const Pod &pod, const Node &node) { volumes_.bindPodClaims(pod, node); });
}

Simulation::~Simulation() = default;

Kubelet *Simulation::kubelet(const std::string &nodeName) const
{
    auto it = kubelets_.find(nodeName);
    return it == kubelets_.end() ? nullptr : it->second.get();
}

void Simulation::addKubelet(const std::shared_ptr<Node> &node)
{
    auto &k = kubelets_[node->metadata.name];
    k = std::make_unique<Kubelet>(node, api_, events_, traces_);
    // Pods already bound to the node's name (a node registered again under an old name, or a
    // pod that named a node yet to come) are the new kubelet's to run.
    for (const auto &pod : store_.list<Pod>())
        if (pod->spec.nodeName == node->metadata.name)
            k->podChanged(pod);
}

void Simulation::onPod(WatchEventType type, const std::shared_ptr<Pod> &pod)
{
    Kubelet *k = pod->spec.nodeName.empty() ? nullptr : kubelet(pod->spec.nodeName);
    if (type == WatchEventType::Deleted) {
        if (k)
            k->podRemoved(pod);
        endpoints_.podRemoved(pod);
        scheduler_->podRemoved(pod);
        return;
    }
    scheduler_->podChanged(pod);
    if (k)
        k->podChanged(pod);
    endpoints_.podChanged(pod);
}

void Simulation::onWatch(const WatchEvent &e)
{
    controllers_->onWatch(e);
    if (auto pod = std::dynamic_pointer_cast<Pod>(e.object)) {
        onPod(e.type, pod);
    } else if (auto node = std::dynamic_pointer_cast<Node>(e.object)) {
        if (e.type == WatchEventType::Added)
            addKubelet(node);
        else if (e.type == WatchEventType::Deleted)
            kubelets_.erase(node->metadata.name); // the node is gone, and its kubelet with it
        else if (Kubelet *k = kubelet(node->metadata.name))
            k->setNode(node);
        scheduler_->nodeChanged(node, e.type);
    } else if (auto svc = std::dynamic_pointer_cast<Service>(e.object)) {
        if (e.type == WatchEventType::Deleted)
            endpoints_.serviceRemoved(svc);
        else
            endpoints_.serviceChanged(svc);
    } else {
        if (auto claim = std::dynamic_pointer_cast<PersistentVolumeClaim>(e.object); claim && e.type != WatchEventType::Deleted)
            volumes_.claimChanged(claim);
        if (auto volume = std::dynamic_pointer_cast<PersistentVolume>(e.object); volume && e.type != WatchEventType::Deleted)
            volumes_.volumeChanged(volume);
        scheduler_->clusterChanged(e.object);
    }
}

void Simulation::start(const std::vector<ObjectPtr> &objects)
{
    std::vector<std::shared_ptr<Node>> nodes;
    std::vector<ObjectPtr> rest;
    for (const auto &obj : objects) {
        if (auto node = std::dynamic_pointer_cast<Node>(obj)) {
            auto copy = std::static_pointer_cast<Node>(node->clone());
            completeNode(*copy, static_cast<int>(nodes.size()));
            nodes.push_back(copy);
        } else {
            rest.push_back(obj);
        }
    }
    if (nodes.empty())
        nodes = defaultNodes();
    bootstrapCluster(api_, nodes);
    apply(rest);
}

void Simulation::submit(const ObjectPtr &obj, double requestStart)
{
    using namespace durations;
    double arrival = requestStart + kRequest + kAuthentication + kAuthorization + kAdmission + kEtcdWrite;
    clock_.at(arrival, [this, obj, requestStart] {
        ApiResult result = api_.apply(obj, "kubectl", requestStart);
        if (result.error)
            rejected_.push_back({clock_.now(), obj->kind, obj->metadata.namespace_, obj->metadata.name, obj->source,
                                 result.error->message});
    });
    kubectlFreeAt_ = arrival;
}

void Simulation::apply(const std::vector<ObjectPtr> &objects)
{
    for (const auto &original : objects) {
        if (!original->isSimulated() || original->kind == "Node")
            continue;
        ObjectPtr obj = original->clone();  // the store owns its copy; the loaded object stays as written
        if (obj->isNamespaced() && obj->metadata.namespace_.empty())
            obj->metadata.namespace_ = options_.defaultNamespace;
        if (!obj->isNamespaced())
            obj->metadata.namespace_.clear();
        submit(obj, std::max(clock_.now(), kubectlFreeAt_));
    }
}

namespace {

// Sets spec.replicas on a copy of a scalable object; false for kinds without a scale subresource.
bool setReplicas(Object &obj, int replicas)
{
    if (auto *d = dynamic_cast<Deployment *>(&obj))
        d->spec.replicas = replicas;
    else if (auto *rs = dynamic_cast<ReplicaSet *>(&obj))
        rs->spec.replicas = replicas;
    else if (auto *rc = dynamic_cast<ReplicationController *>(&obj))
        rc->spec.replicas = replicas;
    else if (auto *sts = dynamic_cast<StatefulSet *>(&obj))
        sts->spec.replicas = replicas;
    else
        return false;
    return true;
}

}  // namespace

std::optional<ApiError> Simulation::scale(const std::string &kind, const std::string &ns, const std::string &name,
                                          int replicas)
{
    ObjectPtr current = store_.get(kind, ns, name);
    if (!current)
        return ApiError{404, "NotFound", resourceName(kind, preferredApiVersion(kind)) + " \"" + name + "\" not found"};
    ObjectPtr copy = current->clone();
    // kubectl's message for a kind without the scale subresource.
    if (!setReplicas(*copy, replicas))
        return ApiError{404, "NotFound", "the server could not find the requested resource"};
    return api_.apply(copy, "kubectl").error;
}

namespace {

// kubectl's default container (podcmd.FindOrDefaultContainerByName): the one the
// kubectl.kubernetes.io/default-container annotation names, else the first.
std::string defaultContainer(const Pod &pod)
{
    auto it = pod.metadata.annotations.find("kubectl.kubernetes.io/default-container");
    if (it != pod.metadata.annotations.end())
        return it->second;
    return pod.spec.containers.empty() ? std::string() : pod.spec.containers.front().name;
}

bool hasContainer(const Pod &pod, const std::string &name)
{
    for (const auto *list : {&pod.spec.initContainers, &pod.spec.containers})
        for (const auto &c : *list)
            if (c.name == name)
                return true;
    return false;
}

} // namespace

std::optional<ApiError> Simulation::killContainer(const std::string &ns, const std::string &podName,
                                                  const std::string &container)
{
    auto pod = store_.get<Pod>(ns, podName);
    if (!pod)
        return ApiError{404, "NotFound", "pods \"" + podName + "\" not found"};
    // kubectl exec's own check, before it asks the server (kubectl/pkg/cmd/exec/exec.go).
    const std::string &phase = pod->status.phase;
    if (phase == "Succeeded" || phase == "Failed")
        return ApiError{0, "", "cannot exec into a container in a completed pod; current phase is " + phase};
    std::string name = container.empty() ? defaultContainer(*pod) : container;
    // The exec subresource (pkg/registry/core/pod/strategy.go ExecLocation / streamLocation).
    if (!hasContainer(*pod, name))
        return ApiError{400, "BadRequest", "container " + name + " is not valid for pod " + podName};
    if (pod->spec.nodeName.empty())
        return ApiError{400, "BadRequest", "pod " + podName + " does not have a host assigned"};
    Kubelet *k = kubelet(pod->spec.nodeName);
    if (!k)
        return ApiError{404, "NotFound", "nodes \"" + pod->spec.nodeName + "\" not found"};
    return k->killContainer(*pod, name);
}

std::optional<ApiError> Simulation::remove(const std::string &kind, const std::string &ns, const std::string &name,
                                           const std::string &propagationPolicy)
{
    return api_.remove(kind, ns, name, std::nullopt, propagationPolicy).error;
}

// --- nodes ------------------------------------------------------------------------------

namespace {

ApiError nodeNotFound(const std::string &name)
{
    return ApiError{404, "NotFound", "nodes \"" + name + "\" not found"};
}

} // namespace

// kubectl cordon / uncordon patch spec.unschedulable (a node already so is left as it is).
std::optional<ApiError> Simulation::setUnschedulable(const std::string &name, bool unschedulable)
{
    auto node = store_.get<Node>("", name);
    if (!node)
        return nodeNotFound(name);
    if (node->spec.unschedulable != unschedulable) {
        node->spec.unschedulable = unschedulable;
        api_.updateStatus(node); // the PATCH: no admission plugin changes a Node
    }
    return std::nullopt;
}

std::optional<ApiError> Simulation::cordonNode(const std::string &name)
{
    return setUnschedulable(name, true);
}

std::optional<ApiError> Simulation::uncordonNode(const std::string &name)
{
    return setUnschedulable(name, false);
}

std::optional<ApiError> Simulation::failNode(const std::string &name)
{
    if (!store_.get<Node>("", name))
        return nodeNotFound(name);
    Kubelet *k = kubelet(name);
    if (!k || k->stopped())
        return std::nullopt;
    k->stop();
    controllers_->find<NodeLifecycleController>()->kubeletStopped(name);
    return std::nullopt;
}

std::optional<ApiError> Simulation::recoverNode(const std::string &name)
{
    if (!store_.get<Node>("", name))
        return nodeNotFound(name);
    Kubelet *k = kubelet(name);
    if (!k || !k->stopped())
        return std::nullopt;
    k->resume(); // posts Ready first: the controller then sees a live node
    controllers_->find<NodeLifecycleController>()->kubeletResumed(name);
    return std::nullopt;
}

// worker-<highest N + 1>: a removed worker's name is not reused while its pods may still be around.
std::string Simulation::nextWorkerName() const
{
    int highest = 0;
    for (const auto &node : store_.list<Node>()) {
        const std::string &n = node->metadata.name;
        if (n.starts_with("worker-") && n.size() > 7 &&
            std::all_of(n.begin() + 7, n.end(), [](char c) { return c >= '0' && c <= '9'; }))
            highest = std::max(highest, std::atoi(n.c_str() + 7));
    }
    return "worker-" + std::to_string(highest + 1);
}

std::optional<ApiError> Simulation::addNode(const std::string &requested)
{
    const std::string name = requested.empty() ? nextWorkerName() : requested;
    auto nodes = store_.list<Node>();
    std::set<std::string> cidrs, addresses;
    int workers = 0;
    for (const auto &n : nodes) {
        cidrs.insert(n->spec.podCIDR);
        for (const auto &a : n->status.addresses)
            addresses.insert(a.address);
        workers += n->metadata.labels.count("node-role.kubernetes.io/control-plane") ? 0 : 1;
    }
    // A removed node's /24 stays taken while pods that got their IPs from it remain (until the
    // pod GC has deleted them), so two live pods never share an IP.
    for (const auto &pod : store_.list<Pod>())
        if (const std::string &ip = pod->status.podIP; ip.rfind("10.244.", 0) == 0 && !pod->spec.hostNetwork)
            cidrs.insert(ip.substr(0, ip.rfind('.')) + ".0/24");
    int index = 0; // the node IPAM's next free /24, and the next free address on the node network
    while (cidrs.count("10.244." + std::to_string(index) + ".0/24") ||
           addresses.count("172.18.0." + std::to_string(index + 2)))
        ++index;
    auto node = std::make_shared<Node>();
    node->apiVersion = "v1";
    node->kind = "Node";
    node->metadata.name = name;
    static const char *zones[] = {"zone-a", "zone-b", "zone-c"};
    node->metadata.labels["topology.kubernetes.io/zone"] = zones[workers % 3];
    completeNode(*node, index);
    // The kubelet registers its node: the API server names an existing one.
    return api_.create(node, "kubelet").error;
}

std::optional<ApiError> Simulation::removeNode(const std::string &name)
{
    if (!store_.get<Node>("", name))
        return nodeNotFound(name);
    return api_.remove("Node", "", name).error;
}

namespace {

std::string controllerOf(const Pod &pod)
{
    const OwnerReference *ref = pod.metadata.controllerRef();
    return ref ? ref->kind + "/" + ref->name : std::string();
}

}  // namespace

PlacementCheck Simulation::checkPlacement(const std::string &ns, const std::string &name, const std::string &node) const
{
    auto pod = store_.get<Pod>(ns, name);
    if (!pod)
        return {false, {}, "pods \"" + name + "\" not found"};
    return scheduler_->checkPlacement(*pod, node);
}

// Why a drop of `pod` on `node` changes nothing: no such node, its own node, or (when a
// controller's replacement is to land there) the scheduler's reason; nullopt if the drop goes on.
std::optional<std::pair<std::string, std::string>> Simulation::refuseDrop(const Pod &pod, const std::string &node,
                                                                          bool checkFit) const
{
    if (!store_.get<Node>("", node))
        return std::pair{"NotFound", "nodes \"" + node + "\" not found"};
    if (pod.spec.nodeName == node)
        return std::pair{"AlreadyOnNode", "the pod already runs on node " + node};
    if (checkFit)
        if (PlacementCheck check = scheduler_->checkPlacement(pod, node); !check.fits)
            return std::pair{"NodeDoesNotFit", check.message};
    return std::nullopt;
}

EvictionRecord Simulation::evict(const std::string &ns, const std::string &name, const std::optional<std::string> &to)
{
    EvictionRecord r;
    r.time = now();
    r.pod = ns + "/" + name;
    r.to = to;
    auto pod = store_.get<Pod>(ns, name);
    if (pod)
        r.controller = controllerOf(*pod);
    const bool placeReplacement = pod && to && !r.controller.empty();
    if (pod && to) {
        if (auto refusal = refuseDrop(*pod, *to, placeReplacement)) {
            std::tie(r.reason, r.message) = *refusal;
            evictions_.push_back(r);
            return r;
        }
    }
    ApiResult result = api_.evict(ns, name);
    r.allowed = result.ok();
    if (result.error) {
        r.reason = result.error->reason;
        r.message = result.error->message;
        r.cause = result.error->cause;
    } else if (placeReplacement) {
        scheduler_->placeNextPodOf(pod->metadata.controllerRef()->uid, *to);
    }
    evictions_.push_back(r);
    return r;
}

}  // namespace podscape
