#include "manifest/kinds.h"

#include "cluster/api/object.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace podscape {

namespace {

struct ServedKind {
    std::string_view apiVersion;
    std::string_view kind;
    bool namespaced;
    bool simulated;
};

// The group/versions Kubernetes v1.35 serves by default (alpha APIs are off), with their kinds.
constexpr std::array kServedKinds = std::to_array<ServedKind>({
    {"v1", "Pod", true, true},
    {"v1", "Node", false, true},
    {"v1", "Service", true, true},
    {"v1", "Namespace", false, true},
    {"v1", "ConfigMap", true, true},
    {"v1", "Secret", true, true},
    {"v1", "PersistentVolume", false, true},
    {"v1", "PersistentVolumeClaim", true, true},
    {"v1", "ReplicationController", true, true},
    {"v1", "ServiceAccount", true, true},
    {"v1", "LimitRange", true, true},
    {"v1", "ResourceQuota", true, true},
    {"v1", "Endpoints", true, false},
    {"v1", "Event", true, false},
    {"v1", "PodTemplate", true, false},
    {"v1", "Binding", true, false},
    {"v1", "ComponentStatus", false, false},
    {"apps/v1", "Deployment", true, true},
    {"apps/v1", "ReplicaSet", true, true},
    {"apps/v1", "StatefulSet", true, true},
    {"apps/v1", "DaemonSet", true, true},
    {"apps/v1", "ControllerRevision", true, false},
    {"batch/v1", "Job", true, true},
    {"batch/v1", "CronJob", true, true},
    {"policy/v1", "PodDisruptionBudget", true, true},
    {"policy/v1", "Eviction", true, false},
    {"autoscaling/v1", "HorizontalPodAutoscaler", true, true},
    {"autoscaling/v2", "HorizontalPodAutoscaler", true, true},
    {"storage.k8s.io/v1", "StorageClass", false, true},
    {"storage.k8s.io/v1", "CSIDriver", false, false},
    {"storage.k8s.io/v1", "CSINode", false, false},
    {"storage.k8s.io/v1", "CSIStorageCapacity", true, false},
    {"storage.k8s.io/v1", "VolumeAttachment", false, false},
    {"storage.k8s.io/v1", "VolumeAttributesClass", false, false},
    {"scheduling.k8s.io/v1", "PriorityClass", false, true},
    {"networking.k8s.io/v1", "Ingress", true, true},
    {"networking.k8s.io/v1", "IngressClass", false, false},
    {"networking.k8s.io/v1", "NetworkPolicy", true, false},
    {"networking.k8s.io/v1", "IPAddress", false, false},
    {"networking.k8s.io/v1", "ServiceCIDR", false, false},
    {"rbac.authorization.k8s.io/v1", "Role", true, false},
    {"rbac.authorization.k8s.io/v1", "RoleBinding", true, false},
    {"rbac.authorization.k8s.io/v1", "ClusterRole", false, false},
    {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding", false, false},
    {"apiextensions.k8s.io/v1", "CustomResourceDefinition", false, false},
    {"admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", false, false},
    {"admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", false, false},
    {"admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy", false, false},
    {"admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding", false, false},
    {"apiregistration.k8s.io/v1", "APIService", false, false},
    {"coordination.k8s.io/v1", "Lease", true, false},
    {"discovery.k8s.io/v1", "EndpointSlice", true, false},
    {"events.k8s.io/v1", "Event", true, false},
    {"certificates.k8s.io/v1", "CertificateSigningRequest", false, false},
    {"node.k8s.io/v1", "RuntimeClass", false, false},
    {"flowcontrol.apiserver.k8s.io/v1", "FlowSchema", false, false},
    {"flowcontrol.apiserver.k8s.io/v1", "PriorityLevelConfiguration", false, false},
    {"authentication.k8s.io/v1", "TokenReview", false, false},
    {"authentication.k8s.io/v1", "SelfSubjectReview", false, false},
    {"authorization.k8s.io/v1", "SubjectAccessReview", false, false},
    {"authorization.k8s.io/v1", "SelfSubjectAccessReview", false, false},
    {"authorization.k8s.io/v1", "SelfSubjectRulesReview", false, false},
    {"authorization.k8s.io/v1", "LocalSubjectAccessReview", true, false},
    {"resource.k8s.io/v1", "DeviceClass", false, false},
    {"resource.k8s.io/v1", "ResourceClaim", true, false},
    {"resource.k8s.io/v1", "ResourceClaimTemplate", true, false},
    {"resource.k8s.io/v1", "ResourceSlice", false, false},
});

// Groups built into the API server; a kind/version they do not serve is "no matches".
constexpr std::array<std::string_view, 24> kBuiltInGroups = {
    "",
    "apps",
    "batch",
    "extensions",
    "policy",
    "autoscaling",
    "networking.k8s.io",
    "storage.k8s.io",
    "scheduling.k8s.io",
    "rbac.authorization.k8s.io",
    "apiextensions.k8s.io",
    "admissionregistration.k8s.io",
    "apiregistration.k8s.io",
    "coordination.k8s.io",
    "discovery.k8s.io",
    "events.k8s.io",
    "certificates.k8s.io",
    "node.k8s.io",
    "flowcontrol.apiserver.k8s.io",
    "authentication.k8s.io",
    "authorization.k8s.io",
    "resource.k8s.io",
    "internal.apiserver.k8s.io",
    "storagemigration.k8s.io",
};

}  // namespace

std::string_view preferredApiVersion(std::string_view kind)
{
    for (const auto &served : kServedKinds)
        if (served.kind == kind)
            return served.apiVersion;
    return {};
}

std::string_view groupOf(std::string_view apiVersion)
{
    auto slash = apiVersion.find('/');
    return slash == std::string_view::npos ? std::string_view{} : apiVersion.substr(0, slash);
}

KindInfo lookupKind(std::string_view apiVersion, std::string_view kind)
{
    for (const auto &served : kServedKinds)
        if (served.apiVersion == apiVersion && served.kind == kind)
            return {served.simulated ? KindSupport::Simulated : KindSupport::NotSimulated, served.namespaced};
    std::string_view group = groupOf(apiVersion);
    bool builtIn = std::find(kBuiltInGroups.begin(), kBuiltInGroups.end(), group) != kBuiltInGroups.end();
    // "core/v1" or "v1beta1" without a group are not custom resources either.
    bool hasGroup = apiVersion.find('/') != std::string_view::npos;
    if (builtIn || !hasGroup)
        return {KindSupport::NoMatch, true};
    // Custom resources: scope unknown without their CRD; namespaced is the common case.
    return {KindSupport::CustomResource, true};
}

std::string qualifiedKind(std::string_view kind, std::string_view apiVersion)
{
    std::string out(kind);
    std::string_view group = groupOf(apiVersion);
    if (!group.empty()) {
        out += '.';
        out += group;
    }
    return out;
}

std::string resourceName(std::string_view kind, std::string_view apiVersion)
{
    std::string plural;
    if (kind == "Endpoints")
        return "endpoints";
    for (char c : kind)
        plural += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (plural.ends_with("s") || plural.ends_with("x") || plural.ends_with("ch"))
        plural += "es";
    else if (plural.ends_with("y") && !plural.ends_with("ey"))
        plural.back() = 'i', plural += "es";
    else
        plural += 's';
    std::string_view group = groupOf(apiVersion);
    if (!group.empty()) {
        plural += '.';
        plural += group;
    }
    return plural;
}

// --- Object helpers that need the kind table ---------------------------------------------------

bool Object::isNamespaced() const
{
    if (auto *u = dynamic_cast<const UnstructuredObject *>(this))
        return u->namespaced;
    return lookupKind(apiVersion, kind).namespaced;
}

std::string Object::qualifiedKind() const
{
    return podscape::qualifiedKind(kind, apiVersion);
}

std::string Object::group() const
{
    return std::string(groupOf(apiVersion));
}

}  // namespace podscape
