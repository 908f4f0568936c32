#include "sim/scheduler/framework.h"

#include "sim/scheduler/cluster_snapshot.h"
#include "sim/scheduler/plugins.h"

#include <deque>
#include <mutex>
#include <unordered_set>

namespace podscape::sched {

std::string_view pluginName(PluginId id)
{
    static constexpr std::array<std::string_view, kPluginCount> names = {
        "NodeUnschedulable", "NodeName",           "TaintToleration",   "NodeAffinity",
        "NodePorts",         "NodeResourcesFit",   "VolumeRestrictions", "VolumeBinding",
        "PodTopologySpread", "InterPodAffinity",   "NodeResourcesBalancedAllocation", "ImageLocality",
    };
    return names[static_cast<std::size_t>(id)];
}

std::string_view internString(std::string_view text)
{
    static std::mutex mutex;
    static std::deque<std::string> storage;
    static std::unordered_set<std::string_view> index;
    std::lock_guard lock(mutex);
    if (auto it = index.find(text); it != index.end())
        return *it;
    std::string_view stored = storage.emplace_back(text);
    index.insert(stored);
    return stored;
}

// --- Status -----------------------------------------------------------------------------------

void Status::addReason(std::string_view reason) noexcept
{
    if (count_ >= kMaxReasons)
        return;
    data_[count_] = reason.data();
    size_[count_] = static_cast<std::uint32_t>(reason.size());
    ++count_;
}

std::string Status::message() const
{
    std::string out;
    for (std::size_t i = 0; i < count_; ++i) {
        if (i)
            out += ", ";
        out += reason(i);
    }
    return out;
}

void Status::copyFrom(const Status &other) noexcept
{
    code_ = other.code_;
    count_ = other.count_;
    hasPlugin_ = other.hasPlugin_;
    plugin_ = other.plugin_;
    for (std::size_t i = 0; i < count_; ++i) {
        data_[i] = other.data_[i];
        size_[i] = other.size_[i];
    }
}

// --- CycleState -------------------------------------------------------------------------------

CycleState::CycleState(const CycleState &other)
{
    copyFrom(other);
}

CycleState &CycleState::operator=(const CycleState &other)
{
    if (this != &other)
        copyFrom(other);
    return *this;
}

// framework.CycleState.Clone: every StateData is cloned.
void CycleState::copyFrom(const CycleState &other)
{
    for (std::size_t i = 0; i < kPluginCount; ++i) {
        preFilter_[i] = other.preFilter_[i] ? other.preFilter_[i]->clone() : nullptr;
        preScore_[i] = other.preScore_[i] ? other.preScore_[i]->clone() : nullptr;
    }
    skipFilter_ = other.skipFilter_;
    skipScore_ = other.skipScore_;
}

void CycleState::resetSkips()
{
    skipFilter_.fill(false);
    skipScore_.fill(false);
}

// --- Framework --------------------------------------------------------------------------------

const Framework &Framework::defaultFramework()
{
    static const Framework framework;
    return framework;
}

// getDefaultPlugins (apis/config/v1/default_plugins.go): MultiPoint order, which is also the
// PreFilter and Filter order; the score plugins follow kScorePlugins.
Framework::Framework()
{
    owned_.push_back(makeNodeUnschedulable());
    owned_.push_back(makeNodeName());
    owned_.push_back(makeTaintToleration());
    owned_.push_back(makeNodeAffinity());
    owned_.push_back(makeNodePorts());
    owned_.push_back(makeNodeResourcesFit());
    owned_.push_back(makeVolumeRestrictions());
    owned_.push_back(makeVolumeBinding());
    owned_.push_back(makePodTopologySpread());
    owned_.push_back(makeInterPodAffinity());
    owned_.push_back(makeBalancedAllocation());
    owned_.push_back(makeImageLocality());
    for (const auto &p : owned_)
        all_[static_cast<std::size_t>(p->id())] = p.get();
    for (std::size_t i = 0; i <= static_cast<std::size_t>(PluginId::InterPodAffinity); ++i)
        filters_.push_back(all_[i]);
    for (std::size_t i = 0; i < kScorePluginCount; ++i)
        scorers_[i] = all_[static_cast<std::size_t>(kScorePlugins[i].id)];
}

namespace {

// PreFilterResult.Merge: intersection of the node-name sets (nullopt = all nodes).
void mergePreFilterResult(PreFilterResult &into, PreFilterResult &&other)
{
    if (!other.nodeNames)
        return;
    if (!into.nodeNames) {
        into.nodeNames = std::move(other.nodeNames);
        return;
    }
    std::set<std::string> both;
    for (const auto &n : *into.nodeNames)
        if (other.nodeNames->count(n))
            both.insert(n);
    into.nodeNames = std::move(both);
}

// The rejection when the plugins' node sets leave no node.
Status noNodeLeft(const std::vector<PluginId> &plugins)
{
    std::string msg;
    if (plugins.size() == 1) {
        msg = "node(s) didn't satisfy plugin ";
        msg += pluginName(plugins[0]);
    } else {
        msg = "node(s) didn't satisfy plugin(s) [";
        for (std::size_t i = 0; i < plugins.size(); ++i)
            msg.append(i ? " " : "").append(pluginName(plugins[i]));
        msg += "] simultaneously";
    }
    Status s(Code::UnschedulableAndUnresolvable, internString(msg));
    s.setPlugin(plugins.back());
    return s;
}

}  // namespace

// frameworkImpl.RunPreFilterPlugins: Skip marks the plugin's Filter as skipped for this pod; an
// UnschedulableAndUnresolvable status stops at once; Unschedulable is kept while the remaining
// plugins still run (#119770).
Status Framework::runPreFilter(CycleState &state, const PodContext &pod, const ClusterSnapshot &snapshot,
                               PreFilterResult &result) const
{
    Status returned;
    for (const Plugin *p : filters_) {
        PreFilterResult r;
        Status s = p->preFilter(state, pod, snapshot, r);
        state.setSkipFilter(p->id(), s.isSkip());
        if (s.isSkip())
            continue;
        if (!s.isSuccess()) {
            s.setPlugin(p->id());
            if (s.code() == Code::UnschedulableAndUnresolvable)
                return s;
            returned = s;
            continue;
        }
        if (r.nodeNames)
            result.plugins.push_back(p->id());
        mergePreFilterResult(result, std::move(r));
        if (result.nodeNames && result.nodeNames->empty())
            return noNodeLeft(result.plugins);
    }
    return returned;
}

// frameworkImpl.RunFilterPlugins.
Status Framework::runFilter(const CycleState &state, const PodContext &pod, const NodeInfo &node) const
{
    for (const Plugin *p : filters_) {
        if (state.skipFilter(p->id()))
            continue;
        Status s = p->filter(state, pod, node);
        if (!s.isSuccess()) {
            s.setPlugin(p->id());
            return s;
        }
    }
    return {};
}

}  // namespace podscape::sched
