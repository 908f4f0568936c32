#include "sim/controllers/controller_utils.h"

#include "cluster/pod_status.h"

#include <algorithm>
#include <cmath>

namespace podscape {

namespace {

const OwnerIndex::Members kNone;

} // namespace

std::vector<std::string> OwnerIndex::ownersOf(const Object &obj) const
{
    std::vector<std::string> out;
    if (controllerOnly_) {
        const OwnerReference *ref = obj.metadata.controllerRef();
        out.push_back(ref ? ref->uid : "\n" + obj.metadata.namespace_); // "\n" marks an orphan slot
        return out;
    }
    for (const auto &ref : obj.metadata.ownerReferences)
        out.push_back(ref.uid);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// ownersOf(obj) == owners, without building the list for the usual single controller slot.
bool OwnerIndex::sameOwners(const Object &obj, const std::vector<std::string> &owners) const
{
    if (!controllerOnly_)
        return ownersOf(obj) == owners;
    if (owners.size() != 1)
        return false;
    const std::string &slot = owners.front();
    if (const OwnerReference *ref = obj.metadata.controllerRef())
        return slot == ref->uid;
    return slot.starts_with('\n') && std::string_view(slot).substr(1) == obj.metadata.namespace_;
}

OwnerIndex::Members &OwnerIndex::members(const std::string &slot)
{
    return slot.starts_with('\n') ? orphans_[slot.substr(1)] : byOwner_[slot];
}

void OwnerIndex::pointAt(Entry &entry, const Object *object)
{
    if (entry.object == object)
        return;
    byObject_.erase(entry.object);
    entry.object = object;
    byObject_[object] = &entry;
}

void OwnerIndex::unregister(const std::string &key)
{
    auto it = where_.find(key);
    if (it == where_.end())
        return;
    byObject_.erase(it->second.object);
    for (const auto &slot : it->second.owners) {
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
    // The usual event: the object the index holds, changed in place, under the same owners.
    if (event.type != WatchEventType::Deleted) {
        auto known = byObject_.find(&obj);
        if (known != byObject_.end() && sameOwners(obj, known->second->owners))
            return false;
    }
    key_.assign(obj.kind).append("/").append(obj.metadata.namespace_).append("/").append(obj.metadata.name);
    if (event.type == WatchEventType::Deleted) {
        unregister(key_);
        return true;
    }
    auto it = where_.find(key_);
    std::vector<std::string> owners = ownersOf(obj);
    if (it != where_.end() && it->second.owners == owners) {
        for (const auto &slot : owners)
            members(slot)[key_] = event.object; // the same slots; keep the newest pointer
        pointAt(it->second, &obj);
        return false;
    }
    unregister(key_);
    for (const auto &slot : owners)
        members(slot)[key_] = event.object;
    if (!owners.empty())
        pointAt(where_.try_emplace(key_, Entry{std::move(owners), nullptr}).first->second, &obj);
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
        return; // already queued, at least as early
    pending_[key] = when;
    clock_.at(when, [this, key, when] {
        auto p = pending_.find(key);
        if (p == pending_.end() || p->second != when)
            return; // superseded by an earlier run
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
        return 0; // validation refuses such values
    }
    double scaled = percent * double(total) / 100.0;
    return std::int32_t(roundUp ? std::ceil(scaled) : std::floor(scaled));
}

} // namespace podscape
