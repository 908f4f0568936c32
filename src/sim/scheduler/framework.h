// The scheduling framework: the types kube-scheduler's plugins share (k8s v1.35).
//
// Mirrors, in plain C++:
//   staging/src/k8s.io/kube-scheduler/framework/interface.go   Status, Code, plugin interfaces
//   pkg/scheduler/framework/types.go                            NodeInfo, PodInfo, Resource
//   pkg/scheduler/framework/cycle_state.go                      CycleState
//   pkg/scheduler/framework/runtime/framework.go                the default profile's plugin order
//
// Performance notes. A scheduling attempt visits hundreds of nodes, so everything a Filter or
// Score call touches per node is flat and allocation-free: Status keeps its reasons inline as
// views of strings with static (or interned, process-lifetime) storage; plugins keep per-pod data
// in CycleState objects that are reused from one pod to the next.
#pragma once

#include "cluster/api/core.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace podscape::sched {

class ClusterSnapshot;

// fwk.MaxNodeScore / MinNodeScore.
inline constexpr std::int64_t kMaxNodeScore = 100;
inline constexpr std::int64_t kMinNodeScore = 0;

// The plugins of the default profile (apis/config/v1/default_plugins.go), in registry order.
enum class PluginId : std::uint8_t {
    NodeUnschedulable,
    NodeName,
    TaintToleration,
    NodeAffinity,
    NodePorts,
    NodeResourcesFit,
    VolumeRestrictions,
    VolumeBinding,
    PodTopologySpread,
    InterPodAffinity,
    NodeResourcesBalancedAllocation,
    ImageLocality,
};
inline constexpr std::size_t kPluginCount = 12;
std::string_view pluginName(PluginId id);

// Score plugins in the order the default profile runs them, with their default weights.
inline constexpr std::size_t kScorePluginCount = 7;
struct ScorePluginInfo {
    PluginId id;
    std::int64_t weight;
};
inline constexpr std::array<ScorePluginInfo, kScorePluginCount> kScorePlugins = {{
    {PluginId::TaintToleration, 3},
    {PluginId::NodeAffinity, 2},
    {PluginId::NodeResourcesFit, 1},
    {PluginId::PodTopologySpread, 2},
    {PluginId::InterPodAffinity, 2},
    {PluginId::NodeResourcesBalancedAllocation, 1},
    {PluginId::ImageLocality, 1},
}};

// fwk.Code, restricted to what the default plugins return (Error is reported as a rejection).
enum class Code : std::uint8_t { Success, Unschedulable, UnschedulableAndUnresolvable, Skip };

// Keeps a string for the life of the process and returns a view of it. Used for the few reason
// strings that are not literals ("Insufficient nvidia.com/gpu", `persistentvolumeclaim "x" not
// found`); each distinct text is stored once.
std::string_view internString(std::string_view text);

// fwk.Status. Reasons are views of static or interned strings, kept inline: building a failing
// Status never allocates.
class Status {
public:
    static constexpr std::size_t kMaxReasons = 10;

    Status() noexcept : code_(Code::Success), count_(0) {}
    explicit Status(Code code) noexcept : code_(code), count_(0) {}
    Status(Code code, std::string_view reason) noexcept : code_(code), count_(0) { addReason(reason); }
    Status(const Status &other) noexcept { copyFrom(other); }
    Status &operator=(const Status &other) noexcept
    {
        copyFrom(other);
        return *this;
    }

    static Status skip() noexcept { return Status(Code::Skip); }

    Code code() const { return code_; }
    void setCode(Code code) { code_ = code; }
    bool isSuccess() const { return code_ == Code::Success; }
    bool isSkip() const { return code_ == Code::Skip; }
    // fwk.Status.IsRejected: Unschedulable or UnschedulableAndUnresolvable.
    bool isRejected() const { return code_ == Code::Unschedulable || code_ == Code::UnschedulableAndUnresolvable; }

    // Reasons beyond kMaxReasons are dropped (no default plugin gets near it).
    void addReason(std::string_view reason) noexcept;
    std::size_t reasonCount() const { return count_; }
    std::string_view reason(std::size_t i) const { return {data_[i], size_[i]}; }
    // fwk.Status.Message: the reasons joined by ", ".
    std::string message() const;

    // The plugin that produced the status (set by the framework on rejection).
    std::optional<PluginId> plugin() const { return hasPlugin_ ? std::optional<PluginId>(plugin_) : std::nullopt; }
    void setPlugin(PluginId id)
    {
        plugin_ = id;
        hasPlugin_ = true;
    }

private:
    void copyFrom(const Status &other) noexcept;

    Code code_;
    std::uint8_t count_;
    bool hasPlugin_ = false;
    PluginId plugin_ = PluginId::NodeUnschedulable;
    const char *data_[kMaxReasons];
    std::uint32_t size_[kMaxReasons];
};

// An extended/hugepages/attachable-volumes resource ("nvidia.com/gpu"), numbered process-wide.
using ScalarResourceId = std::uint32_t;
ScalarResourceId scalarResourceId(std::string_view name);
std::string_view scalarResourceName(ScalarResourceId id);
// schedutil.IsScalarResourceName.
bool isScalarResourceName(std::string_view name);

struct ScalarQuantity {
    ScalarResourceId id;
    std::int64_t value;
};

// framework.Resource: cpu in millicores, the rest in units (bytes, count).
struct Resource {
    std::int64_t milliCPU = 0;
    std::int64_t memory = 0;
    std::int64_t ephemeralStorage = 0;
    std::int64_t allowedPodNumber = 0;
    std::vector<ScalarQuantity> scalars;  // sorted by id; usually empty

    std::int64_t scalar(ScalarResourceId id) const;
    void addScalar(ScalarResourceId id, std::int64_t delta);
    void clear();
    bool isZero() const;
    // Resource.Add(ResourceList): cpu MilliValue, others Value, "pods" into allowedPodNumber.
    void add(const ResourceList &list);
};

// fwk.PodResource: resource.PodRequests as the scheduler sees it, plus the requests with the
// 100m / 200Mi defaults for containers that request no cpu / memory (NonZeroRequested).
struct PodResources {
    Resource requests;
    std::int64_t nonZeroMilliCPU = 0;
    std::int64_t nonZeroMemory = 0;
};
inline constexpr std::int64_t kDefaultMilliCPURequest = 100;               // schedutil.DefaultMilliCPURequest
inline constexpr std::int64_t kDefaultMemoryRequest = 200 * 1024 * 1024;   // schedutil.DefaultMemoryRequest
PodResources computePodResources(const Pod &pod);
// resource.PodRequests for one resource, optionally with the non-zero defaults; cpu in millis.
std::int64_t podRequest(const Pod &pod, std::string_view resourceName, bool nonMissingDefaults);

// corev1helpers.PodPriority: the priority admission resolved, 0 when unset.
inline std::int32_t podPriority(const Pod &pod) { return pod.spec.priority.value_or(0); }

// A pod assigned to a node, with what the scheduler caches about it (framework.PodInfo).
struct PodInfo {
    std::shared_ptr<const Pod> pod;
    PodResources resources;
    bool hasAffinity = false;              // podWithAffinity
    bool hasRequiredAntiAffinity = false;  // podWithRequiredAntiAffinity
    bool terminating = false;              // deletionTimestamp set when the snapshot last saw it
    // A hash of the pod's uid: finding a pod among a node's hundred compares these first, rather
    // than reaching into each Pod object for its uid.
    std::size_t uidHash = 0;
};
PodInfo makePodInfo(std::shared_ptr<const Pod> pod);
inline std::size_t podUidHash(const Pod &pod)
{
    return std::hash<std::string>{}(pod.metadata.uid);
}

// One used host port (fwk.HostPortInfo entry), ip "0.0.0.0" and protocol "TCP" when unset.
struct HostPort {
    std::string ip;
    std::string protocol;
    std::int32_t port = 0;
};
// schedutil.GetHostPorts: app containers' and sidecars' ports with a hostPort.
std::vector<HostPort> podHostPorts(const Pod &pod);

// framework.NodeInfo: a node and what its pods use. Kept by ClusterSnapshot in node-name order.
// The fields every Filter/Score call reads come first, together.
struct NodeInfo {
    std::uint32_t index = 0;     // position in the snapshot (set by the snapshot)
    bool unschedulable = false;  // spec.unschedulable (copied from the Node object)
    bool hasTaints = false;      // spec.taints is not empty

    Resource allocatable;
    Resource requested;
    std::int64_t nonZeroMilliCPU = 0;  // NonZeroRequested
    std::int64_t nonZeroMemory = 0;

    std::vector<PodInfo> pods;
    std::uint32_t podsWithAffinity = 0;
    std::uint32_t podsWithRequiredAntiAffinity = 0;

    struct Image {
        std::uint32_t id;  // ClusterSnapshot image id
        std::int64_t sizeBytes;
    };
    std::vector<Image> images;  // sorted by id

    std::shared_ptr<const Node> node;
    std::string_view name;  // node->metadata.name
    std::vector<HostPort> usedPorts;

    const Labels &labels() const { return node->metadata.labels; }

    // NodeInfo.SetNode: allocatable from status.allocatable (capacity when allocatable is empty).
    // A Node object changed in place must be set again for the snapshot to see the change.
    void setNode(std::shared_ptr<const Node> n);
    // NodeInfo.AddPodInfo / RemovePod. removePod matches by uid, or namespace/name without uid.
    void addPod(PodInfo info);
    bool removePod(const Pod &pod);
    const PodInfo *findPod(const Pod &pod) const;  // by uid, or namespace/name without uid
    std::int64_t imageSize(std::uint32_t imageId) const;  // -1 when absent
};

// Per-plugin data computed once per pod (PreFilter/PreScore) and read per node (fwk.StateData).
class StateData {
public:
    virtual ~StateData() = default;
    virtual std::unique_ptr<StateData> clone() const = 0;
};

// framework.CycleState: per-plugin slots instead of a string-keyed map. Slots survive from one
// pod to the next so that plugins can reuse their buffers.
class CycleState {
public:
    CycleState() = default;
    CycleState(const CycleState &other);
    CycleState &operator=(const CycleState &other);
    CycleState(CycleState &&) = default;
    CycleState &operator=(CycleState &&) = default;

    // The slot's object, created on first use; the caller resets it.
    template <typename T> T &preFilterData(PluginId id) { return slot<T>(preFilter_, id); }
    template <typename T> T &preScoreData(PluginId id) { return slot<T>(preScore_, id); }
    template <typename T> const T &preFilterData(PluginId id) const
    {
        return static_cast<const T &>(*preFilter_[index(id)]);
    }
    template <typename T> const T &preScoreData(PluginId id) const
    {
        return static_cast<const T &>(*preScore_[index(id)]);
    }
    template <typename T> T &mutablePreFilterData(PluginId id) { return static_cast<T &>(*preFilter_[index(id)]); }

    bool skipFilter(PluginId id) const { return skipFilter_[index(id)]; }
    bool skipScore(PluginId id) const { return skipScore_[index(id)]; }
    void setSkipFilter(PluginId id, bool skip) { skipFilter_[index(id)] = skip; }
    void setSkipScore(PluginId id, bool skip) { skipScore_[index(id)] = skip; }
    void resetSkips();

private:
    using Slots = std::array<std::unique_ptr<StateData>, kPluginCount>;
    static std::size_t index(PluginId id) { return static_cast<std::size_t>(id); }
    template <typename T> static T &slot(Slots &slots, PluginId id)
    {
        auto &s = slots[index(id)];
        if (!s)
            s = std::make_unique<T>();
        return static_cast<T &>(*s);
    }
    void copyFrom(const CycleState &other);

    Slots preFilter_;
    Slots preScore_;
    std::array<bool, kPluginCount> skipFilter_{};
    std::array<bool, kPluginCount> skipScore_{};
};

// The pod being scheduled and what several plugins need about it, computed once per attempt.
struct PodContext {
    const Pod &pod;
    PodResources resources;
    std::int32_t priority = 0;
};

// framework.PreFilterResult: nullopt means all nodes. `plugins` lists the plugins that narrowed
// the node set (filled by the framework).
struct PreFilterResult {
    std::optional<std::set<std::string>> nodeNames;
    std::vector<PluginId> plugins;
};

// A plugin of the default profile. Plugins hold no per-pod state (that lives in CycleState), so
// one instance serves every scheduling attempt. Defaults (a plugin without that extension point):
// PreFilter/PreScore succeed, Filter passes, Score is 0, NormalizeScore leaves the scores.
class Plugin {
public:
    explicit Plugin(PluginId id) : id_(id) {}
    virtual ~Plugin() = default;
    PluginId id() const { return id_; }
    std::string_view name() const { return pluginName(id_); }

    virtual Status preFilter(CycleState &, const PodContext &, const ClusterSnapshot &, PreFilterResult &) const
    {
        return {};
    }
    // PreFilterExtensions (used by preemption's what-if runs); only called after a non-Skip PreFilter.
    virtual void addPod(CycleState &, const PodContext &, const PodInfo &, const NodeInfo &, const ClusterSnapshot &) const {}
    virtual void removePod(CycleState &, const PodContext &, const PodInfo &, const NodeInfo &, const ClusterSnapshot &) const {}
    virtual Status filter(const CycleState &, const PodContext &, const NodeInfo &) const { return {}; }

    virtual Status preScore(CycleState &, const PodContext &, const ClusterSnapshot &,
                            std::span<const NodeInfo *const>) const
    {
        return {};
    }
    virtual std::int64_t score(const CycleState &, const PodContext &, const NodeInfo &) const { return 0; }
    virtual void normalizeScore(const CycleState &, const PodContext &, std::span<const NodeInfo *const>,
                                std::span<std::int64_t>) const
    {
    }

private:
    PluginId id_;
};

// The default profile: Filter plugins in order and the score plugins of kScorePlugins.
class Framework {
public:
    static const Framework &defaultFramework();

    const std::vector<const Plugin *> &filterPlugins() const { return filters_; }  // PreFilter+Filter order
    const std::array<const Plugin *, kScorePluginCount> &scorePlugins() const { return scorers_; }
    const Plugin &plugin(PluginId id) const { return *all_[static_cast<std::size_t>(id)]; }

    // RunPreFilterPlugins. On rejection returns the status (plugin set); result is intersected.
    Status runPreFilter(CycleState &, const PodContext &, const ClusterSnapshot &, PreFilterResult &result) const;
    // RunFilterPlugins: the first rejecting plugin's status, with the plugin set.
    Status runFilter(const CycleState &, const PodContext &, const NodeInfo &) const;

private:
    Framework();
    std::vector<std::unique_ptr<Plugin>> owned_;
    std::array<const Plugin *, kPluginCount> all_{};
    std::vector<const Plugin *> filters_;
    std::array<const Plugin *, kScorePluginCount> scorers_{};
};

}  // namespace podscape::sched
