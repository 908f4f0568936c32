// The scheme's defaulting (pkg/apis/core/v1/defaults.go, apps/v1/defaults.go, batch/v1/defaults.go):
// what an object looks like after the API server decodes it, before admission plugins run.
#include "sim/admission/admission.h"

namespace podscape::admission {

namespace {

// SetDefaults_Container: Always for ":latest" or no tag, IfNotPresent otherwise (a digest counts as a tag).
std::string defaultPullPolicy(const std::string &image)
{
    if (image.find('@') != std::string::npos)
        return "IfNotPresent";
    auto slash = image.rfind('/');
    auto colon = image.rfind(':');
    bool hasTag = colon != std::string::npos && (slash == std::string::npos || colon > slash);
    if (!hasTag || image.substr(colon + 1) == "latest")
        return "Always";
    return "IfNotPresent";
}

void applyContainerDefaults(Container &c)
{
    if (c.imagePullPolicy.empty())
        c.imagePullPolicy = defaultPullPolicy(c.image);
    if (c.terminationMessagePath.empty())
        c.terminationMessagePath = "/dev/termination-log";
    if (c.terminationMessagePolicy.empty())
        c.terminationMessagePolicy = "File";
    for (auto &port : c.ports)
        if (port.protocol.empty())
            port.protocol = "TCP";
    // SetDefaults_Pod: a limit without a request makes the request equal to the limit.
    for (const auto &[resource, limit] : c.resources.limits)
        c.resources.requests.try_emplace(resource, limit);
}

IntOrString percent(int p)
{
    return IntOrString::fromString(std::to_string(p) + "%");
}

void applyServiceDefaults(Service &svc)
{
    auto &s = svc.spec;
    if (s.type.empty())
        s.type = "ClusterIP";
    if (s.sessionAffinity.empty())
        s.sessionAffinity = "None";
    for (auto &port : s.ports) {
        if (port.protocol.empty())
            port.protocol = "TCP";
        if (!port.hasTargetPort) {  // SetDefaults_Service: targetPort defaults to port
            port.targetPort = IntOrString::fromInt(port.port);
            port.hasTargetPort = true;
        }
    }
    if (s.type != "ExternalName" && s.internalTrafficPolicy.empty())
        s.internalTrafficPolicy = "Cluster";
    if ((s.type == "NodePort" || s.type == "LoadBalancer") && s.externalTrafficPolicy.empty())
        s.externalTrafficPolicy = "Cluster";
}

void applyJobDefaults(JobSpec &s)
{
    if (!s.completions && !s.parallelism)
        s.completions = 1;
    if (!s.parallelism)
        s.parallelism = 1;
    if (!s.backoffLimit)
        s.backoffLimit = s.backoffLimitPerIndex ? 2147483647 : 6;
    if (s.completionMode.empty())
        s.completionMode = "NonIndexed";
    if (s.podReplacementPolicy.empty())
        s.podReplacementPolicy = "TerminatingOrFailed";
    applyPodSpecDefaults(s.template_.spec);
}

template <typename T> void defaultReplicas(T &spec)
{
    if (!spec.replicas)
        spec.replicas = 1;
}

}  // namespace

void applyPodSpecDefaults(PodSpec &spec)
{
    if (spec.restartPolicy.empty())
        spec.restartPolicy = "Always";
    if (!spec.terminationGracePeriodSeconds)
        spec.terminationGracePeriodSeconds = 30;
    if (spec.dnsPolicy.empty())
        spec.dnsPolicy = "ClusterFirst";
    if (spec.schedulerName.empty())
        spec.schedulerName = "default-scheduler";
    for (auto &c : spec.initContainers)
        applyContainerDefaults(c);
    for (auto &c : spec.containers)
        applyContainerDefaults(c);
}

void applyDefaults(Object &obj)
{
    if (auto *pod = dynamic_cast<Pod *>(&obj)) {
        applyPodSpecDefaults(pod->spec);
    } else if (auto *svc = dynamic_cast<Service *>(&obj)) {
        applyServiceDefaults(*svc);
    } else if (auto *d = dynamic_cast<Deployment *>(&obj)) {
        defaultReplicas(d->spec);
        if (d->spec.strategyType == "RollingUpdate") {
            if (!d->spec.maxSurge)
                d->spec.maxSurge = percent(25);
            if (!d->spec.maxUnavailable)
                d->spec.maxUnavailable = percent(25);
        }
        applyPodSpecDefaults(d->spec.template_.spec);
    } else if (auto *rs = dynamic_cast<ReplicaSet *>(&obj)) {
        defaultReplicas(rs->spec);
        applyPodSpecDefaults(rs->spec.template_.spec);
    } else if (auto *rc = dynamic_cast<ReplicationController *>(&obj)) {
        defaultReplicas(rc->spec);
        if (rc->spec.template_) {
            if (rc->spec.selector.empty())
                rc->spec.selector = rc->spec.template_->metadata.labels;
            applyPodSpecDefaults(rc->spec.template_->spec);
        }
    } else if (auto *sts = dynamic_cast<StatefulSet *>(&obj)) {
        defaultReplicas(sts->spec);
        applyPodSpecDefaults(sts->spec.template_.spec);
    } else if (auto *ds = dynamic_cast<DaemonSet *>(&obj)) {
        if (ds->spec.updateStrategyType == "RollingUpdate") {
            if (!ds->spec.maxUnavailable)
                ds->spec.maxUnavailable = IntOrString::fromInt(1);
            if (!ds->spec.maxSurge)
                ds->spec.maxSurge = IntOrString::fromInt(0);
        }
        applyPodSpecDefaults(ds->spec.template_.spec);
    } else if (auto *job = dynamic_cast<Job *>(&obj)) {
        applyJobDefaults(job->spec);
    } else if (auto *cj = dynamic_cast<CronJob *>(&obj)) {
        applyJobDefaults(cj->spec.jobSpec);
    } else if (auto *pv = dynamic_cast<PersistentVolume *>(&obj)) {
        if (pv->spec.persistentVolumeReclaimPolicy.empty())
            pv->spec.persistentVolumeReclaimPolicy = "Retain";
    }
}

}  // namespace podscape::admission
