#include "app/pod_viewport_model.h"

#include "app/pod_model.h"

namespace podscape {

namespace {

// How far beyond the viewport cards are kept, as a fraction of its size on each side.
constexpr double kMargin = 0.5;

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
    pods_ = pods;
    setSourceModel(pods);
    emit podsChanged();
}

void PodViewportModel::setViewport(const QRectF &viewport)
{
    if (viewport == viewport_)
        return;
    viewport_ = viewport;
    emit viewportChanged();
    // Within the covered area the same cards serve; beyond it, cover anew around the view.
    bool inside = !viewport.isEmpty() && !covered_.isEmpty() && covered_.contains(viewport) &&
                  viewport.width() * (1 + kMargin) >= covered_.width() / (1 + 2 * kMargin);
    if (inside)
        return;
    covered_ = viewport.isEmpty() ? QRectF() : withMargin(viewport);
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

bool PodViewportModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!shown_ || !pods_)
        return false;
    if (covered_.isEmpty())
        return true;
    const auto &rows = pods_->rows();
    return sourceRow < int(rows.size()) && rows[std::size_t(sourceRow)].rect.intersects(covered_);
}

} // namespace podscape
