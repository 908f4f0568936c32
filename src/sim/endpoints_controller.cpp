#include "sim/endpoints_controller.h"

#include "cluster/pod_status.h"
#include "sim/durations.h"

#include <algorithm>

namespace podscape {

namespace {

std::string keyOf(const Object &obj)
{
    return obj.metadata.namespace_ + "/" + obj.metadata.name;
}

bool selects(const Service &svc, const Pod &pod)
{
    if (!svc.spec.selector || svc.spec.selector->empty() || svc.metadata.namespace_ != pod.metadata.namespace_)
        return false;
    for (const auto &[k, v] : *svc.spec.selector) {
        auto it = pod.metadata.labels.find(k);
        if (it == pod.metadata.labels.end() || it->second != v)
            return false;
    }
    return true;
}

}  // namespace

int resolveTargetPort(const Pod &pod, const ServicePort &port)
{
    if (!port.targetPort.isString)
        return port.targetPort.intValue;
    for (const auto *list : {&pod.spec.containers, &pod.spec.initContainers})
        for (const auto &c : *list) {
            if (list == &pod.spec.initContainers && !c.isSidecar())
                continue;
            for (const auto &p : c.ports)
                if (p.name == port.targetPort.stringValue && p.protocol == port.protocol)
                    return p.containerPort;
        }
    return -1;
}

EndpointsController::EndpointsController(KubeApiServer &api, TraceRecorder &traces) : api_(api), traces_(traces) {}

// ShouldPodBeInEndpoints (endpointslice/util/controller_utils.go) and the address of each port.
std::optional<EndpointsController::PodEntry> EndpointsController::entryFor(const Service &svc, const Pod &pod) const
{
    if (!selects(svc, pod) || pod.status.podIP.empty() || pod.status.phase == "Succeeded" ||
        pod.status.phase == "Failed")
        return std::nullopt;
    if (pod.metadata.deletionTimestamp && !svc.spec.publishNotReadyAddresses)
        return std::nullopt;
    PodEntry entry;
    entry.ready = svc.spec.publishNotReadyAddresses || isPodReady(pod);
    entry.ip = pod.status.podIP;
    // podToEndpointAddressForService: the hostname is published when the pod names this Service
    // as its subdomain (a StatefulSet's pods and its serviceName).
    if (!pod.spec.hostname.empty() && pod.spec.subdomain == svc.metadata.name)
        entry.hostname = pod.spec.hostname;
    for (const auto &port : svc.spec.ports) {
        int target = resolveTargetPort(pod, port);
        if (target > 0)
            entry.addresses.push_back(pod.status.podIP + ":" + std::to_string(target));
    }
    if (svc.spec.ports.empty())  // a headless Service without ports still lists the pod
        entry.addresses.push_back(pod.status.podIP);
    if (entry.addresses.empty())
        return std::nullopt;
    return entry;
}

void EndpointsController::podChanged(const std::shared_ptr<Pod> &pod)
{
    if (!pendingPods_.insert(keyOf(*pod)).second)
        return;
    api_.clock().after(durations::kEndpointsUpdate, [this, pod] {
        pendingPods_.erase(keyOf(*pod));
        sync(pod);
    });
}

void EndpointsController::podRemoved(const std::shared_ptr<Pod> &pod)
{
    for (auto &[svcKey, state] : services_) {
        if (!state.pods.count(pod->metadata.name) || !svcKey.starts_with(pod->metadata.namespace_ + "/"))
            continue;
        auto svc = api_.store().get<Service>(pod->metadata.namespace_, svcKey.substr(svcKey.find('/') + 1));
        if (svc)
            setEntry(svcKey, *svc, *pod, std::nullopt);
    }
}

void EndpointsController::sync(const std::shared_ptr<Pod> &pod)
{
    const auto services = api_.store().list<Service>(pod->metadata.namespace_);
    if (services.empty() || !api_.store().get<Pod>(pod->metadata.namespace_, pod->metadata.name))
        return;
    for (const auto &svc : services) {
        if (!svc->spec.selector)
            continue;
        std::string svcKey = keyOf(*svc);
        auto entry = entryFor(*svc, *pod);
        auto &state = services_[svcKey];
        auto it = state.pods.find(pod->metadata.name);
        bool had = it != state.pods.end();
        if (!entry && !had)
            continue;
        if (entry && had && it->second.ready == entry->ready && it->second.addresses == entry->addresses)
            continue;
        setEntry(svcKey, *svc, *pod, entry);
    }
}

void EndpointsController::setEntry(const std::string &svcKey, const Service &svc, const Pod &pod,
                                   std::optional<PodEntry> entry)
{
    auto &state = services_[svcKey];
    std::string podKey = keyOf(pod);
    std::string change;
    if (!entry) {
        state.pods.erase(pod.metadata.name);
        change = "removed from";
    } else {
        change = entry->ready ? "ready in" : "not ready in";
        state.pods[pod.metadata.name] = *entry;
    }
    std::string addresses = entry ? entry->addresses.front() : pod.status.podIP;
    std::string podDns;  // what CoreDNS now answers for the pod's own name
    if (entry && entry->ready && !entry->hostname.empty() && svc.isHeadless())
        podDns = entry->hostname + "." + svc.metadata.name + "." + svc.metadata.namespace_ + ".svc.cluster.local → " +
                 entry->ip;
    traces_.add(podKey, api_.clock().now(), "endpoints-controller", entry ? "endpoints updated" : "endpoints removed",
                addresses + " " + change + " Service " + svc.metadata.name + " (Endpoints and EndpointSlice)");
    api_.clock().after(durations::kConsumerNotify, [this, svc = svc, podKey, change, podDns] {
        notifyConsumers(svc, podKey, change, podDns);
    });
}

bool EndpointsController::hasIngressBackend(const Service &svc) const
{
    for (const auto &ing : api_.store().list<Ingress>(svc.metadata.namespace_)) {
        if (ing->spec.defaultBackend && ing->spec.defaultBackend->serviceName == svc.metadata.name)
            return true;
        for (const auto &rule : ing->spec.rules)
            for (const auto &path : rule.paths)
                if (path.backend.serviceName == svc.metadata.name)
                    return true;
    }
    return false;
}

void EndpointsController::notifyConsumers(const Service &svc, const std::string &podKey, const std::string &change,
                                          const std::string &podDns)
{
    double now = api_.clock().now();
    bool ingress = hasIngressBackend(svc);
    ConsumerNotifications &counts = notified_[keyOf(svc)];
    ++counts.kubeProxy;
    ++counts.coreDns;
    counts.ingress += ingress ? 1 : 0;
    counts.lastTime = now;
    std::string dns = svc.metadata.name + "." + svc.metadata.namespace_ + ".svc.cluster.local";
    traces_.add(podKey, now, "kube-proxy", "rules updated",
                "every node's Service rules for " + svc.metadata.name + " (" + change + ")");
    traces_.add(podKey, now, "CoreDNS", "record served",
                svc.isHeadless() ? dns + " answers with the ready pod IPs" : dns + " → " + svc.spec.clusterIP);
    if (!podDns.empty())
        traces_.add(podKey, now, "CoreDNS", "record served", podDns);
    if (ingress)
        traces_.add(podKey, now, "ingress-controller", "backends updated", "Ingress upstreams for " + svc.metadata.name);
}

ConsumerNotifications EndpointsController::notificationsOf(const std::string &ns, const std::string &name) const
{
    auto it = notified_.find(ns + "/" + name);
    return it == notified_.end() ? ConsumerNotifications{} : it->second;
}

void EndpointsController::serviceChanged(const std::shared_ptr<Service> &svc)
{
    std::string svcKey = keyOf(*svc);
    if (!svc->spec.selector) {
        services_.erase(svcKey);
        return;
    }
    api_.clock().after(durations::kEndpointsUpdate, [this, svc] {
        for (const auto &pod : api_.store().list<Pod>(svc->metadata.namespace_))
            sync(pod);
    });
}

void EndpointsController::serviceRemoved(const std::shared_ptr<Service> &svc)
{
    services_.erase(keyOf(*svc));
    notified_.erase(keyOf(*svc));
}

ServiceEndpoints EndpointsController::endpointsOf(const std::string &ns, const std::string &name) const
{
    ServiceEndpoints out;
    auto it = services_.find(ns + "/" + name);
    if (it == services_.end())
        return out;
    auto svc = api_.store().get<Service>(ns, name);
    for (const auto &[pod, entry] : it->second.pods) {
        for (const auto &addr : entry.addresses)
            (entry.ready ? out.ready : out.notReady).push_back(addr);
        if (svc && svc->isHeadless() && entry.ready && !entry.hostname.empty())
            out.podDns[entry.hostname + "." + name + "." + ns + ".svc.cluster.local"] = entry.ip;
    }
    auto byAddress = [](const std::string &a, const std::string &b) {
        // numeric order of the IP's last octets, then port, as kubectl lists them
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    };
    std::sort(out.ready.begin(), out.ready.end(), byAddress);
    std::sort(out.notReady.begin(), out.notReady.end(), byAddress);
    return out;
}

}  // namespace podscape
