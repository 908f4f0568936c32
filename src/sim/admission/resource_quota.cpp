// ResourceQuota (apiserver/pkg/admission/plugin/resourcequota/controller.go and the pod evaluator
// pkg/quota/v1/evaluator/core/pods.go): a pod is refused when it would take a namespace past a
// quota's hard limits, or when a quota tracks requests/limits the pod does not declare.
#include "sim/admission/admission.h"

#include <algorithm>

namespace podscape::admission {

namespace {

// Pod usage under the names quotas use: pods, requests.cpu (alias cpu), limits.memory, ...
ResourceList podUsage(const Pod &pod)
{
    ResourceList usage;
    usage["pods"] = Quantity::fromValue(1);
    usage["count/pods"] = Quantity::fromValue(1);
    for (const auto &c : pod.spec.containers) {
        for (const auto &[r, q] : c.resources.requests) {
            usage["requests." + r] += q;
            if (r == "cpu" || r == "memory" || r == "ephemeral-storage")
                usage[r] += q;
        }
        for (const auto &[r, q] : c.resources.limits)
            usage["limits." + r] += q;
    }
    return usage;
}

bool isTerminal(const Pod &pod)
{
    return pod.status.phase == "Succeeded" || pod.status.phase == "Failed";
}

std::string joinSorted(std::vector<std::string> items)
{
    std::sort(items.begin(), items.end());
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : ",") + i;
    return out;
}

// The resources the pod must declare because a quota limits them.
std::string missingDeclarations(const Pod &pod, const ResourceQuota &quota)
{
    std::vector<std::string> missing;
    for (const auto &[name, hard] : quota.hard) {
        bool isRequest = name.starts_with("requests.") || name == "cpu" || name == "memory";
        bool isLimit = name.starts_with("limits.");
        if (!isRequest && !isLimit)
            continue;
        std::string resource = isLimit ? name.substr(7) : name.starts_with("requests.") ? name.substr(9) : name;
        for (const auto &c : pod.spec.containers) {
            const ResourceList &declared = isLimit ? c.resources.limits : c.resources.requests;
            if (!declared.count(resource)) {
                missing.push_back(name);
                break;
            }
        }
    }
    std::string out;
    for (const auto &m : missing)
        out += (out.empty() ? "" : ",") + m;
    return out;
}

}  // namespace

std::optional<ApiError> resourceQuota(const Pod &pod, const ObjectStore &store)
{
    const std::string &ns = pod.metadata.namespace_;
    auto quotas = store.list<ResourceQuota>(ns);
    if (quotas.empty())
        return std::nullopt;
    ResourceList requested = podUsage(pod);
    ResourceList used;
    for (const auto &other : store.list<Pod>(ns))
        if (!isTerminal(*other))
            for (const auto &[r, q] : podUsage(*other))
                used[r] += q;
    for (const auto &quota : quotas) {
        if (std::string missing = missingDeclarations(pod, *quota); !missing.empty())
            return ApiError{403, "Forbidden",
                            forbiddenPrefix(pod) + "failed quota: " + quota->metadata.name + ": must specify " + missing};
        std::vector<std::string> req, use, lim;
        for (const auto &[r, hard] : quota->hard) {
            auto want = requested.find(r);
            if (want == requested.end())
                continue;
            Quantity have = used.count(r) ? used.at(r) : Quantity();
            if (have + want->second > hard) {
                req.push_back(r + "=" + want->second.toString());
                use.push_back(r + "=" + have.toString());
                lim.push_back(r + "=" + hard.toString());
            }
        }
        if (!req.empty())
            return ApiError{403, "Forbidden",
                            forbiddenPrefix(pod) + "exceeded quota: " + quota->metadata.name +
                                ", requested: " + joinSorted(req) + ", used: " + joinSorted(use) +
                                ", limited: " + joinSorted(lim)};
    }
    return std::nullopt;
}

}  // namespace podscape::admission
