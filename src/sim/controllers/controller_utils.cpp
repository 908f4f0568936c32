#include "sim/controllers/controller_utils.h"

#include "cluster/pod_status.h"

#include <algorithm>
#include <cmath>

namespace podscape {

namespace {

const OwnerIndex::Members kNone;

std::string indexKey(const Object &obj)
{
    return obj.kind + '/' + obj.metadata.namespace_ + '/' + obj.metadata.name;
}

}  // namespace

std::vector<std::string> OwnerIndex::ownersOf(const Object &obj) const
{
    std::vector<std::string> out;
    if (controllerOnly_) {
        const OwnerReference *ref = obj.metadata.controllerRef();
        out.push_back(ref ? ref->uid : "\n" + obj.metadata.namespace_);  // "\n" marks an orphan slot
        return out;
    }
    for (const auto &ref : obj.metadata.ownerReferences)
        out.push_back(ref.uid);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

OwnerIndex::Members &OwnerIndex::members(const std::string &slot)
{
    return slot.starts_with('\n') ? orphans_[slot.substr(1)] : byOwner_[slot];
}

void OwnerIndex::unregister(const std::string &key)
{
    auto it = where_.find(key);
    if (it == where_.end())
        return;
    for (const auto &slot : it->second) {
        auto &groups = slot.starts_with('\n') ? orphans_ : byOwner_;
        auto g = groups.find(slot.starts_with('\n') ? slot.substr(1) : slot);
        if (g == groups.end())
            continue;
        g->second.erase(key);
        if (g->second.empty())
            groups.erase(g);
    }
    where_.erase(it);
}

// The informer's add / update / delete handlers, reduced to keeping the index.
bool OwnerIndex::observe(const WatchEvent &event)
{
    const Object &obj = *event.object;
    if (!kind_.empty() && obj.kind != kind_)
        return false;
    const std::string key = indexKey(obj);
    if (event.type == WatchEventType::Deleted) {
        unregister(key);
        return true;
    }
    std::vector<std::string> owners = ownersOf(obj);
    auto it = where_.find(key);
    if (it != where_.end() && it->second == owners) {
        for (const auto &slot : owners)
            members(slot)[key] = event.object;  // the same slots; keep the newest pointer
        return false;
    }
    unregister(key);
    for (const auto &slot : owners)
        members(slot)[key] = event.object;
    if (!owners.empty())
        where_[key] = std::move(owners);
    return true;
}

const OwnerIndex::Members &OwnerIndex::dependents(const std::string &ownerUid) const
{
    auto it = byOwner_.find(ownerUid);
    return it == byOwner_.end() ? kNone : it->second;
}

const OwnerIndex::Members &OwnerIndex::orphans(const std::string &ns) const
{
    auto it = orphans_.find(ns);
    return it == orphans_.end() ? kNone : it->second;
}

void WorkQueue::addAfter(const std::string &key, double delay)
{
    const double when = clock_.now() + std::max(0.0, delay);
    auto it = pending_.find(key);
    if (it != pending_.end() && it->second <= when)
        return;  // already queued, at least as early
    pending_[key] = when;
    clock_.at(when, [this, key, when] {
        auto p = pending_.find(key);
        if (p == pending_.end() || p->second != when)
            return;  // superseded by an earlier run
        pending_.erase(p);
        sync_(key);
    });
}

// workqueue.DefaultControllerRateLimiter's per-item part: 5 ms * 2^failures, at most 1000 s.
void WorkQueue::addRateLimited(const std::string &key)
{
    int n = failures_[key]++;
    addAfter(key, std::min(1000.0, 0.005 * std::pow(2.0, std::min(n, 30))));
}

std::string objectKey(const Object &obj)
{
    return obj.metadata.namespace_ + '/' + obj.metadata.name;
}

std::pair<std::string, std::string> splitKey(const std::string &key)
{
    auto slash = key.find('/');
    return {key.substr(0, slash), key.substr(slash + 1)};
}

bool isPodActive(const Pod &pod)
{
    return !pod.metadata.deletionTimestamp && pod.status.phase != "Succeeded" && pod.status.phase != "Failed";
}

std::optional<double> podReadyTime(const Pod &pod)
{
    const PodCondition *c = findCondition(pod, "Ready");
    if (!c || c->status != "True")
        return std::nullopt;
    return c->lastTransitionTime;
}

bool isPodAvailable(const Pod &pod, std::int32_t minReadySeconds, double now)
{
    auto ready = podReadyTime(pod);
    return ready && (minReadySeconds == 0 || *ready + minReadySeconds <= now);
}

OwnerReference controllerRefTo(const Object &owner)
{
    return {owner.apiVersion, owner.kind, owner.metadata.name, owner.metadata.uid, true, true};
}

std::int32_t scaledValue(const IntOrString &value, std::int32_t total, bool roundUp)
{
    if (!value.isString)
        return value.intValue;
    std::string digits = value.stringValue;
    if (digits.ends_with('%'))
        digits.pop_back();
    double percent = 0;
    try {
        percent = std::stod(digits);
    } catch (...) {
        return 0;  // validation refuses such values
    }
    double scaled = percent * double(total) / 100.0;
    return std::int32_t(roundUp ? std::ceil(scaled) : std::floor(scaled));
}

}  // namespace podscape
