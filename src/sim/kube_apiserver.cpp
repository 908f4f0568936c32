#include "sim/kube_apiserver.h"

#include <algorithm>

#include "manifest/kinds.h"
#include "manifest/validation.h"
#include "sim/admission/admission.h"
#include "sim/durations.h"

namespace podscape {

std::string resourceNameOf(const Object &obj)
{
    return resourceName(obj.kind, obj.apiVersion);
}

std::string forbiddenPrefix(const Object &obj)
{
    return resourceNameOf(obj) + " \"" + obj.metadata.name + "\" is forbidden: ";
}

namespace {

std::string podKey(const Object &obj)
{
    return obj.metadata.namespace_ + "/" + obj.metadata.name;
}

// pkg/apis/core/helper/qos: Guaranteed when every container has equal requests and limits for
// cpu and memory, BestEffort when none has any, Burstable otherwise.
std::string qosClass(const Pod &pod)
{
    bool any = false, guaranteed = true;
    for (const auto *list : {&pod.spec.initContainers, &pod.spec.containers})
        for (const auto &c : *list)
            for (const char *r : {"cpu", "memory"}) {
                auto req = c.resources.requests.find(r);
                auto lim = c.resources.limits.find(r);
                any = any || req != c.resources.requests.end() || lim != c.resources.limits.end();
                if (lim == c.resources.limits.end() || req == c.resources.requests.end() || req->second != lim->second)
                    guaranteed = false;
            }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
}

}  // namespace

KubeApiServer::KubeApiServer(ObjectStore &store, SimClock &clock, TraceRecorder &traces, NameGenerator &names)
    : store_(store), clock_(clock), traces_(traces), names_(names)
{
    usedClusterIPs_.insert("10.96.0.10");  // kube-dns
}

void KubeApiServer::trace(const Object &obj, double time, const std::string &component, const std::string &stage,
                          const std::string &detail)
{
    if (obj.kind == "Pod")
        traces_.add(podKey(obj), time, component, stage, detail);
}

// The request's way through the API server, spread between when the client sent it and now.
void KubeApiServer::traceRequest(const Object &obj, const std::string &client, double start)
{
    using namespace durations;
    double now = clock_.now();
    double total = kRequest + kAuthentication + kAuthorization + kAdmission;
    double scale = start < now ? std::min(1.0, (now - start) / (total + kEtcdWrite)) : 0.0;
    double t = std::min(start, now);
    trace(obj, t, client, "create", "POST /api/v1/namespaces/" + obj.metadata.namespace_ + "/pods");
    t += kRequest * scale;
    trace(obj, t, "kube-apiserver", "authentication", "the client's certificate or token is verified");
    t += kAuthentication * scale;
    trace(obj, t, "kube-apiserver", "authorization", "RBAC allows " + client + " to create pods");
    t += kAuthorization * scale;
    trace(obj, t, "kube-apiserver", "admission", "mutating admission, validation, validating admission");
}

namespace {

// The Job registry's generateSelector (pkg/registry/batch/job/strategy.go): without manualSelector,
// the pod template gets the job-name and controller-uid labels (legacy and batch.kubernetes.io/
// forms; labels the user set are kept, validation has checked them) and the selector matches the
// controller-uid.
void generateJobSelector(Job &job)
{
    if (job.spec.manualSelector)
        return;
    auto &labels = job.spec.template_.metadata.labels;
    for (const char *key : {"job-name", "batch.kubernetes.io/job-name"})
        labels.emplace(key, job.metadata.name);
    for (const char *key : {"controller-uid", "batch.kubernetes.io/controller-uid"})
        labels.emplace(key, job.metadata.uid);
    if (!job.spec.selector)
        job.spec.selector.emplace();
    job.spec.selector->matchLabels.emplace("batch.kubernetes.io/controller-uid", job.metadata.uid);
}

} // namespace

std::optional<ApiError> KubeApiServer::validate(const Object &obj) const
{
    std::vector<FieldError> errors = validateObject(obj);
    if (errors.empty())
        return std::nullopt;
    std::string detail;
    for (const auto &e : errors)
        detail += (detail.empty() ? "" : ", ") + e.path + ": " + e.message;
    if (errors.size() > 1)
        detail = "[" + detail + "]";
    return ApiError{422, "Invalid", obj.qualifiedKind() + " \"" + obj.metadata.name + "\" is invalid: " + detail};
}

std::optional<ApiError> KubeApiServer::admitPod(Pod &pod)
{
    if (auto err = admission::limitRanger(pod, store_))
        return err;
    if (auto err = admission::serviceAccount(pod, store_, names_))
        return err;
    admission::defaultTolerationSeconds(pod);
    return admission::priority(pod, store_);
}

std::optional<ApiError> KubeApiServer::allocateServiceAddresses(Service &svc)
{
    auto &s = svc.spec;
    if (s.type != "ExternalName" && s.clusterIP.empty()) {
        // The service CIDR 10.96.0.0/12, allocated at random (seeded) like the real allocator.
        std::string ip;
        do {
            std::uint32_t offset = 2 + std::uint32_t(names_.rng()() % ((1u << 20) - 3));
            std::uint32_t addr = (10u << 24) | (96u << 16) | offset;
            ip = std::to_string(addr >> 24) + "." + std::to_string((addr >> 16) & 255) + "." +
                 std::to_string((addr >> 8) & 255) + "." + std::to_string(addr & 255);
        } while (usedClusterIPs_.count(ip));
        s.clusterIP = ip;
    } else if (!s.clusterIP.empty() && s.clusterIP != "None") {
        if (usedClusterIPs_.count(s.clusterIP))
            return ApiError{422, "Invalid",
                            "Service \"" + svc.metadata.name + "\" is invalid: spec.clusterIPs: Invalid value: [\"" +
                                s.clusterIP + "\"]: failed to allocate IP " + s.clusterIP +
                                ": provided IP is already allocated"};
    }
    if (!s.clusterIP.empty() && s.clusterIP != "None") {
        usedClusterIPs_.insert(s.clusterIP);
        s.clusterIPs = {s.clusterIP};
        s.ipFamilies = {"IPv4"};
        if (s.ipFamilyPolicy.empty())
            s.ipFamilyPolicy = "SingleStack";
    }
    if (s.type == "NodePort" || s.type == "LoadBalancer")
        for (auto &port : s.ports) {
            if (port.nodePort == 0) {
                int candidate;
                do
                    candidate = 30000 + int(names_.rng()() % 2768);
                while (usedNodePorts_.count(candidate));
                port.nodePort = candidate;
            }
            usedNodePorts_.insert(port.nodePort);
        }
    return std::nullopt;
}

std::optional<ApiError> KubeApiServer::admit(Object &obj)
{
    admission::applyDefaults(obj);
    if (auto err = admission::namespaceLifecycle(obj, store_))
        return err;
    if (auto *pod = dynamic_cast<Pod *>(&obj))
        if (auto err = admitPod(*pod))
            return err;
    if (auto *claim = dynamic_cast<PersistentVolumeClaim *>(&obj))
        admission::defaultStorageClass(*claim, store_);
    if (auto err = validate(obj))
        return err;
    if (auto *svc = dynamic_cast<Service *>(&obj))
        if (auto err = allocateServiceAddresses(*svc))
            return err;
    if (auto *pod = dynamic_cast<Pod *>(&obj))  // validating admission runs last
        return admission::resourceQuota(*pod, store_);
    return std::nullopt;
}

ApiResult KubeApiServer::create(ObjectPtr obj, const std::string &client, std::optional<double> requestStart)
{
    if (obj->metadata.name.empty() && !obj->metadata.generateName.empty())
        obj->metadata.name = names_.generate(obj->metadata.generateName);
    if (store_.get(obj->kind, obj->isNamespaced() ? obj->metadata.namespace_ : "", obj->metadata.name))
        return {obj, ApiError{409, "AlreadyExists", resourceNameOf(*obj) + " \"" + obj->metadata.name + "\" already exists"}};
    traceRequest(*obj, client, requestStart.value_or(clock_.now()));
    if (auto err = admit(*obj)) {
        trace(*obj, clock_.now(), "kube-apiserver", "rejected", err->message);
        return {obj, err};
    }
    obj->metadata.uid = names_.uid();
    obj->metadata.creationTimestamp = clock_.now();
    obj->metadata.generation = 1;
    if (auto *job = dynamic_cast<Job *>(obj.get()))
        generateJobSelector(*job);
    if (auto *pod = dynamic_cast<Pod *>(obj.get())) {
        pod->status = PodStatus{};
        pod->status.qosClass = qosClass(*pod);
    }
    trace(*obj, clock_.now(), "etcd", "persisted", "the pod object is stored; watchers are notified");
    store_.create(obj);
    if (auto ns = std::dynamic_pointer_cast<Namespace>(obj))
        onNamespaceCreated(*ns);
    return {obj, std::nullopt, true};
}

// The serviceaccount and root-ca-cert-publisher controllers fill every new namespace.
void KubeApiServer::onNamespaceCreated(const Namespace &ns)
{
    auto sa = std::make_shared<ServiceAccount>();
    sa->apiVersion = "v1";
    sa->kind = "ServiceAccount";
    sa->metadata.name = "default";
    sa->metadata.namespace_ = ns.metadata.name;
    create(sa, "serviceaccount-controller");
    auto ca = std::make_shared<ConfigMap>();
    ca->apiVersion = "v1";
    ca->kind = "ConfigMap";
    ca->metadata.name = "kube-root-ca.crt";
    ca->metadata.namespace_ = ns.metadata.name;
    ca->data["ca.crt"] = "-----BEGIN CERTIFICATE-----";
    create(ca, "root-ca-cert-publisher");
}

ApiResult KubeApiServer::updateExisting(const ObjectPtr &existing, const ObjectPtr &incoming)
{
    if (existing->kind == "Pod")  // most of a pod's spec is immutable; re-applying the same pod changes nothing
        return {existing, std::nullopt, false};
    admission::applyDefaults(*incoming);
    if (auto err = validate(*incoming))
        return {existing, err};
    incoming->metadata.uid = existing->metadata.uid;
    incoming->metadata.creationTimestamp = existing->metadata.creationTimestamp;
    incoming->metadata.generation = existing->metadata.generation + 1;
    // An object being deleted stays so: an update keeps its deletionTimestamp and finalizers.
    incoming->metadata.deletionTimestamp = existing->metadata.deletionTimestamp;
    for (const auto &f : existing->metadata.finalizers)
        if (std::find(incoming->metadata.finalizers.begin(), incoming->metadata.finalizers.end(), f) ==
            incoming->metadata.finalizers.end())
            incoming->metadata.finalizers.push_back(f);
    if (auto *job = dynamic_cast<Job *>(incoming.get()))
        generateJobSelector(*job);
    if (auto *svc = dynamic_cast<Service *>(incoming.get())) {
        auto *old = dynamic_cast<Service *>(existing.get());
        if (svc->spec.clusterIP.empty())
            svc->spec.clusterIP = old->spec.clusterIP, svc->spec.clusterIPs = old->spec.clusterIPs;
    }
    store_.replace(incoming);
    return {incoming, std::nullopt, false};
}

ApiResult KubeApiServer::apply(ObjectPtr obj, const std::string &client, std::optional<double> requestStart)
{
    if (auto existing = store_.get(obj->kind, obj->isNamespaced() ? obj->metadata.namespace_ : "", obj->metadata.name))
        return updateExisting(existing, obj);
    return create(std::move(obj), client, requestStart);
}

ApiResult KubeApiServer::remove(const std::string &kind, const std::string &ns, const std::string &name,
                                std::optional<std::int64_t> gracePeriodSeconds, const std::string &propagationPolicy)
{
    ObjectPtr obj = store_.get(kind, ns, name);
    if (!obj) {
        std::string resource = resourceName(kind, preferredApiVersion(kind));
        return {nullptr, ApiError{404, "NotFound", resource + " \"" + name + "\" not found"}};
    }
    if (propagationPolicy != "Background" && propagationPolicy != "Foreground" && propagationPolicy != "Orphan")
        return {obj, ApiError{400, "BadRequest",
                              "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"" +
                                  propagationPolicy +
                                  "\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\""}};
    if (auto pod = std::dynamic_pointer_cast<Pod>(obj))
        return removePod(pod, gracePeriodSeconds);
    if (obj->metadata.deletionTimestamp)
        return {obj, std::nullopt};  // already being deleted
    // BeforeDelete / deletionFinalizersForGarbageCollection.
    auto &finalizers = obj->metadata.finalizers;
    if (propagationPolicy != "Background") {
        std::string f = propagationPolicy == "Orphan" ? "orphan" : "foregroundDeletion";
        if (std::find(finalizers.begin(), finalizers.end(), f) == finalizers.end())
            finalizers.push_back(f);
    }
    if (finalizers.empty()) {
        store_.remove(kind, ns, name);
        return {obj, std::nullopt};
    }
    obj->metadata.deletionTimestamp = clock_.now();
    obj->metadata.deletionGracePeriodSeconds = 0;
    store_.update(obj);
    return {obj, std::nullopt};
}

ApiResult KubeApiServer::removePod(const std::shared_ptr<Pod> &pod, std::optional<std::int64_t> gracePeriodSeconds)
{
    if (pod->metadata.deletionTimestamp) {
        // A second delete can only shorten the grace period; 0 (a force delete, as the pod GC
        // sends for pods whose kubelet is gone) removes the pod at once.
        if (gracePeriodSeconds == 0)
            store_.remove("Pod", pod->metadata.namespace_, pod->metadata.name);
        return {pod, std::nullopt};
    }
    std::int64_t grace = gracePeriodSeconds.value_or(pod->spec.terminationGracePeriodSeconds.value_or(30));
    // An unscheduled pod has no kubelet to wait for: it goes at once.
    if (pod->spec.nodeName.empty() || grace == 0) {
        store_.remove("Pod", pod->metadata.namespace_, pod->metadata.name);
        return {pod, std::nullopt};
    }
    pod->metadata.deletionTimestamp = clock_.now() + double(grace);
    pod->metadata.deletionGracePeriodSeconds = grace;
    trace(*pod, clock_.now(), "kube-apiserver", "delete",
          "deletionTimestamp set; grace period " + std::to_string(grace) + "s");
    store_.update(pod);
    return {pod, std::nullopt};
}

void KubeApiServer::removeFinalizer(const ObjectPtr &obj, const std::string &finalizer)
{
    auto &finalizers = obj->metadata.finalizers;
    auto it = std::find(finalizers.begin(), finalizers.end(), finalizer);
    if (it == finalizers.end())
        return;
    finalizers.erase(it);
    if (obj->metadata.deletionTimestamp && finalizers.empty() && obj->kind != "Pod")
        store_.remove(obj->kind, obj->metadata.namespace_, obj->metadata.name);
    else
        store_.update(obj);
}

ApiResult KubeApiServer::bind(const std::shared_ptr<Pod> &pod, const std::string &nodeName)
{
    if (!pod->spec.nodeName.empty())
        return {pod, ApiError{409, "Conflict", "pod " + pod->metadata.name + " is already assigned to node \"" +
                                                   pod->spec.nodeName + "\""}};
    pod->spec.nodeName = nodeName;
    // BindingREST.setPodNodeAndMetadata, ClearingNominatedNodeNameAfterBinding (beta, on in v1.35).
    pod->status.nominatedNodeName.clear();
    trace(*pod, clock_.now(), "etcd", "binding persisted", "spec.nodeName = " + nodeName);
    store_.update(pod);
    return {pod, std::nullopt};
}

void KubeApiServer::finishPodDeletion(const std::shared_ptr<Pod> &pod)
{
    trace(*pod, clock_.now(), "etcd", "deleted", "the pod object is removed");
    store_.remove("Pod", pod->metadata.namespace_, pod->metadata.name);
}

}  // namespace podscape
