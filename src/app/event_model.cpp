#include "app/event_model.h"

#include "cluster/events.h"

namespace podscape {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// kubectl prints the object as lower-case kind and name: pod/web-0, node/worker-1.
QString objectColumn(const EventView &e)
{
    return qs(e.kind).toLower() + '/' + qs(e.name);
}

} // namespace

void EventModel::refresh(const EventLog &events)
{
    events_ = &events;
    int count = int(events.size());
    if (count < shown_) {
        beginRemoveRows({}, count, shown_ - 1);
        shown_ = count;
        endRemoveRows();
        emit countChanged();
    } else if (count > shown_) {
        beginInsertRows({}, shown_, count - 1);
        shown_ = count;
        endInsertRows();
        emit countChanged();
    }
}

void EventModel::clear()
{
    beginResetModel();
    events_ = nullptr;
    shown_ = 0;
    endResetModel();
    emit countChanged();
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : shown_;
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!events_ || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    // A view: the filter asks each row for several roles.
    const EventView e = events_->view(std::size_t(index.row()));
    switch (role) {
    case TimeRole:
        return e.time;
    case TimeTextRole:
        return QString::number(e.time, 'f', 1) + 's';
    case TypeRole:
        return qs(e.type);
    case ReasonRole:
        return qs(e.reason);
    case Qt::DisplayRole:
    case ObjectRole:
        return objectColumn(e);
    case ObjectKindRole:
        return qs(e.kind);
    case ObjectKeyRole:
        return e.namespace_.empty() ? qs(e.name) : qs(e.namespace_) + '/' + qs(e.name);
    case MessageRole:
        return qs(e.message);
    case SourceRole:
        return qs(e.source);
    }
    return {};
}

QHash<int, QByteArray> EventModel::roleNames() const
{
    return {{TimeRole, "time"},           {TimeTextRole, "timeText"}, {TypeRole, "type"},
            {ReasonRole, "reason"},       {ObjectRole, "object"},     {ObjectKindRole, "objectKind"},
            {ObjectKeyRole, "objectKey"}, {MessageRole, "message"},   {SourceRole, "source"}};
}

} // namespace podscape
