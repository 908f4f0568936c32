// The cluster a simulation starts with (DESIGN 3.5): the nodes of `kind: Node` manifests or the
// default cluster (control-plane + worker-1..3), the system namespaces, the default StorageClass
// "standard" (WaitForFirstConsumer, like kind's), the system PriorityClasses and the kubernetes Service.
#pragma once

#include "cluster/api/core.h"

#include <memory>
#include <vector>

namespace podscape {

class KubeApiServer;

// Default nodes: control-plane (tainted NoSchedule) and worker-1..3, 4 CPU / 8Gi / 110 pods,
// labelled as a real cluster labels them, spread over zones.
std::vector<std::shared_ptr<Node>> defaultNodes();

// Fills in what a registered node has that a manifest may leave out: podCIDR 10.244.<index>.0/24,
// an InternalIP, allocatable = capacity, the hostname/os/arch labels, the Ready condition.
void completeNode(Node &node, int index);

// Creates the namespaces and objects every cluster has, before any user object.
void bootstrapCluster(KubeApiServer &api, const std::vector<std::shared_ptr<Node>> &nodes);

}  // namespace podscape
