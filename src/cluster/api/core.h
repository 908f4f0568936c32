// The core ("v1") API group: Pod, Node, Service, Namespace, ConfigMap, Secret, PersistentVolume(Claim),
// ServiceAccount, LimitRange, ResourceQuota, ReplicationController lives in apps.h with its relatives.
#pragma once

#include "cluster/api/boxed.h"
#include "cluster/api/object.h"

namespace podscape {

struct ContainerPort {
    std::string name;
    std::int32_t containerPort = 0;
    std::int32_t hostPort = 0;
    std::string hostIP;
    std::string protocol = "TCP";
};

struct KeySelector {  // configMapKeyRef / secretKeyRef
    std::string name;
    std::string key;
    bool optional = false;
};

struct EnvVar {
    std::string name;
    std::string value;
    enum class Source { Value, ConfigMapKey, SecretKey, Field, ResourceField } source = Source::Value;
    KeySelector keyRef;     // ConfigMapKey / SecretKey
    std::string fieldPath;  // Field ("status.podIP") or ResourceField ("limits.cpu")
};

struct EnvFromSource {
    std::string prefix;
    bool fromSecret = false;
    std::string name;
    bool optional = false;
};

struct VolumeMount {
    std::string name;
    std::string mountPath;
    std::string subPath;
    bool readOnly = false;
};

// One of exec / httpGet / tcpSocket / grpc, as probes and lifecycle hooks use them.
struct Handler {
    enum class Type { None, Exec, HttpGet, TcpSocket, Grpc, Sleep } type = Type::None;
    std::vector<std::string> command;  // Exec
    std::string path;                  // HttpGet
    IntOrString port;                  // HttpGet / TcpSocket / Grpc
    std::string scheme = "HTTP";
    std::int64_t sleepSeconds = 0;     // Sleep
};

struct Probe {
    Handler handler;
    std::int32_t initialDelaySeconds = 0;
    std::int32_t timeoutSeconds = 1;
    std::int32_t periodSeconds = 10;
    std::int32_t successThreshold = 1;
    std::int32_t failureThreshold = 3;
};

struct ResourceRequirements {
    ResourceList requests;
    ResourceList limits;
};

struct Container {
    std::string name;
    std::string image;
    std::string imagePullPolicy;  // defaulted by admission: Always for :latest or no tag, else IfNotPresent
    std::vector<std::string> command;
    std::vector<std::string> args;
    std::string workingDir;
    std::vector<ContainerPort> ports;
    std::vector<EnvVar> env;
    std::vector<EnvFromSource> envFrom;
    ResourceRequirements resources;
    std::vector<VolumeMount> volumeMounts;
    Boxed<Probe> livenessProbe;
    Boxed<Probe> readinessProbe;
    Boxed<Probe> startupProbe;
    Handler postStart;
    Handler preStop;
    std::string restartPolicy;  // "Always" on an init container makes it a native sidecar
    std::string terminationMessagePath;
    std::string terminationMessagePolicy;
    bool stdin_ = false;
    bool tty = false;

    bool isSidecar() const { return restartPolicy == "Always"; }
};

struct KeyToPath {
    std::string key;
    std::string path;
};

struct ProjectedSource {
    enum class Type { ConfigMap, Secret, DownwardAPI, ServiceAccountToken, ClusterTrustBundle, Other } type;
    std::string name;
};

struct Volume {
    std::string name;
    // The volume source, by its manifest key. Sources Podscape does not model keep their key in
    // `otherType` ("nfs", "csi", "iscsi", ...) so they can still be drawn.
    enum class Type {
        EmptyDir, ConfigMap, Secret, Projected, DownwardAPI, HostPath, PersistentVolumeClaim, Ephemeral, Other
    } type = Type::EmptyDir;
    std::string otherType;
    std::string sourceName;  // configMap.name, secret.secretName, persistentVolumeClaim.claimName
    std::string hostPath;
    std::string hostPathType;
    std::string medium;  // emptyDir.medium ("Memory")
    std::optional<Quantity> sizeLimit;
    bool optional = false;
    bool readOnly = false;
    std::vector<KeyToPath> items;
    std::vector<ProjectedSource> projectedSources;

    std::string typeName() const;  // the manifest key: "emptyDir", "configMap", ...
};

struct Toleration {
    std::string key;
    std::string operator_ = "Equal";  // Equal | Exists
    std::string value;
    std::string effect;               // empty = all effects
    std::optional<std::int64_t> tolerationSeconds;
};

struct Taint {
    std::string key;
    std::string value;
    std::string effect;  // NoSchedule | PreferNoSchedule | NoExecute
    std::optional<double> timeAdded;
};

struct PreferredSchedulingTerm {
    std::int32_t weight = 0;
    NodeSelectorTerm preference;
};

struct NodeAffinity {
    std::optional<NodeSelector> required;  // requiredDuringSchedulingIgnoredDuringExecution
    std::vector<PreferredSchedulingTerm> preferred;
};

struct PodAffinityTerm {
    std::optional<LabelSelector> labelSelector;
    std::vector<std::string> namespaces;
    std::optional<LabelSelector> namespaceSelector;
    std::string topologyKey;
    std::vector<std::string> matchLabelKeys;
    std::vector<std::string> mismatchLabelKeys;
};

struct WeightedPodAffinityTerm {
    std::int32_t weight = 0;
    PodAffinityTerm term;
};

struct PodAffinity {  // used for both podAffinity and podAntiAffinity
    std::vector<PodAffinityTerm> required;
    std::vector<WeightedPodAffinityTerm> preferred;
};

struct Affinity {
    std::optional<NodeAffinity> nodeAffinity;
    std::optional<PodAffinity> podAffinity;
    std::optional<PodAffinity> podAntiAffinity;
};

struct TopologySpreadConstraint {
    std::int32_t maxSkew = 1;
    std::string topologyKey;
    std::string whenUnsatisfiable;  // DoNotSchedule | ScheduleAnyway
    std::optional<LabelSelector> labelSelector;
    std::optional<std::int32_t> minDomains;
    std::string nodeAffinityPolicy;  // Honor (default) | Ignore
    std::string nodeTaintsPolicy;    // Ignore (default) | Honor
    std::vector<std::string> matchLabelKeys;
};

struct PodSpec {
    std::vector<Container> initContainers;
    std::vector<Container> containers;
    std::vector<Volume> volumes;
    std::string restartPolicy;  // defaulted to Always
    std::optional<std::int64_t> terminationGracePeriodSeconds;
    std::optional<std::int64_t> activeDeadlineSeconds;
    std::string dnsPolicy;
    Labels nodeSelector;
    std::string serviceAccountName;
    std::optional<bool> automountServiceAccountToken;
    std::string nodeName;
    bool hostNetwork = false;
    bool hostPID = false;
    bool hostIPC = false;
    std::string hostname;
    std::string subdomain;
    std::string schedulerName;
    std::vector<Toleration> tolerations;
    std::optional<Affinity> affinity;
    std::vector<TopologySpreadConstraint> topologySpreadConstraints;
    std::string priorityClassName;
    std::optional<std::int32_t> priority;
    std::string preemptionPolicy;
    ResourceList overhead;
    std::vector<std::string> schedulingGates;
    std::vector<std::string> imagePullSecrets;
    std::string runtimeClassName;
};

struct PodCondition {
    std::string type;    // PodScheduled, Initialized, ContainersReady, Ready, PodReadyToStartContainers
    std::string status;  // True | False | Unknown
    std::string reason;
    std::string message;
    double lastTransitionTime = 0;
};

struct ContainerState {
    enum class Kind { Waiting, Running, Terminated } kind = Kind::Waiting;
    std::string reason;
    std::string message;
    std::int32_t exitCode = 0;
    std::int32_t signal = 0;
    double startedAt = 0;
    double finishedAt = 0;
};

struct ContainerStatus {
    std::string name;
    std::string image;
    ContainerState state;
    ContainerState lastState;
    bool hasLastState = false;
    bool ready = false;
    bool started = false;
    std::int32_t restartCount = 0;
};

struct PodStatus {
    std::string phase = "Pending";  // Pending | Running | Succeeded | Failed | Unknown
    std::string reason;
    std::string message;
    std::string hostIP;
    std::string podIP;
    std::string nominatedNodeName;
    std::string qosClass;
    std::optional<double> startTime;
    std::vector<PodCondition> conditions;
    std::vector<ContainerStatus> initContainerStatuses;
    std::vector<ContainerStatus> containerStatuses;
};

struct Pod : ObjectBase<Pod> {
    PodSpec spec;
    PodStatus status;
};

struct PodTemplateSpec {
    ObjectMeta metadata;
    PodSpec spec;
};

struct NodeAddress {
    std::string type;  // InternalIP | Hostname | ExternalIP
    std::string address;
};

struct NodeCondition {
    std::string type;  // Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable
    std::string status;
    std::string reason;
    std::string message;
    double lastTransitionTime = 0;
};

struct ContainerImage {
    std::vector<std::string> names;
    std::int64_t sizeBytes = 0;
};

struct Node : ObjectBase<Node> {
    struct Spec {
        std::string podCIDR;
        std::vector<std::string> podCIDRs;
        bool unschedulable = false;
        std::vector<Taint> taints;
        std::string providerID;
    } spec;
    struct Status {
        ResourceList capacity;
        ResourceList allocatable;
        std::vector<NodeCondition> conditions;
        std::vector<NodeAddress> addresses;
        std::vector<ContainerImage> images;
        std::string architecture;
        std::string operatingSystem;
        std::string kubeletVersion;
    } status;
};

struct ServicePort {
    std::string name;
    std::string protocol = "TCP";
    std::int32_t port = 0;
    IntOrString targetPort;  // defaulted to port
    bool hasTargetPort = false;
    std::int32_t nodePort = 0;
    std::string appProtocol;
};

struct Service : ObjectBase<Service> {
    struct Spec {
        std::string type = "ClusterIP";  // ClusterIP | NodePort | LoadBalancer | ExternalName
        std::optional<Labels> selector;  // absent: the Service's endpoints are managed by hand
        std::vector<ServicePort> ports;
        std::string clusterIP;           // "None" for a headless Service
        std::vector<std::string> clusterIPs;
        std::string externalName;
        std::vector<std::string> externalIPs;
        std::string sessionAffinity = "None";
        bool publishNotReadyAddresses = false;
        std::string externalTrafficPolicy;
        std::string internalTrafficPolicy;
        std::string loadBalancerIP;
        std::vector<std::string> ipFamilies;
        std::string ipFamilyPolicy;
    } spec;

    bool isHeadless() const { return spec.clusterIP == "None"; }
};

struct Namespace : ObjectBase<Namespace> {
    std::string phase = "Active";  // Active | Terminating
};

struct ConfigMap : ObjectBase<ConfigMap> {
    std::map<std::string, std::string> data;
    std::vector<std::string> binaryDataKeys;
    bool immutable = false;
};

// Secret values are never kept: Podscape shows and exports key names only.
struct Secret : ObjectBase<Secret> {
    std::string type = "Opaque";
    std::vector<std::string> keys;  // from data and stringData, sorted, unique
    bool immutable = false;
};

struct ObjectReference {
    std::string kind;
    std::string namespace_;
    std::string name;
    std::string uid;
};

struct PersistentVolume : ObjectBase<PersistentVolume> {
    struct Spec {
        ResourceList capacity;
        std::vector<std::string> accessModes;  // ReadWriteOnce | ReadOnlyMany | ReadWriteMany | ReadWriteOncePod
        std::string persistentVolumeReclaimPolicy;  // Retain (default for static) | Delete | Recycle
        std::string storageClassName;
        std::optional<ObjectReference> claimRef;
        std::optional<NodeSelector> nodeAffinity;
        std::string volumeMode = "Filesystem";
        std::string sourceType;  // hostPath, local, nfs, csi, ...
        std::vector<std::string> mountOptions;
    } spec;
    std::string phase = "Pending";  // Pending | Available | Bound | Released | Failed
};

struct PersistentVolumeClaim : ObjectBase<PersistentVolumeClaim> {
    struct Spec {
        std::vector<std::string> accessModes;
        ResourceRequirements resources;
        std::optional<std::string> storageClassName;  // unset: the default class; "": no class
        std::string volumeName;
        std::optional<LabelSelector> selector;
        std::string volumeMode = "Filesystem";
    } spec;
    std::string phase = "Pending";  // Pending | Bound | Lost
    ResourceList capacity;
};

struct ServiceAccount : ObjectBase<ServiceAccount> {
    std::vector<std::string> secrets;
    std::vector<std::string> imagePullSecrets;
    std::optional<bool> automountServiceAccountToken;
};

struct LimitRangeItem {
    std::string type;  // Container | Pod | PersistentVolumeClaim
    ResourceList max;
    ResourceList min;
    ResourceList default_;
    ResourceList defaultRequest;
    ResourceList maxLimitRequestRatio;
};

struct LimitRange : ObjectBase<LimitRange> {
    std::vector<LimitRangeItem> limits;
};

struct ResourceQuota : ObjectBase<ResourceQuota> {
    ResourceList hard;
    std::vector<std::string> scopes;
    ResourceList used;
};

}  // namespace podscape
