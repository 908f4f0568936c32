// The Services of the cluster as QML sees them: type, ClusterIP, ports, selector, the DNS name
// CoreDNS serves, and the endpoint list as IP:port rows, ready or not.
#pragma once

#include "app/row_sync_model.h"

#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace podscape {

class Simulation;

struct EndpointRow {
    QString address; // IP:port
    bool ready = false;

    bool operator==(const EndpointRow &) const = default;
};

struct ServiceRow {
    QString key; // namespace/name
    QString name;
    QString namespace_;
    QString type;
    QString clusterIP;
    QStringList ports; // "http 80→http/TCP"
    QString selector;  // "app=web", empty when the Service has none
    QString dns;       // name.namespace.svc.cluster.local
    std::vector<EndpointRow> endpoints;
    QStringList backingPods; // namespace/name of the pods behind the endpoints
    // How often kube-proxy, CoreDNS and an Ingress controller picked up an endpoints change: a
    // change is the view's cue to light the consumer up.
    int kubeProxySteps = 0;
    int coreDnsSteps = 0;
    int ingressSteps = 0;
    bool hasIngress = false;

    bool operator==(const ServiceRow &) const = default;
};

class ServiceModel : public RowSyncModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The services come from a ClusterSession")

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        NameRole,
        NamespaceRole,
        TypeRole,
        ClusterIpRole,
        PortsRole,
        SelectorRole,
        DnsRole,
        EndpointsRole,
        ReadyCountRole,
        BackingPodsRole,
        KubeProxyStepsRole,
        CoreDnsStepsRole,
        IngressStepsRole,
        HasIngressRole,
    };
    Q_ENUM(Role)

    using RowSyncModel::RowSyncModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void refresh(const Simulation &sim);
    const ServiceRow *find(const QString &key) const;
    QStringList backingPods(const QString &key) const;

private:
    std::vector<ServiceRow> rows_;
};

} // namespace podscape
