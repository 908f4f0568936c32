// What the inspector shows about the selected object, as maps QML reads: the pod's summary,
// conditions, the scheduler's last verdict per node and its trace; the node's summary,
// conditions, labels and pods.
#pragma once

#include "app/node_model.h"
#include "app/pod_model.h"

#include <QVariantMap>

namespace podscape {

class Simulation;

class ServiceModel;

// Every object's map has kind and key ("namespace/name", a node's name), "gone" once it left the
// store, its last events, and "yaml": the manifest as written (a Secret's values masked), or, for
// what a controller created, its template owner's ("yamlFrom": "Deployment/web").
QVariantMap inspectPod(const Simulation &sim, const PodModel &pods, const QString &key);
QVariantMap inspectNode(const Simulation &sim, const NodeModel &nodes, const PodModel &pods, const QString &name);
QVariantMap inspectService(const Simulation &sim, const ServiceModel &services, const QString &key);
// Any other kind (Deployment, ReplicaSet, Job, ConfigMap, Secret, ...): summary, events, YAML.
QVariantMap inspectObject(const Simulation &sim, const QString &kind, const QString &key);

} // namespace podscape
