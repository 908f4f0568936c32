#include "sim/controllers/garbage_collector.h"

#include <algorithm>

namespace podscape {

GarbageCollector::GarbageCollector(ControllerContext ctx)
    : Controller(ctx), attemptToDelete_(clock(), [this](const std::string &uid) { attemptToDelete(uid); })
{
}

// GraphBuilder.processGraphChanges: keep the uid graph; an owner that disappears, or a new
// object pointing at an owner that is not there, is looked at after the usual short delay (an
// object replaced by `kubectl apply` keeps its uid and is back by then).
void GarbageCollector::onWatch(const WatchEvent &event)
{
    const Object &obj = *event.object;
    const std::string &uid = obj.metadata.uid;
    dependents_.observe(event);
    if (event.type == WatchEventType::Deleted) {
        if (auto it = live_.find(uid); it != live_.end() && --it->second <= 0)
            live_.erase(it);
        if (!dependents_.dependents(uid).empty())
            attemptToDelete_.add(uid);
        return;
    }
    if (event.type == WatchEventType::Added)
        ++live_[uid];
    for (const auto &ref : obj.metadata.ownerReferences)
        if (!isLive(ref.uid))
            attemptToDelete_.add(ref.uid);
}

// attemptToDeleteItem for each dependent of a vanished owner: with another live owner, remove
// the dangling reference (a metadata patch); otherwise delete it (background propagation).
void GarbageCollector::attemptToDelete(const std::string &ownerUid)
{
    if (isLive(ownerUid))
        return;
    for (const auto &dep : dependents_.dependentsOf<Object>(ownerUid)) {
        if (dep->metadata.deletionTimestamp)
            continue;  // already going
        auto &refs = dep->metadata.ownerReferences;
        bool solid = std::any_of(refs.begin(), refs.end(),
                                 [&](const OwnerReference &r) { return r.uid != ownerUid && isLive(r.uid); });
        if (solid) {
            refs.erase(std::remove_if(refs.begin(), refs.end(),
                                      [&](const OwnerReference &r) { return r.uid == ownerUid; }),
                       refs.end());
            api().updateStatus(dep);
            continue;
        }
        api().remove(dep->kind, dep->metadata.namespace_, dep->metadata.name);
    }
}

}  // namespace podscape
