#include "app/control_plane_model.h"

#include "cluster/events.h"

#include <algorithm>

namespace podscape {

namespace {

// The lanes in the order a pod's creation passes through them (DESIGN 3.1).
const QStringList &lanes()
{
    static const QStringList names = {
        "kubectl", "kube-apiserver", "etcd",   "kube-scheduler", "kube-controller-manager",
        "kubelet", "kube-proxy",     "CoreDNS"};
    return names;
}

std::vector<ComponentRow> emptyLanes()
{
    std::vector<ComponentRow> rows;
    for (const QString &name : lanes())
        rows.push_back({name, {}, {}, {}, -1, 0});
    return rows;
}

QString utf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

ControlPlaneModel::ControlPlaneModel(QObject *parent) : RowSyncModel(parent), rows_(emptyLanes())
{
}

QString ControlPlaneModel::laneOf(std::string_view component)
{
    // The endpoints, ReplicaSet, Deployment... controllers and the garbage collector all run
    // in kube-controller-manager.
    if (component.ends_with("-controller") || component == "garbage-collector")
        return QStringLiteral("kube-controller-manager");
    return utf8(component);
}

void ControlPlaneModel::refresh(const TraceLog &log)
{
    std::vector<ComponentRow> next = rows_;
    QString current = current_;
    if (&log != log_ || log.size() < consumed_) { // another run: read it from its start
        next = emptyLanes();
        consumed_ = 0;
        log_ = &log;
        current.clear();
    }
    for (; consumed_ < log.size(); ++consumed_) {
        const auto &[pod, entry] = log[consumed_];
        QString lane = laneOf(entry.component);
        auto row = std::find_if(next.begin(), next.end(), [&](const ComponentRow &r) { return r.key == lane; });
        if (row == next.end()) { // a component with no lane of its own yet
            next.push_back(ComponentRow{lane, {}, {}, {}, -1, 0});
            row = next.end() - 1;
        }
        *row = {lane,
                utf8(entry.stage),
                utf8(entry.detail),
                utf8(pod),
                entry.time,
                row->steps + 1};
        current = lane;
    }
    syncRows(rows_, std::move(next));
    if (current != current_) {
        current_ = current;
        emit currentChanged();
    }
}

int ControlPlaneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant ControlPlaneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ComponentRow &row = rows_[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.key;
    case StageRole:
        return row.stage;
    case DetailRole:
        return row.detail;
    case PodRole:
        return row.pod;
    case TimeRole:
        return row.time;
    case StepsRole:
        return row.steps;
    }
    return {};
}

QHash<int, QByteArray> ControlPlaneModel::roleNames() const
{
    return {{NameRole, "name"}, {StageRole, "stage"}, {DetailRole, "detail"},
            {PodRole, "pod"},   {TimeRole, "time"},   {StepsRole, "steps"}};
}

} // namespace podscape
