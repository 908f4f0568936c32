// The event log as the user narrows it: text to look for in the type, reason, object and
// message, and whether to show warnings only (`kubectl get events --field-selector type=Warning`).
#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace podscape {

class EventFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(bool warningsOnly READ warningsOnly WRITE setWarningsOnly NOTIFY warningsOnlyChanged)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    QString text() const { return text_; }
    void setText(const QString &text);
    bool warningsOnly() const { return warningsOnly_; }
    void setWarningsOnly(bool warningsOnly);

signals:
    void textChanged();
    void warningsOnlyChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString text_;
    bool warningsOnly_ = false;
};

} // namespace podscape
