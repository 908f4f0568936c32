// How long each step takes in the simulation, in virtual seconds: one table, so a reader can
// see (and a test can rely on) what the animation shows. Plausible values for a small local
// cluster (kind on a laptop), not measurements of any particular one.
#pragma once

namespace podscape::durations {

// kubectl → API server → etcd
constexpr double kRequest = 0.010;          // kubectl sends the object
constexpr double kAuthentication = 0.002;   // authn
constexpr double kAuthorization = 0.002;    // RBAC authz
constexpr double kAdmission = 0.005;        // mutating + validating admission, validation
constexpr double kEtcdWrite = 0.008;        // the write is committed and watchers are told

// kube-scheduler
constexpr double kSchedulingCycle = 0.010;  // queue pop, filter, score
constexpr double kBinding = 0.010;          // the Binding is written to etcd

// kubelet
constexpr double kKubeletSync = 0.050;      // the kubelet sees the bound pod and admits it
constexpr double kSandboxAndCni = 0.500;    // pause container, network namespace, CNI assigns the IP
constexpr double kVolumeMount = 0.100;      // emptyDir / configMap / secret / projected / hostPath
constexpr double kCsiAttachMount = 1.000;   // CSI attach + mount of a persistent volume
constexpr double kImagePull = 2.000;        // an image not yet on the node
constexpr double kContainerCreate = 0.100;  // CRI CreateContainer
constexpr double kContainerStart = 0.400;   // CRI StartContainer until the process runs
constexpr double kOneShotCommand = 0.100;   // a shell one-liner without a sleep
constexpr double kStatusUpdate = 0.020;     // the kubelet reports pod status to the API server
constexpr double kVolumeMountRetry = 2.0;   // the volume manager retries a failed mount
constexpr double kPlegRelist = 1.0;         // the PLEG relists containers every second: an exit is seen this late

// Endpoints and the consumers that watch them
constexpr double kEndpointsUpdate = 0.050;  // endpoints / EndpointSlice controller
constexpr double kConsumerNotify = 0.100;   // kube-proxy, CoreDNS, Ingress controller see the change

// Deletion
constexpr double kAppShutdown = 1.000;      // an app exits this long after SIGTERM (within the grace period)
constexpr double kVolumeUnmount = 0.100;
constexpr double kIpRelease = 0.050;

}  // namespace podscape::durations
