#include "sim/controllers/garbage_collector.h"

#include <algorithm>

namespace podscape {

namespace {

const char *const kOrphan = "orphan";                 // metav1.FinalizerOrphanDependents
const char *const kForeground = "foregroundDeletion"; // metav1.FinalizerDeleteDependents

bool hasFinalizer(const Object &obj, const char *name)
{
    return std::find(obj.metadata.finalizers.begin(), obj.metadata.finalizers.end(), name) !=
           obj.metadata.finalizers.end();
}

const OwnerReference *refTo(const Object &dep, const std::string &ownerUid)
{
    for (const auto &ref : dep.metadata.ownerReferences)
        if (ref.uid == ownerUid)
            return &ref;
    return nullptr;
}

// A metadata patch dropping the references to one owner.
void dropRefsTo(Object &dep, const std::string &ownerUid)
{
    std::erase_if(dep.metadata.ownerReferences, [&](const OwnerReference &r) { return r.uid == ownerUid; });
}

} // namespace

GarbageCollector::GarbageCollector(ControllerContext ctx)
    : Controller(ctx), attemptToDelete_(clock(), [this](const std::string &uid) { attemptToDelete(uid); }),
      deletingOwners_(clock(), [this](const std::string &uid) { processDeletingOwner(uid); })
{
}

// GraphBuilder.processGraphChanges: keep the uid graph; an owner that disappears, or a new
// object pointing at an owner that is not there, is looked at after the usual short delay (an
// object replaced by `kubectl apply` keeps its uid and is back by then).
void GarbageCollector::onWatch(const WatchEvent &event, const PodDelta &)
{
    const Object &obj = *event.object;
    const std::string &uid = obj.metadata.uid;
    dependents_.observe(event);
    track(event);
    for (const auto &ref : obj.metadata.ownerReferences) // a dependent changed or went: its
        if (deleting_.count(ref.uid))                    // foreground owner may be free now
            deletingOwners_.add(ref.uid);
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

// Owners being deleted with a finalizer the collector serves (the attemptToOrphan queue and
// the foreground "deletingDependents" state).
void GarbageCollector::track(const WatchEvent &event)
{
    const Object &obj = *event.object;
    const bool ours = obj.metadata.deletionTimestamp && (hasFinalizer(obj, kOrphan) || hasFinalizer(obj, kForeground));
    if (event.type == WatchEventType::Deleted || !ours) {
        deleting_.erase(obj.metadata.uid);
        return;
    }
    deleting_[obj.metadata.uid] = event.object;
    deletingOwners_.add(obj.metadata.uid);
}

bool GarbageCollector::isWaitingForDependents(const std::string &uid) const
{
    auto it = deleting_.find(uid);
    return it != deleting_.end() && hasFinalizer(*it->second, kForeground);
}

void GarbageCollector::processDeletingOwner(const std::string &ownerUid)
{
    auto it = deleting_.find(ownerUid);
    if (it == deleting_.end())
        return;
    ObjectPtr owner = it->second;
    if (hasFinalizer(*owner, kOrphan))
        orphanDependents(owner);
    else if (hasFinalizer(*owner, kForeground))
        deleteDependentsFirst(owner);
}

// orphanDependents + removeFinalizer: every dependent loses its reference to the owner, then
// the owner goes.
void GarbageCollector::orphanDependents(const ObjectPtr &owner)
{
    for (const auto &dep : dependents_.dependentsOf<Object>(owner->metadata.uid)) {
        dropRefsTo(*dep, owner->metadata.uid);
        api().updateStatus(dep);
    }
    api().removeFinalizer(owner, kOrphan);
}

// processDeletingDependentsItem + attemptToDeleteItem for the dependents of an owner waiting for
// them: each is deleted (in foreground itself, so the wait cascades; pods, which own nothing,
// gracefully), unless another owner that is not going keeps it, which then only loses this
// reference. The owner's finalizer goes once no dependent that blocks its deletion is left.
void GarbageCollector::deleteDependentsFirst(const ObjectPtr &owner)
{
    const std::string &uid = owner->metadata.uid;
    for (const auto &dep : dependents_.dependentsOf<Object>(uid)) {
        if (dep->metadata.deletionTimestamp)
            continue;
        auto &refs = dep->metadata.ownerReferences;
        bool solid = std::any_of(refs.begin(), refs.end(), [&](const OwnerReference &r) {
            return r.uid != uid && isLive(r.uid) && !isWaitingForDependents(r.uid);
        });
        if (solid) {
            dropRefsTo(*dep, uid);
            api().updateStatus(dep);
            continue;
        }
        api().remove(dep->kind, dep->metadata.namespace_, dep->metadata.name, std::nullopt,
                     dep->kind == "Pod" ? "Background" : "Foreground");
    }
    bool blocked = false; // item.blockingDependents(), after the patches and deletes above
    for (const auto &[key, dep] : dependents_.dependents(uid))
        if (const OwnerReference *ref = refTo(*dep, uid); ref && ref->blockOwnerDeletion)
            blocked = true;
    if (!blocked)
        api().removeFinalizer(owner, kForeground);
}

// attemptToDeleteItem for each dependent of a vanished owner: with another live owner, remove
// the dangling reference (a metadata patch); otherwise delete it (background propagation).
void GarbageCollector::attemptToDelete(const std::string &ownerUid)
{
    if (isLive(ownerUid))
        return;
    for (const auto &dep : dependents_.dependentsOf<Object>(ownerUid)) {
        if (dep->metadata.deletionTimestamp)
            continue; // already going
        auto &refs = dep->metadata.ownerReferences;
        bool solid = std::any_of(refs.begin(), refs.end(),
                                 [&](const OwnerReference &r) { return r.uid != ownerUid && isLive(r.uid); });
        if (solid) {
            dropRefsTo(*dep, ownerUid);
            api().updateStatus(dep);
            continue;
        }
        api().remove(dep->kind, dep->metadata.namespace_, dep->metadata.name);
    }
}

} // namespace podscape
