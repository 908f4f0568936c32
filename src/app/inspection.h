// What the inspector shows about the selected object, as maps QML reads: the pod's summary,
// conditions, the scheduler's last verdict per node and its trace; the node's summary,
// conditions, labels and pods.
#pragma once

#include "app/node_model.h"
#include "app/pod_model.h"

#include <QVariantMap>

namespace podscape {

class Simulation;

QVariantMap inspectPod(const Simulation &sim, const QString &key);
QVariantMap inspectNode(const Simulation &sim, const NodeModel &nodes, const PodModel &pods, const QString &name);

} // namespace podscape
