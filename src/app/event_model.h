// The event log, as `kubectl get events -w` prints it: time, type, reason, object, message.
// Events only ever get appended, so the model grows at its end; a replay from the start (step
// back, reset) shrinks it back to the prefix it shares with the new run.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include "cluster/events.h"

namespace podscape {

class EventModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The events come from a ClusterSession")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        TimeRole = Qt::UserRole + 1,
        TimeTextRole,
        TypeRole,
        ReasonRole,
        ObjectRole, // kubectl's OBJECT column: pod/web-0
        ObjectKindRole,
        ObjectKeyRole, // namespace/name, to select the object
        MessageRole,
        SourceRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // `events` is the simulation's recorder, which outlives the next refresh or clear().
    void refresh(const EventLog &events);
    void clear();

signals:
    void countChanged();

private:
    const EventLog *events_ = nullptr;
    int shown_ = 0;
};

} // namespace podscape
