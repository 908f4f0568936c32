#include "app/cluster_layout.h"

#include <algorithm>
#include <array>

namespace podscape {

namespace {

constexpr double nodeWidth()
{
    using L = ClusterLayout;
    return 2 * L::kNodePadding + L::kPodColumns * L::kPodWidth + (L::kPodColumns - 1) * L::kPodGap;
}

// Creation order, then key: the order in which pods take their places.
bool createdBefore(const LayoutPod *a, const LayoutPod *b)
{
    return a->created != b->created ? a->created < b->created : a->key < b->key;
}

} // namespace

PodGeometry ClusterLayout::podGeometry(int containers, int volumes)
{
    PodGeometry g;
    double step = kChipHeight + kChipGap;
    for (int i = 0; i < containers; ++i)
        g.containers.emplace_back(kPodPadding, kPodHeader + i * step, kContainerWidth, kChipHeight);
    double volumeX = kPodWidth - kVolumeWidth + kVolumeOverhang;
    for (int i = 0; i < volumes; ++i)
        g.volumes.emplace_back(volumeX, kPodHeader + i * step, kVolumeWidth, kChipHeight);
    int rows = std::max({containers, volumes, 1});
    g.size = QSizeF(kPodWidth, kPodHeader + rows * step - kChipGap + kPodPadding);
    return g;
}

void ClusterLayout::compute(const std::vector<LayoutNode> &nodes, const std::vector<LayoutPod> &pods)
{
    nodes_.clear();
    pods_.clear();
    std::map<QString, std::vector<const LayoutPod *>> byNode;
    std::vector<const LayoutPod *> pending;
    for (const auto &pod : pods)
        (pod.node.isEmpty() ? pending : byNode[pod.node]).push_back(&pod);

    placeQueue(std::move(pending));
    bounds_ = queue_;
    double rowTop = 0;
    double rowHeight = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        int column = int(i % kNodesPerRow);
        if (i > 0 && column == 0) {
            rowTop += rowHeight + kNodeGap;
            rowHeight = 0;
        }
        QPointF origin(queue_.right() + kNodeGap + column * (nodeWidth() + kNodeGap), rowTop);
        double height = placeNode(nodes[i].name, origin, std::move(byNode[nodes[i].name]));
        rowHeight = std::max(rowHeight, height);
    }
    // Pods bound to a node the layout was not told about stay out of the picture (and out of
    // the bounds) rather than piling up at the origin.
}

double ClusterLayout::placeNode(const QString &name, QPointF origin, std::vector<const LayoutPod *> pods)
{
    std::sort(pods.begin(), pods.end(), createdBefore);
    std::array<double, kPodColumns> columnBottom;
    columnBottom.fill(origin.y() + kNodeHeader + kNodePadding);
    for (const LayoutPod *pod : pods) {
        // The shortest column so far: it depends only on the pods placed before this one.
        auto column = std::min_element(columnBottom.begin(), columnBottom.end());
        int index = int(column - columnBottom.begin());
        QSizeF size = podGeometry(pod->containers, pod->volumes).size;
        QPointF topLeft(origin.x() + kNodePadding + index * (kPodWidth + kPodGap), *column);
        pods_[pod->key] = QRectF(topLeft, size);
        *column += size.height() + kPodGap;
    }
    double bottom = *std::max_element(columnBottom.begin(), columnBottom.end()) - kPodGap + kNodePadding;
    double height = std::max(kNodeMinHeight, bottom - origin.y());
    QRectF rect(origin, QSizeF(nodeWidth(), height));
    nodes_[name] = rect;
    bounds_ = bounds_.united(rect);
    return height;
}

void ClusterLayout::placeQueue(std::vector<const LayoutPod *> pods)
{
    std::sort(pods.begin(), pods.end(), createdBefore);
    double y = kQueueHeader;
    for (const LayoutPod *pod : pods) {
        QSizeF size = podGeometry(pod->containers, pod->volumes).size;
        pods_[pod->key] = QRectF(QPointF(kNodePadding, y), size);
        y += size.height() + kPodGap;
    }
    double height = std::max(kNodeMinHeight, y - (pods.empty() ? 0 : kPodGap) + kNodePadding);
    queue_ = QRectF(0, 0, kQueueWidth, height);
}

QRectF ClusterLayout::nodeRect(const QString &name) const
{
    auto it = nodes_.find(name);
    return it == nodes_.end() ? QRectF() : it->second;
}

QRectF ClusterLayout::podRect(const QString &key) const
{
    auto it = pods_.find(key);
    return it == pods_.end() ? QRectF() : it->second;
}

} // namespace podscape
