#include "app/event_filter_model.h"

#include "app/event_model.h"

namespace podscape {

void EventFilterModel::setText(const QString &text)
{
    if (text == text_)
        return;
    text_ = text;
    invalidateRowsFilter();
    emit textChanged();
}

void EventFilterModel::setWarningsOnly(bool warningsOnly)
{
    if (warningsOnly == warningsOnly_)
        return;
    warningsOnly_ = warningsOnly;
    invalidateRowsFilter();
    emit warningsOnlyChanged();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (warningsOnly_ && row.data(EventModel::TypeRole).toString() != QLatin1String("Warning"))
        return false;
    if (text_.isEmpty())
        return true;
    for (int role : {EventModel::TypeRole, EventModel::ReasonRole, EventModel::ObjectRole, EventModel::MessageRole})
        if (row.data(role).toString().contains(text_, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace podscape
