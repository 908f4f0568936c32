// ImageLocality (pkg/scheduler/framework/plugins/imagelocality/image_locality.go): favours nodes
// that already have the pod's images, each image's size scaled by the share of nodes having it,
// summed and mapped from [23 MiB, 1000 MiB x containers] onto 0..100.
#include "sim/scheduler/cluster_snapshot.h"
#include "sim/scheduler/plugins.h"

namespace podscape::sched {

namespace {

constexpr std::int64_t kMiB = 1024 * 1024;
constexpr std::int64_t kMinThreshold = 23 * kMiB;
constexpr std::int64_t kMaxContainerThreshold = 1000 * kMiB;

// normalizedImageName: ":latest" when the name has no tag.
std::string normalizedImageName(const std::string &name)
{
    auto colon = name.rfind(':');
    auto slash = name.rfind('/');
    if (colon == std::string::npos || (slash != std::string::npos && colon <= slash))
        return name + ":latest";
    return name;
}

// The pod's images resolved to snapshot image ids once per pod (not a Kubernetes extension point,
// so this PreScore never skips).
struct ImageState final : StateData {
    std::vector<std::uint32_t> ids;  // one per container with a known image
    std::vector<int> nodeCounts;
    std::size_t containers = 0;
    std::size_t totalNodes = 0;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<ImageState>(*this); }
};

class ImageLocality final : public Plugin {
public:
    ImageLocality() : Plugin(PluginId::ImageLocality) {}

    Status preScore(CycleState &state, const PodContext &pod, const ClusterSnapshot &snapshot,
                    std::span<const NodeInfo *const>) const override
    {
        auto &s = state.preScoreData<ImageState>(id());
        s.ids.clear();
        s.nodeCounts.clear();
        s.totalNodes = snapshot.size();
        s.containers = pod.pod.spec.initContainers.size() + pod.pod.spec.containers.size();
        auto add = [&](const Container &c) {
            if (auto id = snapshot.imageId(normalizedImageName(c.image))) {
                s.ids.push_back(*id);
                s.nodeCounts.push_back(snapshot.imageNodeCount(*id));
            }
        };
        for (const auto &c : pod.pod.spec.initContainers)
            add(c);
        for (const auto &c : pod.pod.spec.containers)
            add(c);
        return {};
    }

    // Score / sumImageScores / scaledImageScore.
    std::int64_t score(const CycleState &state, const PodContext &, const NodeInfo &node) const override
    {
        const auto &s = state.preScoreData<ImageState>(id());
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < s.ids.size() && !node.images.empty(); ++i) {
            const std::int64_t size = node.imageSize(s.ids[i]);
            if (size < 0)
                continue;
            const double spread = static_cast<double>(s.nodeCounts[i]) / static_cast<double>(s.totalNodes);
            sum += static_cast<std::int64_t>(static_cast<double>(size) * spread);
        }
        return imageLocalityPriority(sum, s.containers);
    }
};

}  // namespace

// calculatePriority.
std::int64_t imageLocalityPriority(std::int64_t sumScores, std::size_t numContainers)
{
    const std::int64_t maxThreshold = kMaxContainerThreshold * static_cast<std::int64_t>(numContainers);
    if (sumScores < kMinThreshold)
        sumScores = kMinThreshold;
    else if (sumScores > maxThreshold)
        sumScores = maxThreshold;
    return kMaxNodeScore * (sumScores - kMinThreshold) / (maxThreshold - kMinThreshold);
}

std::unique_ptr<Plugin> makeImageLocality()
{
    return std::make_unique<ImageLocality>();
}

}  // namespace podscape::sched
