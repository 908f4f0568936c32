// The garbage collector (pkg/controller/garbagecollector): when an owner is gone, its dependents
// (by ownerReferences uid) are deleted with background propagation, which cascades down the
// chain (Deployment → ReplicaSets → Pods). A dependent that still has a live owner only loses
// the dangling reference.
#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/controller_utils.h"

#include <map>
#include <string>

namespace podscape {

class GarbageCollector : public Controller {
public:
    explicit GarbageCollector(ControllerContext ctx);
    void onWatch(const WatchEvent &event) override;

private:
    void attemptToDelete(const std::string &ownerUid);
    bool isLive(const std::string &uid) const { return live_.count(uid) > 0; }

    OwnerIndex dependents_{"", false};  // every kind, by every owner uid
    std::map<std::string, int> live_;   // uids of the objects in the store (the graph's nodes)
    WorkQueue attemptToDelete_;         // keyed by owner uid
};

}  // namespace podscape
