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
    // How many pods the last frame drew, for tests and the frame benchmark.
    Q_PROPERTY(int drawnPods READ drawnPods NOTIFY drawnPodsChanged)

public:
    explicit PodField(QQuickItem *parent = nullptr);

    PodModel *model() const { return model_; }
    void setModel(PodModel *model);
    QString selectedPod() const { return selectedPod_; }
    void setSelectedPod(const QString &key);
    QStringList highlightedPods() const { return highlightedPods_; }
    void setHighlightedPods(const QStringList &keys);
    int drawnPods() const { return drawnPods_; }

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

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    // One filled rectangle of the picture, in this item's coordinates.
    struct Block {
        QRectF rect;
        QColor color; // premultiplied by its alpha when drawn
    };
    std::vector<Block> blocks() const;
    QColor colorOf(const QString &category) const;

    PodModel *model_ = nullptr;
    QString selectedPod_;
    QStringList highlightedPods_;
    QColor running_, pending_, failed_, terminating_, succeeded_, selection_, highlight_;
    qreal outlineWidth_ = 6;
    int drawnPods_ = 0;
};

} // namespace podscape
