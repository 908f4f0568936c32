// The nodes of the cluster as QML sees them: one row per node with what its card shows (kubectl's
// STATUS and ROLES, taints, requested vs allocatable CPU and memory, pods vs capacity) and where
// the layout put it.
#pragma once

#include "app/cluster_layout.h"
#include "app/row_sync_model.h"

#include <QRectF>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

namespace podscape {

struct Node;
struct Pod;

struct NodeRow {
    QString key;    // the node's name: nodes are cluster-scoped
    QString roles;  // kubectl's ROLES column: "control-plane", "<none>"
    QString status; // kubectl's STATUS column: Ready, NotReady, Ready,SchedulingDisabled
    QString internalIP;
    QStringList taints; // key=value:effect
    bool ready = false;
    bool unschedulable = false;
    qint64 cpuRequested = 0; // millicores
    qint64 cpuAllocatable = 0;
    qint64 memoryRequested = 0; // bytes
    qint64 memoryAllocatable = 0;
    QString cpuText;    // "1.27 / 4"
    QString memoryText; // "208Mi / 8Gi"
    int podCount = 0;
    int podCapacity = 0;
    QRectF rect;

    bool operator==(const NodeRow &) const = default;
};

class NodeModel : public RowSyncModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The nodes come from a ClusterSession")

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        RolesRole,
        StatusRole,
        ReadyRole,
        UnschedulableRole,
        InternalIpRole,
        TaintsRole,
        CpuRequestedRole,
        CpuAllocatableRole,
        CpuTextRole,
        MemoryRequestedRole,
        MemoryAllocatableRole,
        MemoryTextRole,
        PodCountRole,
        PodCapacityRole,
        XRole,
        YRole,
        WidthRole,
        HeightRole,
    };
    Q_ENUM(Role)

    using RowSyncModel::RowSyncModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void refresh(const std::vector<std::shared_ptr<Node>> &nodes, const std::vector<std::shared_ptr<Pod>> &pods,
                 const ClusterLayout &layout);

    const NodeRow *find(const QString &name) const;

private:
    std::vector<NodeRow> rows_;
};

} // namespace podscape
