// Before any Qt header: the scheduler's framework names a variable `slots`, a Qt keyword macro.
#include "sim/scheduler/framework.h"

#include "app/node_model.h"

#include "cluster/api/core.h"

#include <map>

namespace podscape {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Up to two decimals, no trailing zeros: 4, 1.5, 0.26.
QString shortNumber(double value)
{
    QString text = QString::number(value, 'f', 2);
    while (text.contains('.') && (text.endsWith('0') || text.endsWith('.')))
        text.chop(1);
    return text;
}

QString cpuText(qint64 requested, qint64 allocatable)
{
    return QStringLiteral("%1 / %2").arg(shortNumber(requested / 1000.0), shortNumber(allocatable / 1000.0));
}

// Memory in the binary units kubectl users read: 208Mi, 7.5Gi.
QString bytesText(qint64 bytes)
{
    constexpr double Mi = 1024.0 * 1024, Gi = Mi * 1024;
    if (bytes >= Gi)
        return shortNumber(bytes / Gi) + QStringLiteral("Gi");
    return shortNumber(bytes / Mi) + QStringLiteral("Mi");
}

bool isTerminal(const Pod &pod)
{
    return pod.status.phase == "Succeeded" || pod.status.phase == "Failed";
}

// kubectl get nodes: ROLES from the node-role.kubernetes.io/<role> labels.
QString rolesOf(const Node &node)
{
    static const std::string prefix = "node-role.kubernetes.io/";
    QStringList roles;
    for (const auto &[key, value] : node.metadata.labels)
        if (key.rfind(prefix, 0) == 0 && key.size() > prefix.size())
            roles.append(qs(key.substr(prefix.size())));
    return roles.isEmpty() ? QStringLiteral("<none>") : roles.join(',');
}

bool isReady(const Node &node)
{
    for (const auto &c : node.status.conditions)
        if (c.type == "Ready")
            return c.status == "True";
    return false;
}

// kubectl get nodes: STATUS.
QString statusOf(const Node &node)
{
    QString status = isReady(node) ? QStringLiteral("Ready") : QStringLiteral("NotReady");
    return node.spec.unschedulable ? status + QStringLiteral(",SchedulingDisabled") : status;
}

QStringList taintsOf(const Node &node)
{
    QStringList out;
    for (const auto &t : node.spec.taints)
        out.append(qs(t.key) + (t.value.empty() ? QString() : '=' + qs(t.value)) + ':' + qs(t.effect));
    return out;
}

qint64 allocatable(const Node &node, const char *resource, bool milli)
{
    auto it = node.status.allocatable.find(resource);
    if (it == node.status.allocatable.end())
        return 0;
    return milli ? it->second.milliValue() : it->second.value();
}

QString internalIP(const Node &node)
{
    for (const auto &a : node.status.addresses)
        if (a.type == "InternalIP")
            return qs(a.address);
    return {};
}

struct Usage {
    qint64 cpu = 0;
    qint64 memory = 0;
    int pods = 0;
};

// What the scheduler counts against each node: the requests of the pods bound to it that have
// not finished.
std::map<std::string, Usage> usageByNode(const std::vector<std::shared_ptr<Pod>> &pods)
{
    std::map<std::string, Usage> usage;
    for (const auto &pod : pods) {
        if (pod->spec.nodeName.empty() || isTerminal(*pod))
            continue;
        Usage &u = usage[pod->spec.nodeName];
        u.cpu += sched::podRequest(*pod, "cpu", false);
        u.memory += sched::podRequest(*pod, "memory", false);
        ++u.pods;
    }
    return usage;
}

NodeRow nodeRow(const Node &node, const Usage &usage, const ClusterLayout &layout)
{
    NodeRow row;
    row.key = qs(node.metadata.name);
    row.roles = rolesOf(node);
    row.status = statusOf(node);
    row.ready = isReady(node);
    row.unschedulable = node.spec.unschedulable;
    row.internalIP = internalIP(node);
    row.taints = taintsOf(node);
    row.cpuRequested = usage.cpu;
    row.cpuAllocatable = allocatable(node, "cpu", true);
    row.cpuText = cpuText(row.cpuRequested, row.cpuAllocatable);
    row.memoryRequested = usage.memory;
    row.memoryAllocatable = allocatable(node, "memory", false);
    row.memoryText = bytesText(row.memoryRequested) + QStringLiteral(" / ") + bytesText(row.memoryAllocatable);
    row.podCount = usage.pods;
    row.podCapacity = int(allocatable(node, "pods", false));
    row.rect = layout.nodeRect(row.key);
    return row;
}

} // namespace

void NodeModel::refresh(const std::vector<std::shared_ptr<Node>> &nodes, const std::vector<std::shared_ptr<Pod>> &pods,
                        const ClusterLayout &layout)
{
    std::map<std::string, Usage> usage = usageByNode(pods);
    std::vector<NodeRow> next;
    for (const auto &node : nodes)
        next.push_back(nodeRow(*node, usage[node->metadata.name], layout));
    syncRows(rows_, std::move(next));
}

const NodeRow *NodeModel::find(const QString &name) const
{
    return findRow(rows_, name);
}

int NodeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant NodeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NodeRow &row = rows_[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.key;
    case RolesRole:
        return row.roles;
    case StatusRole:
        return row.status;
    case ReadyRole:
        return row.ready;
    case UnschedulableRole:
        return row.unschedulable;
    case InternalIpRole:
        return row.internalIP;
    case TaintsRole:
        return row.taints;
    case CpuRequestedRole:
        return row.cpuRequested;
    case CpuAllocatableRole:
        return row.cpuAllocatable;
    case CpuTextRole:
        return row.cpuText;
    case MemoryRequestedRole:
        return row.memoryRequested;
    case MemoryAllocatableRole:
        return row.memoryAllocatable;
    case MemoryTextRole:
        return row.memoryText;
    case PodCountRole:
        return row.podCount;
    case PodCapacityRole:
        return row.podCapacity;
    case XRole:
        return row.rect.x();
    case YRole:
        return row.rect.y();
    case WidthRole:
        return row.rect.width();
    case HeightRole:
        return row.rect.height();
    }
    return {};
}

QHash<int, QByteArray> NodeModel::roleNames() const
{
    return {{NameRole, "name"},
            {RolesRole, "roles"},
            {StatusRole, "status"},
            {ReadyRole, "ready"},
            {UnschedulableRole, "unschedulable"},
            {InternalIpRole, "internalIP"},
            {TaintsRole, "taints"},
            {CpuRequestedRole, "cpuRequested"},
            {CpuAllocatableRole, "cpuAllocatable"},
            {CpuTextRole, "cpuText"},
            {MemoryRequestedRole, "memoryRequested"},
            {MemoryAllocatableRole, "memoryAllocatable"},
            {MemoryTextRole, "memoryText"},
            {PodCountRole, "podCount"},
            {PodCapacityRole, "podCapacity"},
            {XRole, "cardX"},
            {YRole, "cardY"},
            {WidthRole, "cardWidth"},
            {HeightRole, "cardHeight"}};
}

} // namespace podscape
