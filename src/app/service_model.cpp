#include "app/service_model.h"

#include "sim/simulation.h"

#include <QCoreApplication>
#include <QVariantMap>

#include <map>

namespace podscape {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// kubectl get svc shows 80/TCP; the panel also says where the traffic goes (the targetPort).
QString portText(const ServicePort &p)
{
    QString text = QStringLiteral("%1 → %2/%3").arg(p.port).arg(qs(p.targetPort.toString()), qs(p.protocol));
    if (p.nodePort)
        text += QCoreApplication::translate("ServiceModel", " (nodePort %1)").arg(p.nodePort);
    return p.name.empty() ? text : qs(p.name) + ' ' + text;
}

QString selectorText(const Service &svc)
{
    if (!svc.spec.selector)
        return {};
    QStringList parts;
    for (const auto &[k, v] : *svc.spec.selector)
        parts.append(qs(k) + '=' + qs(v));
    return parts.join(',');
}

using PodsByIp = std::multimap<QString, QString>; // "namespace/IP" → "namespace/name"

// Every pod with an IP, so endpoints (IP:port) lead back to the pods behind them.
PodsByIp podsByIp(const Simulation &sim)
{
    PodsByIp out;
    for (const auto &pod : sim.store().list<Pod>())
        if (!pod->status.podIP.empty())
            out.emplace(qs(pod->metadata.namespace_ + '/' + pod->status.podIP),
                        qs(pod->metadata.namespace_ + '/' + pod->metadata.name));
    return out;
}

QStringList podsBehind(const ServiceRow &row, const PodsByIp &pods)
{
    QStringList out;
    for (const auto &e : row.endpoints) {
        QString ip = e.address.left(e.address.lastIndexOf(':'));
        auto [from, to] = pods.equal_range(row.namespace_ + '/' + ip);
        for (auto it = from; it != to; ++it)
            out.append(it->second);
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

ServiceRow serviceRow(const Simulation &sim, const Service &svc, const PodsByIp &pods)
{
    ServiceRow row;
    row.name = qs(svc.metadata.name);
    row.namespace_ = qs(svc.metadata.namespace_);
    row.key = row.namespace_ + '/' + row.name;
    row.type = qs(svc.spec.type);
    row.clusterIP = qs(svc.spec.clusterIP);
    for (const auto &p : svc.spec.ports)
        row.ports.append(portText(p));
    row.selector = selectorText(svc);
    row.dns = row.name + '.' + row.namespace_ + QStringLiteral(".svc.cluster.local");
    ServiceEndpoints eps = sim.endpoints().endpointsOf(svc.metadata.namespace_, svc.metadata.name);
    for (const auto &e : eps.ready)
        row.endpoints.push_back({qs(e), true});
    for (const auto &e : eps.notReady)
        row.endpoints.push_back({qs(e), false});
    row.backingPods = podsBehind(row, pods);
    ConsumerNotifications notified = sim.endpoints().notificationsOf(svc.metadata.namespace_, svc.metadata.name);
    row.kubeProxySteps = notified.kubeProxy;
    row.coreDnsSteps = notified.coreDns;
    row.ingressSteps = notified.ingress;
    row.hasIngress = sim.endpoints().hasIngressBackend(svc);
    return row;
}

} // namespace

void ServiceModel::refresh(const Simulation &sim)
{
    PodsByIp pods = podsByIp(sim);
    std::vector<ServiceRow> next;
    for (const auto &svc : sim.store().list<Service>())
        next.push_back(serviceRow(sim, *svc, pods));
    syncRows(rows_, std::move(next));
}

const ServiceRow *ServiceModel::find(const QString &key) const
{
    for (const auto &row : rows_)
        if (row.key == key)
            return &row;
    return nullptr;
}

QStringList ServiceModel::backingPods(const QString &key) const
{
    const ServiceRow *row = find(key);
    return row ? row->backingPods : QStringList();
}

int ServiceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant ServiceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServiceRow &row = rows_[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case KeyRole:
        return row.key;
    case NameRole:
        return row.name;
    case NamespaceRole:
        return row.namespace_;
    case TypeRole:
        return row.type;
    case ClusterIpRole:
        return row.clusterIP;
    case PortsRole:
        return row.ports;
    case SelectorRole:
        return row.selector;
    case DnsRole:
        return row.dns;
    case EndpointsRole: {
        QVariantList list;
        for (const auto &e : row.endpoints)
            list.append(QVariantMap{{QStringLiteral("address"), e.address}, {QStringLiteral("ready"), e.ready}});
        return list;
    }
    case BackingPodsRole:
        return row.backingPods;
    case ReadyCountRole:
        return int(std::count_if(row.endpoints.begin(), row.endpoints.end(), [](const auto &e) { return e.ready; }));
    case KubeProxyStepsRole:
        return row.kubeProxySteps;
    case CoreDnsStepsRole:
        return row.coreDnsSteps;
    case IngressStepsRole:
        return row.ingressSteps;
    case HasIngressRole:
        return row.hasIngress;
    }
    return {};
}

QHash<int, QByteArray> ServiceModel::roleNames() const
{
    return {{KeyRole, "key"},
            {NameRole, "name"},
            {NamespaceRole, "namespace"},
            {TypeRole, "type"},
            {ClusterIpRole, "clusterIP"},
            {PortsRole, "ports"},
            {SelectorRole, "selector"},
            {DnsRole, "dns"},
            {EndpointsRole, "endpoints"},
            {ReadyCountRole, "readyCount"},
            {BackingPodsRole, "backingPods"},
            {KubeProxyStepsRole, "kubeProxySteps"},
            {CoreDnsStepsRole, "coreDnsSteps"},
            {IngressStepsRole, "ingressSteps"},
            {HasIngressRole, "hasIngress"}};
}

} // namespace podscape
