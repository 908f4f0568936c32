// The pod informer the controllers share (client-go's SharedInformerFactory): one cache of pods,
// indexed by controller and by node, brought up to date once per watch event before any
// controller's handler runs (sharedIndexInformer.HandleDeltas updates the indexer, then
// distributes the notification). Six workload controllers and three node controllers read it;
// before, each kept its own copy of the same index, fed the same events.
#pragma once

#include "sim/controllers/controller_utils.h"
#include "sim/controllers/pods_by_node.h"

namespace podscape {

// What one watch event changed in the informer's indexes, handed to every controller with it.
struct PodDelta {
    bool controllerChanged = false; // a pod came, went, or moved to another controller's slot
    PodsByNode::Change node = PodsByNode::Change::None;
};

class PodInformer {
public:
    PodDelta observe(const WatchEvent &event);

    // Pods by the uid of their controller; pods without one, as orphans of their namespace.
    const OwnerIndex &byController() const { return byController_; }
    // Pods by spec.nodeName.
    const PodsByNode &byNode() const { return byNode_; }

private:
    OwnerIndex byController_{"Pod", true};
    PodsByNode byNode_;
};

} // namespace podscape
