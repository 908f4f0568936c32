#include "app/pod_field.h"

#include "app/cluster_layout.h"
#include "app/pod_model.h"

#include <QQuickWindow>
#include <QSGGeometryNode>
#include <QSGRectangleNode>
#include <QSGRendererInterface>
#include <QSGVertexColorMaterial>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_set>

namespace podscape {

namespace {

// The material wants premultiplied alpha.
QSGGeometry::ColoredPoint2D vertex(QPointF p, QColor c)
{
    double a = c.alphaF();
    return {float(p.x()),         float(p.y()),        uchar(c.red() * a),
            uchar(c.green() * a), uchar(c.blue() * a), uchar(c.alpha())};
}

bool softwareRenderer(const QQuickWindow *window)
{
    return window && window->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
}

} // namespace

PodField::PodField(QQuickItem *parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents);
    connect(this, &PodField::paletteChanged, this, &QQuickItem::update);
    connect(this, &PodField::outlineWidthChanged, this, [this] {
        if (!selectedPod_.isEmpty() || !highlightedPods_.isEmpty())
            update();
    });
}

void PodField::setModel(PodModel *model)
{
    if (model == model_)
        return;
    if (model_)
        disconnect(model_, nullptr, this, nullptr);
    model_ = model;
    if (model_) {
        // Any change of rows redraws the field: a rebuild costs far less than the rows' own update.
        connect(model_, &PodModel::rowsInserted, this, &QQuickItem::update);
        connect(model_, &PodModel::rowsRemoved, this, &QQuickItem::update);
        connect(model_, &PodModel::rowsMoved, this, &QQuickItem::update);
        connect(model_, &PodModel::dataChanged, this, &QQuickItem::update);
        connect(model_, &PodModel::modelReset, this, &QQuickItem::update);
        connect(model_, &QObject::destroyed, this, [this] { setModel(nullptr); });
    }
    emit modelChanged();
    update();
}

void PodField::setSelectedPod(const QString &key)
{
    if (key == selectedPod_)
        return;
    selectedPod_ = key;
    emit selectedPodChanged();
    update();
}

void PodField::setHighlightedPods(const QStringList &keys)
{
    if (keys == highlightedPods_)
        return;
    highlightedPods_ = keys;
    emit highlightedPodsChanged();
    update();
}

QColor PodField::colorOf(const QString &category) const
{
    if (category == QLatin1String("running"))
        return running_;
    if (category == QLatin1String("failed"))
        return failed_;
    if (category == QLatin1String("succeeded"))
        return succeeded_;
    if (category == QLatin1String("terminating")) {
        // As the card: a terminating pod fades.
        QColor c = terminating_;
        c.setAlphaF(0.6f);
        return c;
    }
    return pending_;
}

void PodField::setScreenPixel(qreal pixel)
{
    if (qFuzzyCompare(pixel, screenPixel_))
        return;
    const qreal before = mergeGap();
    screenPixel_ = pixel;
    emit screenPixelChanged();
    if (mergeGap() != before)
        update();
}

// Gaps under about half a pixel, which the rasterizer draws for some pods and not for others,
// are closed. The threshold is 3/4 of the pixel rounded down to a power of two (between 3/8 and
// 3/4 of a pixel), so that zooming rebuilds the picture once per halving or doubling, not on
// every step of the wheel.
qreal PodField::mergeGap() const
{
    if (screenPixel_ <= 0)
        return 0;
    return 0.75 * std::exp2(std::floor(std::log2(screenPixel_)));
}

std::vector<PodField::Block> PodField::merged(std::vector<Block> blocks, qreal gap)
{
    if (gap <= 0 || blocks.size() < 2)
        return blocks;
    auto near = [gap](qreal a, qreal b) { return std::abs(a - b) < gap; };
    auto sameColour = [](const Block &a, const Block &b) { return a.color.rgba() == b.color.rgba(); };
    auto joinRuns = [&](std::vector<Block> &in, auto order, auto joins) {
        std::sort(in.begin(), in.end(), order);
        std::vector<Block> out;
        for (Block &b : in) {
            if (!out.empty() && sameColour(out.back(), b) && joins(out.back().rect, b.rect))
                out.back().rect = out.back().rect.united(b.rect);
            else
                out.push_back(std::move(b));
        }
        in = std::move(out);
    };
    // Down a column: the same left edge and width, the next block starting within the gap.
    joinRuns(
        blocks,
        [](const Block &a, const Block &b) {
            return std::make_tuple(a.rect.left(), a.rect.right(), a.rect.top()) <
                   std::make_tuple(b.rect.left(), b.rect.right(), b.rect.top());
        },
        [&](const QRectF &run, const QRectF &next) {
            return run.left() == next.left() && run.right() == next.right() && next.top() - run.bottom() < gap;
        });
    // Across: runs spanning the same height, the next one starting within the gap.
    joinRuns(
        blocks,
        [](const Block &a, const Block &b) {
            return std::make_tuple(a.rect.top(), a.rect.bottom(), a.rect.left()) <
                   std::make_tuple(b.rect.top(), b.rect.bottom(), b.rect.left());
        },
        [&](const QRectF &run, const QRectF &next) {
            return near(run.top(), next.top()) && near(run.bottom(), next.bottom()) &&
                   next.left() - run.right() < gap;
        });
    return blocks;
}

std::vector<PodField::Block> PodField::blocks() const
{
    std::vector<Block> out;
    if (!model_)
        return out;
    const QPointF origin = position();
    const auto &rows = model_->rows();
    std::unordered_set<QString> highlighted(highlightedPods_.begin(), highlightedPods_.end());
    // Outlines first, so every pod's body lies on top of any outline next to it.
    for (const PodRow &row : rows) {
        bool selected = row.key == selectedPod_;
        if (!selected && !highlighted.count(row.key))
            continue;
        double w = outlineWidth_;
        out.push_back({row.rect.translated(-origin).adjusted(-w, -w, w, w), selected ? selection_ : highlight_});
    }
    // Where the gaps close, each pod also reaches over the gap to its right and below, so that a
    // column ending higher than its neighbour leaves no sliver that some pixels show.
    const qreal gap = mergeGap();
    const qreal reach = gap > ClusterLayout::kPodGap ? ClusterLayout::kPodGap : 0;
    std::vector<Block> bodies;
    bodies.reserve(rows.size());
    for (const PodRow &row : rows)
        if (!row.rect.isNull())
            bodies.push_back({row.rect.translated(-origin).adjusted(0, 0, reach, reach), colorOf(row.category)});
    bodies = merged(std::move(bodies), gap);
    out.insert(out.end(), bodies.begin(), bodies.end());
    return out;
}

QString PodField::podAt(QPointF point) const
{
    if (!model_)
        return {};
    QPointF p = point + position();
    for (const PodRow &row : model_->rows())
        if (row.rect.contains(p))
            return row.key;
    return {};
}

bool PodField::contains(const QPointF &point) const
{
    return !podAt(point).isEmpty();
}

void PodField::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.topLeft() != oldGeometry.topLeft())
        update();
}

QSGNode *PodField::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    std::vector<Block> picture = blocks();
    int pods = model_ ? int(model_->rows().size()) : 0;
    if (pods != drawnPods_ || int(picture.size()) != drawnRectangles_) {
        drawnPods_ = pods;
        drawnRectangles_ = int(picture.size());
        // The render thread may run this: tell QML from the GUI thread.
        QMetaObject::invokeMethod(this, &PodField::drawnPodsChanged, Qt::QueuedConnection);
    }

    // The software renderer (still pictures) draws no custom geometry: one rectangle node each.
    if (softwareRenderer(window())) {
        delete old;
        auto *root = new QSGNode;
        for (const Block &b : picture) {
            QSGRectangleNode *rect = window()->createRectangleNode();
            rect->setRect(b.rect);
            rect->setColor(b.color);
            root->appendChildNode(rect);
        }
        return root;
    }

    auto *node = static_cast<QSGGeometryNode *>(old);
    if (!node) {
        node = new QSGGeometryNode;
        auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), 0);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        node->setGeometry(geometry);
        node->setFlag(QSGNode::OwnsGeometry);
        node->setMaterial(new QSGVertexColorMaterial);
        node->setFlag(QSGNode::OwnsMaterial);
    }
    QSGGeometry *geometry = node->geometry();
    geometry->allocate(int(picture.size() * 6));
    QSGGeometry::ColoredPoint2D *v = geometry->vertexDataAsColoredPoint2D();
    for (const Block &b : picture) {
        // Two triangles per rectangle.
        QPointF corners[4] = {b.rect.topLeft(), b.rect.topRight(), b.rect.bottomRight(), b.rect.bottomLeft()};
        for (int i : {0, 1, 2, 0, 2, 3})
            *v++ = vertex(corners[i], b.color);
    }
    node->markDirty(QSGNode::DirtyGeometry);
    return node;
}

} // namespace podscape
