// The pods whose cards the canvas instantiates: those near what the view shows. A card is a tree
// of QML items; at 5,000 pods, cards for all of them would cost seconds to create and
// milliseconds per frame to keep, while a screen shows a few hundred at most.
//
// The filter covers the viewport and a margin around it, and moves only when the viewport leaves
// that margin, so panning does not create and destroy cards on every step.
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
    // In layout coordinates; an empty rectangle means everything (a still picture).
    Q_PROPERTY(QRectF viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    // Off: no cards at all (the canvas draws a PodField instead).
    Q_PROPERTY(bool shown READ shown WRITE setShown NOTIFY shownChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit PodViewportModel(QObject *parent = nullptr);

    PodModel *pods() const { return pods_; }
    void setPods(PodModel *pods);
    QRectF viewport() const { return viewport_; }
    void setViewport(const QRectF &viewport);
    bool shown() const { return shown_; }
    void setShown(bool shown);
    int count() const { return rowCount(); }
    // The area whose pods are in the model.
    QRectF covered() const { return covered_; }

signals:
    void podsChanged();
    void viewportChanged();
    void shownChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    PodModel *pods_ = nullptr;
    QRectF viewport_;
    QRectF covered_;
    bool shown_ = true;
};

} // namespace podscape
