// The control-plane lane: one row per component (kubectl, kube-apiserver, etcd, kube-scheduler,
// kube-controller-manager, kubelet, kube-proxy, CoreDNS) with the last step it took, from the
// pods' traces, so the scene can light up the component a request is passing through.
#pragma once

#include "app/row_sync_model.h"

#include <QtQml/qqmlregistration.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace podscape {

class TraceRecorder;

// Every pod's trace entries in the order they happened, each with its pod ("namespace/name").
using TraceLog = TraceRecorder;

struct ComponentRow {
    QString key; // the lane: a component, or kube-controller-manager for its controllers
    QString stage;
    QString detail;
    QString pod;
    double time = -1;
    int steps = 0; // how many steps it has taken: a change means "light up"

    bool operator==(const ComponentRow &) const = default;
};

class ControlPlaneModel : public RowSyncModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The control plane comes from a ClusterSession")
    // The lane of the newest trace entry: where the current request is.
    Q_PROPERTY(QString current READ current NOTIFY currentChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, StageRole, DetailRole, PodRole, TimeRole, StepsRole };
    Q_ENUM(Role)

    explicit ControlPlaneModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // `log` is the run's whole trace so far; a new run (a replay) starts from its beginning.
    void refresh(const TraceLog &log);
    // The lane a trace's component belongs to.
    static QString laneOf(std::string_view component);
    QString current() const { return current_; }

signals:
    void currentChanged();

private:
    std::vector<ComponentRow> rows_;
    const TraceLog *log_ = nullptr;
    std::size_t consumed_ = 0;
    QString current_;
};

} // namespace podscape
