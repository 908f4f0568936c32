// The endpoints and EndpointSlice controllers (pkg/controller/endpoint, endpointslice): every
// Service with a selector lists the pods it selects as IP:port (ready or not ready); then the
// consumers that watch endpoints (kube-proxy, CoreDNS, Ingress controllers) pick the change up.
#pragma once

#include "cluster/events.h"
#include "sim/kube_apiserver.h"

#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

namespace podscape {

struct ServiceEndpoints {
    std::vector<std::string> ready;     // "10.244.1.5:8080", sorted
    std::vector<std::string> notReady;
    // A headless Service's per-pod DNS names (a ready pod whose hostname is set and whose
    // subdomain is the Service, as StatefulSet pods are): "web-0.nginx.default.svc.cluster.local"
    // → "10.244.1.5".
    std::map<std::string, std::string> podDns;
};

// How often each consumer of a Service's endpoints has picked up a change, so a view can light
// it up per Service.
struct ConsumerNotifications {
    int kubeProxy = 0;
    int coreDns = 0;
    int ingress = 0; // only for Services an Ingress routes to
    double lastTime = -1;
};

class EndpointsController {
public:
    EndpointsController(KubeApiServer &api, TraceRecorder &traces);

    void podChanged(const std::shared_ptr<Pod> &pod);
    void podRemoved(const std::shared_ptr<Pod> &pod);
    void serviceChanged(const std::shared_ptr<Service> &svc);
    void serviceRemoved(const std::shared_ptr<Service> &svc);

    // The endpoints of a Service (empty if it has none or no selector).
    ServiceEndpoints endpointsOf(const std::string &ns, const std::string &name) const;
    ConsumerNotifications notificationsOf(const std::string &ns, const std::string &name) const;
    bool hasIngressBackend(const Service &svc) const;

private:
    struct PodEntry {
        std::vector<std::string> addresses;  // IP:port, one per resolvable Service port
        bool ready = false;
        std::string hostname;  // EndpointAddress.hostname
        std::string ip;
    };
    struct ServiceState {
        std::map<std::string, PodEntry> pods;  // by pod name
    };

    void sync(const std::shared_ptr<Pod> &pod);
    void setEntry(const std::string &svcKey, const Service &svc, const Pod &pod, std::optional<PodEntry> entry);
    std::optional<PodEntry> entryFor(const Service &svc, const Pod &pod) const;
    void notifyConsumers(const Service &svc, const std::string &podKey, const std::string &change,
                         const std::string &podDns);

    KubeApiServer &api_;
    TraceRecorder &traces_;
    std::map<std::string, ServiceState> services_;  // by "ns/name"
    std::map<std::string, ConsumerNotifications> notified_; // by "ns/name"
    std::unordered_set<std::string> pendingPods_;           // syncs already scheduled
};

// FindPort (pkg/api/v1/pod/util.go): a named targetPort matches a container port of the same name
// and protocol (app containers, then sidecars); a number is used as it is. -1 when nothing matches.
int resolveTargetPort(const Pod &pod, const ServicePort &port);

}  // namespace podscape
