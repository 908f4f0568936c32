// Which kinds exist at which apiVersion in Kubernetes v1.35, which are namespaced, and which
// Podscape simulates. Built-in groups answer "no matches for kind" for anything they do not
// serve (removed versions such as extensions/v1beta1); unknown groups are custom resources.
#pragma once

#include <string>
#include <string_view>

namespace podscape {

enum class KindSupport {
    Simulated,     // typed and simulated
    NotSimulated,  // served by Kubernetes, listed but not simulated (RBAC, CRDs, NetworkPolicy, ...)
    CustomResource,// a group Kubernetes does not build in: listed, not simulated
    NoMatch,       // a built-in group that does not serve this kind at this version
};

struct KindInfo {
    KindSupport support = KindSupport::NoMatch;
    bool namespaced = true;
};

KindInfo lookupKind(std::string_view apiVersion, std::string_view kind);

// The apiVersion Kubernetes v1.35 serves a built-in kind at ("Deployment" → "apps/v1"); empty if unknown.
std::string_view preferredApiVersion(std::string_view kind);

// "apps/v1" → "apps"; "v1" → "".
std::string_view groupOf(std::string_view apiVersion);

// "Deployment" + "apps/v1" → "Deployment.apps"; core kinds stay bare ("Pod").
std::string qualifiedKind(std::string_view kind, std::string_view apiVersion);

// The kubectl-style lower-case plural used in API messages: "pods", "deployments.apps".
std::string resourceName(std::string_view kind, std::string_view apiVersion);

}  // namespace podscape
