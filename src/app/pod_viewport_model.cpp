#include "app/pod_viewport_model.h"

#include "app/pod_model.h"

#include <QTimer>

namespace podscape {

namespace {

// How far beyond the viewport cards are kept, as a fraction of its size on each side.
constexpr double kMargin = 0.25;
// Zoomed in so far that the view is narrower than the covered area by this much more than the
// margin gives: cover anew, or the cards of a far wider view would all stay.
constexpr double kShrink = 1.5;

QRectF withMargin(const QRectF &r)
{
    double dx = r.width() * kMargin, dy = r.height() * kMargin;
    return r.adjusted(-dx, -dy, dx, dy);
}

} // namespace

PodViewportModel::PodViewportModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &PodViewportModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &PodViewportModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &PodViewportModel::countChanged);
}

void PodViewportModel::setPods(PodModel *pods)
{
    if (pods == pods_)
        return;
    if (pods_)
        disconnect(pods_, nullptr, this, nullptr);
    pods_ = pods;
    if (pods_) {
        // Pods come, go and move as the simulation runs: is the view crowded now?
        connect(pods_, &PodModel::rowsInserted, this, &PodViewportModel::recountLater);
        connect(pods_, &PodModel::rowsRemoved, this, &PodViewportModel::recountLater);
        connect(pods_, &PodModel::dataChanged, this, &PodViewportModel::recountLater);
        connect(pods_, &PodModel::modelReset, this, &PodViewportModel::recountLater);
    }
    updateCrowded();
    setSourceModel(pods);
    emit podsChanged();
}

void PodViewportModel::setViewport(const QRectF &viewport)
{
    if (viewport == viewport_)
        return;
    viewport_ = viewport;
    emit viewportChanged();
    // Within the covered area the same cards serve, unless the view shrank well inside it
    // (zoomed in); beyond it, cover anew around the view.
    bool inside = !viewport.isEmpty() && !covered_.isEmpty() && covered_.contains(viewport) &&
                  viewport.width() * (1 + 2 * kMargin) * kShrink >= covered_.width();
    if (inside)
        return;
    covered_ = viewport.isEmpty() ? QRectF() : withMargin(viewport);
    emit coveredChanged();
    if (everywhere_)
        return;
    updateCrowded();
    invalidateFilter();
}

void PodViewportModel::setShown(bool shown)
{
    if (shown == shown_)
        return;
    shown_ = shown;
    emit shownChanged();
    invalidateFilter();
}

void PodViewportModel::setEverywhere(bool everywhere)
{
    if (everywhere == everywhere_)
        return;
    everywhere_ = everywhere;
    emit everywhereChanged();
    updateCrowded();
    invalidateFilter();
}

void PodViewportModel::setLimit(int limit)
{
    if (limit == limit_)
        return;
    limit_ = limit;
    emit limitChanged();
    if (updateCrowded())
        invalidateFilter();
}

bool PodViewportModel::updateCrowded()
{
    int inView = 0;
    if (pods_ && !everywhere_ && !covered_.isEmpty())
        for (const PodRow &row : pods_->rows())
            inView += row.rect.intersects(covered_) ? 1 : 0;
    bool crowded = inView > limit_;
    if (crowded == crowded_)
        return false;
    crowded_ = crowded;
    emit crowdedChanged();
    return true;
}

void PodViewportModel::recountLater()
{
    // Not inside the source's signal: the proxy is updating its own rows from it.
    if (recountQueued_)
        return;
    recountQueued_ = true;
    QTimer::singleShot(0, this, [this] {
        recountQueued_ = false;
        if (updateCrowded())
            invalidateFilter();
    });
}

bool PodViewportModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!shown_ || !pods_)
        return false;
    if (everywhere_)
        return true;
    if (crowded_ || covered_.isEmpty())
        return false;
    const auto &rows = pods_->rows();
    return sourceRow < int(rows.size()) && rows[std::size_t(sourceRow)].rect.intersects(covered_);
}

} // namespace podscape
