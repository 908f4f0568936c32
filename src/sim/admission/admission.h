// Admission plugins of kube-apiserver, each in its own file, named after the plugin it plays.
// Mutating plugins change the object; every plugin may refuse it with the API server's words.
#pragma once

#include "cluster/object_store.h"
#include "sim/kube_apiserver.h"

namespace podscape::admission {

// The scheme's defaults (pkg/apis/*/v1/defaults.go), applied when the object is decoded.
void applyDefaults(Object &obj);
void applyPodSpecDefaults(PodSpec &spec);

// NamespaceLifecycle: the namespace must exist and not be terminating.
std::optional<ApiError> namespaceLifecycle(const Object &obj, const ObjectStore &store);
// LimitRanger: default requests/limits from the namespace's LimitRanges, then min/max/ratio.
std::optional<ApiError> limitRanger(Pod &pod, const ObjectStore &store);
// ServiceAccount: the default ServiceAccount and its token volume.
std::optional<ApiError> serviceAccount(Pod &pod, const ObjectStore &store, NameGenerator &names);
// DefaultTolerationSeconds: tolerate not-ready / unreachable NoExecute taints for 300 s.
void defaultTolerationSeconds(Pod &pod);
// Priority: spec.priority (and preemptionPolicy) from the PriorityClass.
std::optional<ApiError> priority(Pod &pod, const ObjectStore &store);
// DefaultStorageClass: a claim without storageClassName gets the default class.
void defaultStorageClass(PersistentVolumeClaim &claim, const ObjectStore &store);
// ResourceQuota: the namespace's quotas must have room for the pod.
std::optional<ApiError> resourceQuota(const Pod &pod, const ObjectStore &store);

}  // namespace podscape::admission
