#include "app/cluster_layout.h"

#include <algorithm>

namespace podscape {

namespace {

double nodeWidth(int podColumns)
{
    using L = ClusterLayout;
    return 2 * L::kNodePadding + podColumns * L::kPodWidth + (podColumns - 1) * L::kPodGap;
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
    g.size = podSize(containers, volumes);
    return g;
}

QSizeF ClusterLayout::podSize(int containers, int volumes)
{
    int rows = std::max({containers, volumes, 1});
    return QSizeF(kPodWidth, kPodHeader + rows * (kChipHeight + kChipGap) - kChipGap + kPodPadding);
}

void ClusterLayout::compute(const std::vector<LayoutNode> &nodes, const std::vector<LayoutPod> &pods)
{
    nodes_.clear();
    pods_.clear();
    pods_.reserve(qsizetype(pods.size()));
    std::map<QString, std::vector<const LayoutPod *>> byNode;
    std::vector<const LayoutPod *> pending;
    for (const auto &pod : pods)
        (pod.node.isEmpty() ? pending : byNode[pod.node]).push_back(&pod);

    placeQueue(std::move(pending));
    bounds_ = queue_;
    double rowTop = 0;
    double rowHeight = 0;
    double x = queue_.right() + kNodeGap;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (i > 0 && i % kNodesPerRow == 0) {
            rowTop += rowHeight + kNodeGap;
            rowHeight = 0;
            x = queue_.right() + kNodeGap;
        }
        QRectF rect = placeNode(nodes[i].name, QPointF(x, rowTop), std::move(byNode[nodes[i].name]));
        rowHeight = std::max(rowHeight, rect.height());
        x = rect.right() + kNodeGap;
    }
    // Pods bound to a node the layout was not told about stay out of the picture (and out of
    // the bounds) rather than piling up at the origin.
}

int ClusterLayout::podColumns(std::size_t pods)
{
    int columns = 1;
    while (std::size_t(2 * columns * columns) < pods && columns < kMaxPodColumns)
        columns *= 2;
    return columns;
}

double ClusterLayout::placeInColumns(std::vector<const LayoutPod *> pods, QPointF topLeft, int columns)
{
    std::sort(pods.begin(), pods.end(), createdBefore);
    std::vector<double> columnBottom(std::size_t(columns), topLeft.y());
    for (const LayoutPod *pod : pods) {
        // The shortest column so far: it depends only on the pods placed before this one.
        auto column = std::min_element(columnBottom.begin(), columnBottom.end());
        double x = topLeft.x() + double(column - columnBottom.begin()) * (kPodWidth + kPodGap);
        QSizeF size = podSize(pod->containers, pod->volumes);
        pods_[pod->key] = QRectF(QPointF(x, *column), size);
        *column += size.height() + kPodGap;
    }
    double bottom = *std::max_element(columnBottom.begin(), columnBottom.end());
    return pods.empty() ? bottom : bottom - kPodGap;
}

QRectF ClusterLayout::placeNode(const QString &name, QPointF origin, std::vector<const LayoutPod *> pods)
{
    int columns = podColumns(pods.size());
    QPointF podArea(origin.x() + kNodePadding, origin.y() + kNodeHeader + kNodePadding);
    double bottom = placeInColumns(std::move(pods), podArea, columns) + kNodePadding;
    QRectF rect(origin, QSizeF(nodeWidth(columns), std::max(kNodeMinHeight, bottom - origin.y())));
    nodes_[name] = rect;
    bounds_ = bounds_.united(rect);
    return rect;
}

// The queue's right edge stays at x = 0 and it grows leftwards, so no node moves for it.
void ClusterLayout::placeQueue(std::vector<const LayoutPod *> pods)
{
    int columns = podColumns(pods.size());
    double width = nodeWidth(columns);
    double bottom = placeInColumns(std::move(pods), QPointF(-width + kNodePadding, kQueueHeader), columns);
    queue_ = QRectF(-width, 0, width, std::max(kNodeMinHeight, bottom + kNodePadding));
}

QRectF ClusterLayout::nodeRect(const QString &name) const
{
    auto it = nodes_.find(name);
    return it == nodes_.end() ? QRectF() : it->second;
}

QRectF ClusterLayout::podRect(const QString &key) const
{
    return pods_.value(key);
}

} // namespace podscape
