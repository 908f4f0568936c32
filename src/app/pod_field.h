// Every pod as a block of its STATUS colour, drawn in one scene-graph node: the canvas zoomed
// out. Thousands of pod cards (each a tree of QML items) cost milliseconds per frame to
// animate, position and render; here a pod is six vertices and panning only moves a transform.
// The canvas shows this field when labels would be too small to read, and the cards otherwise.
//
// The field stands at the session's bounds (the layout's top-left) so pointer delivery reaches
// pods in negative layout coordinates (the queue); it accepts the pointer only over a pod, so
// clicks between pods reach the node cards below.
#pragma once

#include <QColor>
#include <QQuickItem>
#include <QRectF>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace podscape {

class PodModel;

class PodField : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(PodModel *model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(QString selectedPod READ selectedPod WRITE setSelectedPod NOTIFY selectedPodChanged)
    Q_PROPERTY(QStringList highlightedPods READ highlightedPods WRITE setHighlightedPods NOTIFY highlightedPodsChanged)
    // The STATUS colours (Theme's), the selection's and the highlighted Service's.
    Q_PROPERTY(QColor running MEMBER running_ NOTIFY paletteChanged)
    Q_PROPERTY(QColor pending MEMBER pending_ NOTIFY paletteChanged)
    Q_PROPERTY(QColor failed MEMBER failed_ NOTIFY paletteChanged)
    Q_PROPERTY(QColor terminating MEMBER terminating_ NOTIFY paletteChanged)
    Q_PROPERTY(QColor succeeded MEMBER succeeded_ NOTIFY paletteChanged)
    Q_PROPERTY(QColor selection MEMBER selection_ NOTIFY paletteChanged)
    Q_PROPERTY(QColor highlight MEMBER highlight_ NOTIFY paletteChanged)
    // How wide the selection's and the highlight's outline is, in this item's units: the canvas
    // keeps it a few screen pixels whatever the zoom.
    Q_PROPERTY(qreal outlineWidth MEMBER outlineWidth_ NOTIFY outlineWidthChanged)
    // One screen pixel in this item's units (0: unknown, as in an export). Far out, where the gap
    // between two pods is under about half a pixel, same-coloured neighbours are drawn as one
    // rectangle: 50,000 pods are then a few thousand rectangles for the rasterizer, not 100,000
    // triangles that each cover less than a pixel.
    Q_PROPERTY(qreal screenPixel READ screenPixel WRITE setScreenPixel NOTIFY screenPixelChanged)
    // How many pods the last frame drew, for tests and the frame benchmark.
    Q_PROPERTY(int drawnPods READ drawnPods NOTIFY drawnPodsChanged)
    // How many rectangles it took (neighbours joined far out count once).
    Q_PROPERTY(int drawnRectangles READ drawnRectangles NOTIFY drawnPodsChanged)

public:
    explicit PodField(QQuickItem *parent = nullptr);

    PodModel *model() const { return model_; }
    void setModel(PodModel *model);
    QString selectedPod() const { return selectedPod_; }
    void setSelectedPod(const QString &key);
    QStringList highlightedPods() const { return highlightedPods_; }
    void setHighlightedPods(const QStringList &keys);
    int drawnPods() const { return drawnPods_; }
    qreal screenPixel() const { return screenPixel_; }
    void setScreenPixel(qreal pixel);
    int drawnRectangles() const { return drawnRectangles_; }

    // One filled rectangle of the picture, in this item's coordinates.
    struct Block {
        QRectF rect;
        QColor color; // premultiplied by its alpha when drawn
    };
    // `blocks` with same-coloured neighbours whose gap is narrower than `gap` joined: first
    // down each column of pods, then across columns whose runs span the same height.
    static std::vector<Block> merged(std::vector<Block> blocks, qreal gap);

    // The key of the pod at `point` (this item's coordinates), or "".
    Q_INVOKABLE QString podAt(QPointF point) const;
    bool contains(const QPointF &point) const override;

signals:
    void modelChanged();
    void selectedPodChanged();
    void highlightedPodsChanged();
    void paletteChanged();
    void outlineWidthChanged();
    void drawnPodsChanged();
    void screenPixelChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    std::vector<Block> blocks() const;
    qreal mergeGap() const;
    QColor colorOf(const QString &category) const;

    PodModel *model_ = nullptr;
    QString selectedPod_;
    QStringList highlightedPods_;
    QColor running_, pending_, failed_, terminating_, succeeded_, selection_, highlight_;
    qreal outlineWidth_ = 6;
    int drawnPods_ = 0;
    qreal screenPixel_ = 0;
    int drawnRectangles_ = 0;
};

} // namespace podscape
