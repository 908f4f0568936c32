// The pods whose cards the canvas instantiates: those near what the view shows. A card is a tree
// of QML items; at 5,000 pods, cards for all of them would cost seconds to create and
// milliseconds per frame to keep, while a screen shows a few hundred at most.
//
// The filter covers the viewport and a margin around it, and moves only when the viewport leaves
// that margin, so panning does not create and destroy cards on every step. When more pods than
// `limit` lie in that area the view is `crowded`: no cards at all, the canvas draws its PodField.
#pragma once

#include <QRectF>
#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace podscape {

class PodModel;

class PodViewportModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(PodModel *pods READ pods WRITE setPods NOTIFY podsChanged)
    // On (a still picture): every pod, wherever the viewport is. Off: the pods near it.
    Q_PROPERTY(bool everywhere READ everywhere WRITE setEverywhere NOTIFY everywhereChanged)
    // In layout coordinates; empty (a view not laid out yet) shows no pod.
    Q_PROPERTY(QRectF viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    // Off: no cards at all (the canvas draws a PodField instead).
    Q_PROPERTY(bool shown READ shown WRITE setShown NOTIFY shownChanged)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(bool crowded READ crowded NOTIFY crowdedChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // The area whose pods are in the model: the viewport and its margin, moved only when the
    // viewport leaves it (the canvas hides node cards outside it by the same rule).
    Q_PROPERTY(QRectF covered READ covered NOTIFY coveredChanged)

public:
    explicit PodViewportModel(QObject *parent = nullptr);

    PodModel *pods() const { return pods_; }
    void setPods(PodModel *pods);
    QRectF viewport() const { return viewport_; }
    void setViewport(const QRectF &viewport);
    bool everywhere() const { return everywhere_; }
    void setEverywhere(bool everywhere);
    bool shown() const { return shown_; }
    void setShown(bool shown);
    int limit() const { return limit_; }
    void setLimit(int limit);
    bool crowded() const { return crowded_; }
    int count() const { return rowCount(); }
    QRectF covered() const { return covered_; }

signals:
    void podsChanged();
    void everywhereChanged();
    void viewportChanged();
    void shownChanged();
    void limitChanged();
    void crowdedChanged();
    void countChanged();
    void coveredChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    // Counts the pods in the covered area; true when crowded changed.
    bool updateCrowded();
    // After the pods changed (once per refresh, not once per row): crowded again?
    void recountLater();

    PodModel *pods_ = nullptr;
    QRectF viewport_;
    QRectF covered_;
    bool everywhere_ = true;
    bool shown_ = true;
    int limit_ = 1000;
    bool crowded_ = false;
    bool recountQueued_ = false;
};

} // namespace podscape
