// LimitRanger (plugin/pkg/admission/limitranger/admission.go): default requests and limits from
// the namespace's LimitRanges, then their min / max / maxLimitRequestRatio, with its messages.
#include "sim/admission/admission.h"

#include <cstdio>

namespace podscape::admission {

namespace {

// SetDefaults_LimitRangeItem: a Container item's default falls back to max, defaultRequest to
// default, then to min.
LimitRangeItem withDefaults(LimitRangeItem item)
{
    if (item.type != "Container")
        return item;
    for (const auto &[r, q] : item.max)
        item.default_.try_emplace(r, q);
    for (const auto &[r, q] : item.default_)
        item.defaultRequest.try_emplace(r, q);
    for (const auto &[r, q] : item.min)
        item.defaultRequest.try_emplace(r, q);
    return item;
}

void applyContainerDefaults(Container &c, const LimitRangeItem &item)
{
    for (const auto &[r, q] : item.default_)
        c.resources.limits.try_emplace(r, q);
    for (const auto &[r, q] : item.defaultRequest)
        c.resources.requests.try_emplace(r, q);
}

void checkMinMax(const std::string &scope, const ResourceList &requests, const ResourceList &limits,
                 const LimitRangeItem &item, std::vector<std::string> &errors)
{
    for (const auto &[r, min] : item.min) {
        auto req = requests.find(r);
        if (req == requests.end())
            errors.push_back("minimum " + r + " usage per " + scope + " is " + min.toString() + ".  No request is specified");
        else if (req->second < min)
            errors.push_back("minimum " + r + " usage per " + scope + " is " + min.toString() + ", but request is " +
                             req->second.toString());
    }
    for (const auto &[r, max] : item.max) {
        auto lim = limits.find(r);
        if (lim == limits.end())
            errors.push_back("maximum " + r + " usage per " + scope + " is " + max.toString() + ".  No limit is specified");
        else if (lim->second > max)
            errors.push_back("maximum " + r + " usage per " + scope + " is " + max.toString() + ", but limit is " +
                             lim->second.toString());
    }
    for (const auto &[r, ratio] : item.maxLimitRequestRatio) {
        auto req = requests.find(r);
        auto lim = limits.find(r);
        if (req == requests.end() || lim == limits.end() || req->second.isZero())
            continue;
        double actual = lim->second.asApproximateDouble() / req->second.asApproximateDouble();
        if (actual > ratio.asApproximateDouble()) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%f", actual);
            errors.push_back(r + " max limit to request ratio per " + scope + " is " + ratio.toString() +
                             ", but provided ratio is " + buf);
        }
    }
}

ResourceList sumOver(const std::vector<Container> &containers, bool limits)
{
    ResourceList sum;
    for (const auto &c : containers)
        for (const auto &[r, q] : limits ? c.resources.limits : c.resources.requests)
            sum[r] += q;
    return sum;
}

}  // namespace

std::optional<ApiError> limitRanger(Pod &pod, const ObjectStore &store)
{
    std::vector<std::string> errors;
    for (const auto &lr : store.list<LimitRange>(pod.metadata.namespace_)) {
        for (const auto &raw : lr->limits) {
            LimitRangeItem item = withDefaults(raw);
            if (item.type == "Container") {
                for (auto *list : {&pod.spec.initContainers, &pod.spec.containers})
                    for (auto &c : *list) {
                        applyContainerDefaults(c, item);
                        checkMinMax("Container", c.resources.requests, c.resources.limits, item, errors);
                    }
            } else if (item.type == "Pod") {
                checkMinMax("Pod", sumOver(pod.spec.containers, false), sumOver(pod.spec.containers, true), item,
                            errors);
            }
        }
    }
    if (errors.empty())
        return std::nullopt;
    std::string joined;
    for (const auto &e : errors)
        joined += (joined.empty() ? "" : ", ") + e;
    return ApiError{403, "Forbidden", forbiddenPrefix(pod) + "[" + joined + "]"};
}

}  // namespace podscape::admission
