// The pods of the cluster as QML sees them: one row per pod with what its card shows (kubectl's
// STATUS, READY, RESTARTS, IP, owner) and where the layout put it and its chips.
#pragma once

#include "app/cluster_layout.h"
#include "app/row_sync_model.h"

#include <QRectF>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace podscape {

struct Pod;

struct ContainerRow {
    QString name;
    QString kind;  // init | sidecar | app
    QString state; // waiting | running | terminated
    QString reason;
    QString image;
    QStringList ports; // "http:80/TCP"
    bool ready = false;
    int restarts = 0;
    QRectF rect; // in the pod card

    bool operator==(const ContainerRow &) const = default;
};

struct MountRow {
    QString container;
    int containerIndex = -1; // into PodRow::containers
    QString mountPath;
    bool readOnly = false;

    bool operator==(const MountRow &) const = default;
};

struct VolumeRow {
    QString name;
    QString type;   // the manifest key: emptyDir, configMap, ...
    QString source; // the ConfigMap, Secret, claim or host path it comes from
    std::vector<MountRow> mounts;
    QRectF rect; // in the pod card

    bool operator==(const VolumeRow &) const = default;
};

struct PodRow {
    QString key; // namespace/name
    QString name;
    QString namespace_;
    QString node;
    QString phase;
    QString status;   // kubectl's STATUS column
    QString category; // running | pending | failed | terminating | succeeded: the card's colour
    QString ip;
    QString ready; // kubectl's READY column, "2/2"
    QString ownerKind;
    QString ownerName;
    QString ownerShort; // kubectl's short name of the owner's kind: rs, sts, ds, job
    QString message;    // why it is pending or failed
    bool hostNetwork = false;
    int restarts = 0;
    QRectF rect; // on the canvas
    std::vector<ContainerRow> containers;
    std::vector<VolumeRow> volumes;

    bool operator==(const PodRow &) const = default;
};

// kubectl's short name for a kind (`kubectl api-resources`), or the kind itself.
QString kindShortName(const QString &kind);

// The colour family of a STATUS: what users read at a glance.
QString podStatusCategory(const Pod &pod, const QString &status);

class PodModel : public RowSyncModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The pods come from a ClusterSession")

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        NameRole,
        NamespaceRole,
        NodeRole,
        PhaseRole,
        StatusRole,
        CategoryRole,
        IpRole,
        HostNetworkRole,
        ReadyRole,
        RestartsRole,
        OwnerKindRole,
        OwnerShortRole,
        OwnerNameRole,
        MessageRole,
        PendingRole,
        XRole,
        YRole,
        WidthRole,
        HeightRole,
        ContainersRole,
        VolumesRole,
    };
    Q_ENUM(Role)

    using RowSyncModel::RowSyncModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // What the layout needs to place a pod.
    static LayoutPod layoutEntry(const Pod &pod);
    // `pods` in the store's order (namespace, then name). Reads again only the pods whose
    // resourceVersion changed since the last refresh, and those the layout moved.
    void refresh(const std::vector<std::shared_ptr<Pod>> &pods, const ClusterLayout &layout);
    // The next refresh reads every pod again: its objects come from a new simulation, whose
    // resourceVersions say nothing about the rows shown.
    void forgetVersions();

    const PodRow *find(const QString &key) const;
    // The row of `key` as QML reads it (its roles by name), empty when there is none.
    Q_INVOKABLE QVariantMap get(const QString &key) const;
    const std::vector<PodRow> &rows() const { return rows_; }

private:
    void dropRows(std::size_t from, std::size_t to);
    void addRows(std::size_t at, const std::vector<std::shared_ptr<Pod>> &pods, std::size_t from, std::size_t to,
                 const ClusterLayout &layout);
    void updateRow(std::size_t row, const Pod &pod, const ClusterLayout &layout);

    std::vector<PodRow> rows_;
    std::vector<std::int64_t> versions_; // the resourceVersion each row was read at
};

} // namespace podscape
