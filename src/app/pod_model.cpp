#include "app/pod_model.h"

#include "cluster/api/core.h"
#include "cluster/pod_status.h"

#include <QVariantMap>

namespace podscape {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString stateName(ContainerState::Kind kind)
{
    switch (kind) {
    case ContainerState::Kind::Waiting:
        return QStringLiteral("waiting");
    case ContainerState::Kind::Running:
        return QStringLiteral("running");
    case ContainerState::Kind::Terminated:
        return QStringLiteral("terminated");
    }
    return {};
}

const ContainerStatus *statusOf(const std::vector<ContainerStatus> &statuses, const std::string &name)
{
    for (const auto &s : statuses)
        if (s.name == name)
            return &s;
    return nullptr;
}

QStringList portTexts(const Container &c)
{
    QStringList out;
    for (const auto &p : c.ports) {
        QString text = QStringLiteral("%1/%2").arg(p.containerPort).arg(qs(p.protocol));
        out.append(p.name.empty() ? text : qs(p.name) + ':' + text);
    }
    return out;
}

ContainerRow containerRow(const Container &c, const ContainerStatus *st, const QString &kind)
{
    ContainerRow row;
    row.name = qs(c.name);
    row.kind = kind;
    row.image = qs(c.image);
    row.ports = portTexts(c);
    // A container the kubelet has not reported on yet is waiting, as kubectl shows it.
    row.state = st ? stateName(st->state.kind) : QStringLiteral("waiting");
    row.reason = st ? qs(st->state.reason) : QString();
    row.ready = st && st->ready;
    row.restarts = st ? st->restartCount : 0;
    return row;
}

// Init containers (native sidecars among them) first, then the app containers: the order
// in which the kubelet starts them, and the order of the chips.
std::vector<ContainerRow> containerRows(const Pod &pod)
{
    std::vector<ContainerRow> rows;
    for (const auto &c : pod.spec.initContainers)
        rows.push_back(containerRow(c, statusOf(pod.status.initContainerStatuses, c.name),
                                    c.isSidecar() ? QStringLiteral("sidecar") : QStringLiteral("init")));
    for (const auto &c : pod.spec.containers)
        rows.push_back(containerRow(c, statusOf(pod.status.containerStatuses, c.name), QStringLiteral("app")));
    return rows;
}

QString volumeSource(const Volume &v)
{
    return qs(v.type == Volume::Type::HostPath ? v.hostPath : v.sourceName);
}

std::vector<MountRow> mountsOf(const Pod &pod, const Volume &v, const std::vector<ContainerRow> &containers)
{
    std::vector<MountRow> mounts;
    auto add = [&](const Container &c) {
        for (const auto &m : c.volumeMounts) {
            if (m.name != v.name)
                continue;
            int index = -1;
            for (std::size_t i = 0; i < containers.size(); ++i)
                if (containers[i].name == qs(c.name))
                    index = int(i);
            mounts.push_back({qs(c.name), index, qs(m.mountPath), m.readOnly});
        }
    };
    for (const auto &c : pod.spec.initContainers)
        add(c);
    for (const auto &c : pod.spec.containers)
        add(c);
    return mounts;
}

std::vector<VolumeRow> volumeRows(const Pod &pod, const std::vector<ContainerRow> &containers)
{
    std::vector<VolumeRow> rows;
    for (const auto &v : pod.spec.volumes)
        rows.push_back({qs(v.name), qs(v.typeName()), volumeSource(v), mountsOf(pod, v, containers), {}});
    return rows;
}

QString podMessage(const Pod &pod)
{
    if (!pod.status.message.empty())
        return qs(pod.status.message);
    const PodCondition *scheduled = findCondition(pod, "PodScheduled");
    return scheduled && scheduled->status == "False" ? qs(scheduled->message) : QString();
}

PodRow podRow(const Pod &pod, const ClusterLayout &layout)
{
    PodRow row;
    row.name = qs(pod.metadata.name);
    row.namespace_ = qs(pod.metadata.namespace_);
    row.key = row.namespace_ + '/' + row.name;
    row.node = qs(pod.spec.nodeName);
    row.phase = qs(pod.status.phase);
    row.status = qs(kubectlPodStatus(pod));
    row.category = podStatusCategory(pod, row.status);
    row.ip = qs(pod.status.podIP);
    row.hostNetwork = pod.spec.hostNetwork;
    row.ready = qs(kubectlReadyColumn(pod));
    row.restarts = totalRestarts(pod);
    if (const OwnerReference *owner = pod.metadata.controllerRef()) {
        row.ownerKind = qs(owner->kind);
        row.ownerName = qs(owner->name);
        row.ownerShort = kindShortName(row.ownerKind);
    }
    row.message = podMessage(pod);
    row.rect = layout.podRect(row.key);
    row.containers = containerRows(pod);
    row.volumes = volumeRows(pod, row.containers);
    PodGeometry geometry = ClusterLayout::podGeometry(int(row.containers.size()), int(row.volumes.size()));
    for (std::size_t i = 0; i < row.containers.size(); ++i)
        row.containers[i].rect = geometry.containers[i];
    for (std::size_t i = 0; i < row.volumes.size(); ++i)
        row.volumes[i].rect = geometry.volumes[i];
    return row;
}

QVariantMap rectMap(const QRectF &r)
{
    return {{QStringLiteral("x"), r.x()},
            {QStringLiteral("y"), r.y()},
            {QStringLiteral("width"), r.width()},
            {QStringLiteral("height"), r.height()}};
}

QVariantList containersVariant(const std::vector<ContainerRow> &rows)
{
    QVariantList out;
    for (const auto &c : rows) {
        QVariantMap m = rectMap(c.rect);
        m.insert({{QStringLiteral("name"), c.name},
                  {QStringLiteral("kind"), c.kind},
                  {QStringLiteral("state"), c.state},
                  {QStringLiteral("reason"), c.reason},
                  {QStringLiteral("image"), c.image},
                  {QStringLiteral("ports"), c.ports},
                  {QStringLiteral("ready"), c.ready},
                  {QStringLiteral("restarts"), c.restarts}});
        out.append(m);
    }
    return out;
}

QVariantList volumesVariant(const std::vector<VolumeRow> &rows)
{
    QVariantList out;
    for (const auto &v : rows) {
        QVariantList mounts;
        for (const auto &m : v.mounts)
            mounts.append(QVariantMap{{QStringLiteral("container"), m.container},
                                      {QStringLiteral("containerIndex"), m.containerIndex},
                                      {QStringLiteral("mountPath"), m.mountPath},
                                      {QStringLiteral("readOnly"), m.readOnly}});
        QVariantMap m = rectMap(v.rect);
        m.insert({{QStringLiteral("name"), v.name},
                  {QStringLiteral("type"), v.type},
                  {QStringLiteral("source"), v.source},
                  {QStringLiteral("mounts"), mounts}});
        out.append(m);
    }
    return out;
}

} // namespace

QString kindShortName(const QString &kind)
{
    static const QHash<QString, QString> names = {{"ReplicaSet", "rs"},     {"ReplicationController", "rc"},
                                                  {"StatefulSet", "sts"},   {"DaemonSet", "ds"},
                                                  {"Deployment", "deploy"}, {"CronJob", "cj"},
                                                  {"Job", "job"},           {"Node", "node"}};
    return names.value(kind, kind);
}

QString podStatusCategory(const Pod &pod, const QString &status)
{
    if (status == QLatin1String("Terminating"))
        return QStringLiteral("terminating");
    if (status == QLatin1String("Running"))
        return QStringLiteral("running");
    if (pod.status.phase == "Succeeded" || status == QLatin1String("Completed"))
        return QStringLiteral("succeeded");
    // Waiting and terminated reasons that mean trouble: CrashLoopBackOff, ImagePullBackOff,
    // ErrImagePull, CreateContainerConfigError, Init:Error, OOMKilled, Evicted, ...
    static const QStringList failures = {QStringLiteral("Err"),
                                         QStringLiteral("BackOff"),
                                         QStringLiteral("OOMKilled"),
                                         QStringLiteral("Evicted"),
                                         QStringLiteral("Failed"),
                                         QStringLiteral("ContainerCannotRun"),
                                         QStringLiteral("DeadlineExceeded"),
                                         QStringLiteral("Signal"),
                                         QStringLiteral("ExitCode")};
    if (pod.status.phase == "Failed")
        return QStringLiteral("failed");
    for (const QString &word : failures)
        if (status.contains(word))
            return QStringLiteral("failed");
    return QStringLiteral("pending");
}

LayoutPod PodModel::layoutEntry(const Pod &pod)
{
    return {qs(pod.metadata.namespace_) + '/' + qs(pod.metadata.name), qs(pod.spec.nodeName),
            pod.metadata.creationTimestamp.value_or(0),
            int(pod.spec.initContainers.size() + pod.spec.containers.size()), int(pod.spec.volumes.size())};
}

namespace {

// The store lists pods by namespace, then name; rows keep that order. Names are ASCII (DNS
// labels), so comparing them as Latin-1 orders them as the store does.
int compareToRow(const PodRow &row, const Pod &pod)
{
    const auto &ns = pod.metadata.namespace_;
    const auto &name = pod.metadata.name;
    if (int c = row.namespace_.compare(QLatin1String(ns.data(), qsizetype(ns.size()))))
        return c;
    return row.name.compare(QLatin1String(name.data(), qsizetype(name.size())));
}

} // namespace

void PodModel::refresh(const std::vector<std::shared_ptr<Pod>> &pods, const ClusterLayout &layout)
{
    // A merge of two sorted lists: rows whose pod went away are removed, new pods inserted, and
    // only a pod whose resourceVersion or place changed is read again. At thousands of pods a
    // frame then costs a walk of the list, not a rebuild of every row.
    std::size_t row = 0;
    std::size_t next = 0;
    while (next < pods.size()) {
        int order = row < rows_.size() ? compareToRow(rows_[row], *pods[next]) : 1;
        if (order < 0) {
            std::size_t end = row + 1;
            while (end < rows_.size() && compareToRow(rows_[end], *pods[next]) < 0)
                ++end;
            dropRows(row, end);
            continue;
        }
        if (order > 0) {
            std::size_t end = next + 1;
            while (end < pods.size() && (row >= rows_.size() || compareToRow(rows_[row], *pods[end]) > 0))
                ++end;
            addRows(row, pods, next, end, layout);
            row += end - next;
            next = end;
            continue;
        }
        updateRow(row, *pods[next], layout);
        ++row;
        ++next;
    }
    if (row < rows_.size())
        dropRows(row, rows_.size());
}

void PodModel::forgetVersions()
{
    std::fill(versions_.begin(), versions_.end(), -1);
}

void PodModel::dropRows(std::size_t from, std::size_t to)
{
    beginRemoveRows({}, int(from), int(to) - 1);
    rows_.erase(rows_.begin() + std::ptrdiff_t(from), rows_.begin() + std::ptrdiff_t(to));
    versions_.erase(versions_.begin() + std::ptrdiff_t(from), versions_.begin() + std::ptrdiff_t(to));
    endRemoveRows();
}

void PodModel::addRows(std::size_t at, const std::vector<std::shared_ptr<Pod>> &pods, std::size_t from, std::size_t to,
                       const ClusterLayout &layout)
{
    std::vector<PodRow> added;
    std::vector<std::int64_t> versions;
    for (std::size_t i = from; i < to; ++i) {
        added.push_back(podRow(*pods[i], layout));
        versions.push_back(pods[i]->metadata.resourceVersion);
    }
    beginInsertRows({}, int(at), int(at + added.size()) - 1);
    rows_.insert(rows_.begin() + std::ptrdiff_t(at), std::make_move_iterator(added.begin()),
                 std::make_move_iterator(added.end()));
    versions_.insert(versions_.begin() + std::ptrdiff_t(at), versions.begin(), versions.end());
    endInsertRows();
}

void PodModel::updateRow(std::size_t row, const Pod &pod, const ClusterLayout &layout)
{
    if (versions_[row] == pod.metadata.resourceVersion && rows_[row].rect == layout.podRect(rows_[row].key))
        return;
    versions_[row] = pod.metadata.resourceVersion;
    PodRow next = podRow(pod, layout);
    if (next == rows_[row])
        return;
    rows_[row] = std::move(next);
    emit dataChanged(index(int(row)), index(int(row)));
}

const PodRow *PodModel::find(const QString &key) const
{
    return findRow(rows_, key);
}

QVariantMap PodModel::get(const QString &key) const
{
    QVariantMap out;
    const PodRow *it = find(key);
    if (!it)
        return out;
    QModelIndex at = index(int(it - rows_.data()));
    const auto roles = roleNames();
    for (auto role = roles.begin(); role != roles.end(); ++role)
        out.insert(QString::fromUtf8(role.value()), data(at, role.key()));
    // The card's rectangle under the names a QML rect has.
    out.insert(QStringLiteral("x"), it->rect.x());
    out.insert(QStringLiteral("y"), it->rect.y());
    out.insert(QStringLiteral("width"), it->rect.width());
    out.insert(QStringLiteral("height"), it->rect.height());
    return out;
}

int PodModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant PodModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PodRow &row = rows_[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case KeyRole:
        return row.key;
    case NameRole:
        return row.name;
    case NamespaceRole:
        return row.namespace_;
    case NodeRole:
        return row.node;
    case PhaseRole:
        return row.phase;
    case StatusRole:
        return row.status;
    case CategoryRole:
        return row.category;
    case IpRole:
        return row.ip;
    case HostNetworkRole:
        return row.hostNetwork;
    case ReadyRole:
        return row.ready;
    case RestartsRole:
        return row.restarts;
    case OwnerKindRole:
        return row.ownerKind;
    case OwnerShortRole:
        return row.ownerShort;
    case OwnerNameRole:
        return row.ownerName;
    case MessageRole:
        return row.message;
    case PendingRole:
        return row.node.isEmpty();
    case XRole:
        return row.rect.x();
    case YRole:
        return row.rect.y();
    case WidthRole:
        return row.rect.width();
    case HeightRole:
        return row.rect.height();
    case ContainersRole:
        return containersVariant(row.containers);
    case VolumesRole:
        return volumesVariant(row.volumes);
    }
    return {};
}

QHash<int, QByteArray> PodModel::roleNames() const
{
    return {{KeyRole, "key"},
            {NameRole, "name"},
            {NamespaceRole, "namespace"},
            {NodeRole, "node"},
            {PhaseRole, "phase"},
            {StatusRole, "status"},
            {CategoryRole, "category"},
            {IpRole, "ip"},
            {HostNetworkRole, "hostNetwork"},
            {ReadyRole, "ready"},
            {RestartsRole, "restarts"},
            {OwnerKindRole, "ownerKind"},
            {OwnerShortRole, "ownerShort"},
            {OwnerNameRole, "ownerName"},
            {MessageRole, "message"},
            {PendingRole, "pending"},
            {XRole, "cardX"},
            {YRole, "cardY"},
            {WidthRole, "cardWidth"},
            {HeightRole, "cardHeight"},
            {ContainersRole, "containers"},
            {VolumesRole, "volumes"}};
}

} // namespace podscape
