// The garbage collector (pkg/controller/garbagecollector): when an owner is gone, its dependents
// (by ownerReferences uid) are deleted with background propagation, which cascades down the
// chain (Deployment → ReplicaSets → Pods). A dependent that still has a live owner only loses
// the dangling reference. An owner deleted with propagationPolicy Foreground (the
// foregroundDeletion finalizer) stays, Terminating, until its dependents are deleted first, each
// in foreground as well; one deleted with Orphan (the orphan finalizer) leaves its dependents in
// place without their owner reference.
#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/controller_utils.h"

#include <map>
#include <string>
#include <unordered_map>

namespace podscape {

class GarbageCollector : public Controller {
public:
    explicit GarbageCollector(ControllerContext ctx);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

private:
    void attemptToDelete(const std::string &ownerUid);
    void processDeletingOwner(const std::string &ownerUid);
    void orphanDependents(const ObjectPtr &owner);
    void deleteDependentsFirst(const ObjectPtr &owner);
    void track(const WatchEvent &event);
    bool isLive(const std::string &uid) const { return live_.count(uid) > 0; }
    bool isWaitingForDependents(const std::string &uid) const;

    OwnerIndex dependents_{"", false};          // every kind, by every owner uid
    std::unordered_map<std::string, int> live_; // uids of the objects in the store (the graph's nodes)
    std::map<std::string, ObjectPtr> deleting_; // uid → owner with an orphan / foregroundDeletion finalizer
    WorkQueue attemptToDelete_;                 // keyed by owner uid
    WorkQueue deletingOwners_;                  // keyed by owner uid
};

} // namespace podscape
