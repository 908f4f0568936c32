// Where everything sits on the canvas. The layout is a pure function of the cluster's shape,
// computed in C++ so it can be tested, and animated by QML.
//
// Stability is the point: nothing jumps when an unrelated object appears. A pod's place depends
// on its own identity and the pods created before it on the same node; a node's place on the
// nodes before it. The parts of the canvas:
//
//   ┌ scheduling queue ┐ ┌ node ─────────┐ ┌ node ─────────┐ ...
//   │ pending pod      │ │ header        │ │ header        │
//   │ pending pod      │ │ pod  pod      │ │ pod           │
//   │ ...              │ │ pod  ...      │ │ ...           │
//
// The queue sits at the left and grows leftwards, so it never moves a node. Nodes sit in rows of
// `kNodesPerRow` and grow downwards as pods arrive. Where something does move for another:
// - a node is one pod wide until it holds 3 pods, then 2, 4, 8... wide (w columns hold 2·w²
//   pods, so a full node is about square). At those counts its pods re-flow, and the nodes to
//   its right in the row move over;
// - a node in a later row moves down when a node above it grows taller.
#pragma once

#include <QHash>
#include <QRectF>
#include <QString>

#include <map>
#include <vector>

namespace podscape {

// What the layout needs to know about a pod: who it is, where it is bound, how big its card is.
struct LayoutPod {
    QString key;        // "namespace/name"
    QString node;       // empty while the pod waits for the scheduler
    double created = 0; // creation time: the order pods take their places in
    int containers = 0; // init, sidecar and app containers
    int volumes = 0;
};

struct LayoutNode {
    QString name;
};

// The chips inside a pod card, in the pod's own coordinates.
struct PodGeometry {
    QSizeF size;
    std::vector<QRectF> containers; // one per container, in the order LayoutPod counted them
    std::vector<QRectF> volumes;    // on the pod's right edge
};

class ClusterLayout {
public:
    // Metrics shared with QML (it reads them from the session) so the two agree.
    static constexpr double kPodWidth = 280;
    static constexpr double kPodHeader = 58; // name, status line
    static constexpr double kPodPadding = 10;
    static constexpr double kChipHeight = 34; // two lines: name and state, image or type
    static constexpr double kChipGap = 6;
    static constexpr double kContainerWidth = 150;
    static constexpr double kVolumeWidth = 96;
    static constexpr double kVolumeOverhang = 6; // volume chips straddle the pod's right edge
    static constexpr double kPodGap = 16;
    static constexpr double kNodePadding = 14;
    static constexpr double kNodeHeader = 118; // name, status, taints, CPU/memory bars
    static constexpr double kNodeMinHeight = 220;
    static constexpr int kMaxPodColumns = 32;
    static constexpr double kNodeGap = 36;
    static constexpr double kQueueHeader = 44;
    static constexpr int kNodesPerRow = 6;

    // The card of one pod and its chips: depends on the pod alone.
    static PodGeometry podGeometry(int containers, int volumes);
    // Its size alone, without the chips (the layout asks it for every pod on every change).
    static QSizeF podSize(int containers, int volumes);
    // How many pods wide a node is that holds `pods`.
    static int podColumns(std::size_t pods);

    void compute(const std::vector<LayoutNode> &nodes, const std::vector<LayoutPod> &pods);

    QRectF nodeRect(const QString &name) const;
    QRectF podRect(const QString &key) const; // canvas coordinates; null when unknown
    QRectF queueRect() const { return queue_; }
    QRectF bounds() const { return bounds_; }

private:
    // Places pods in creation order in `columns` columns from `topLeft`; returns the bottom.
    double placeInColumns(std::vector<const LayoutPod *> pods, QPointF topLeft, int columns);
    QRectF placeNode(const QString &name, QPointF origin, std::vector<const LayoutPod *> pods);
    void placeQueue(std::vector<const LayoutPod *> pods);

    std::map<QString, QRectF> nodes_;
    QHash<QString, QRectF> pods_;
    QRectF queue_;
    QRectF bounds_;
};

} // namespace podscape
