// Objects Podscape loads and shows without simulating their effect in depth:
// Ingress (networking.k8s.io) and HorizontalPodAutoscaler (autoscaling).
#pragma once

#include "cluster/api/object.h"

namespace podscape {

struct IngressBackend {
    std::string serviceName;
    std::int32_t servicePortNumber = 0;
    std::string servicePortName;
    std::string resourceKind;  // a non-Service backend ("resource:")
    std::string resourceName;
};

struct IngressPath {
    std::string path;
    std::string pathType;  // Exact | Prefix | ImplementationSpecific
    IngressBackend backend;
};

struct IngressRule {
    std::string host;
    std::vector<IngressPath> paths;
};

struct Ingress : ObjectBase<Ingress> {
    struct Spec {
        std::string ingressClassName;
        std::optional<IngressBackend> defaultBackend;
        std::vector<IngressRule> rules;
        std::vector<std::string> tlsHosts;
        std::vector<std::string> tlsSecrets;
    } spec;
};

struct MetricTarget {
    std::string type;  // Utilization | Value | AverageValue
    std::optional<std::int32_t> averageUtilization;
    std::optional<Quantity> averageValue;
    std::optional<Quantity> value;
};

struct HpaMetric {
    std::string type;  // Resource | ContainerResource | Pods | Object | External
    std::string name;  // resource or metric name
    MetricTarget target;
};

struct HorizontalPodAutoscaler : ObjectBase<HorizontalPodAutoscaler> {
    struct Spec {
        std::string targetApiVersion;
        std::string targetKind;
        std::string targetName;
        std::int32_t minReplicas = 1;
        std::int32_t maxReplicas = 0;
        std::vector<HpaMetric> metrics;  // autoscaling/v1's targetCPUUtilizationPercentage becomes one
    } spec;
};

}  // namespace podscape
