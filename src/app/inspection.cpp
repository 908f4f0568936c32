#include "app/inspection.h"

#include "app/service_model.h"
#include "cluster/pod_status.h"
#include "manifest/yaml_emitter.h"
#include "manifest/yaml_tree.h"
#include "sim/kube_scheduler.h"
#include "sim/simulation.h"

namespace podscape {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// One condition as the inspector lists it; `healthy` is whether its status is the good one.
template <typename Condition> QVariantMap conditionVariant(const Condition &c, bool healthy)
{
    return {{"type", qs(c.type)},       {"status", qs(c.status)},       {"reason", qs(c.reason)},
            {"message", qs(c.message)}, {"time", c.lastTransitionTime}, {"healthy", healthy}};
}

QVariantList conditionsVariant(const Pod &pod)
{
    QVariantList out;
    for (const auto &c : pod.status.conditions)
        out.append(conditionVariant(c, c.status == "True"));
    return out;
}

QVariantMap schedulingVariant(const SchedulingAttempt &attempt)
{
    QVariantList nodes;
    for (const auto &v : attempt.nodes) {
        QStringList reasons;
        for (const auto &r : v.reasons)
            reasons.append(qs(r));
        nodes.append(QVariantMap{{"node", qs(v.node)},
                                 {"passed", v.passed},
                                 {"plugin", qs(v.plugin)},
                                 {"reasons", reasons.join(QStringLiteral("; "))},
                                 {"score", qint64(v.total)},
                                 {"selected", v.node == attempt.selectedNode}});
    }
    return {{"time", attempt.time},
            {"selectedNode", qs(attempt.selectedNode)},
            {"message", qs(attempt.message)},
            {"evaluatedNodes", attempt.evaluatedNodes},
            {"feasibleNodes", attempt.feasibleNodes},
            {"nodes", nodes}};
}

QVariantList traceVariant(const std::vector<TraceEntry> &trace)
{
    QVariantList out;
    for (const auto &t : trace)
        out.append(QVariantMap{
            {"time", t.time}, {"component", qs(t.component)}, {"stage", qs(t.stage)}, {"detail", qs(t.detail)}});
    return out;
}

QString sourceText(const Object &obj)
{
    return QStringLiteral("%1:%2").arg(qs(obj.source.file)).arg(obj.source.line);
}

// The manifest as the user wrote it; a Secret's values never leave the loader unmasked.
QString manifestYaml(const Object &obj)
{
    if (!obj.document)
        return {};
    yaml::EmitOptions options;
    options.maskSecretValues = obj.kind == "Secret";
    return qs(yaml::toYaml(obj.node ? obj.node : obj.document->root, options));
}

// Objects the controllers create (a Deployment's ReplicaSet, its pods) have no manifest of their
// own: they come from the template of the first owner up the chain that was written in a file.
ObjectPtr writtenAncestor(const Simulation &sim, const Object &obj)
{
    const Object *current = &obj;
    ObjectPtr holder;
    for (int depth = 0; depth < 4; ++depth) {
        const OwnerReference *owner = current->metadata.controllerRef();
        if (!owner)
            return {};
        holder = sim.store().get(owner->kind, current->metadata.namespace_, owner->name);
        if (!holder)
            return {};
        if (holder->document)
            return holder;
        current = holder.get();
    }
    return {};
}

// The YAML keys of the inspector: the object's own manifest, or its template's owner.
void insertManifest(QVariantMap &m, const Simulation &sim, const Object &obj)
{
    if (obj.document) {
        m.insert("yaml", manifestYaml(obj));
        if (obj.source.isKnown())
            m.insert("source", sourceText(obj));
        return;
    }
    if (ObjectPtr ancestor = writtenAncestor(sim, obj)) {
        m.insert("yaml", manifestYaml(*ancestor));
        m.insert("yamlFrom", qs(ancestor->kind) + '/' + qs(ancestor->metadata.name));
        if (ancestor->source.isKnown())
            m.insert("templateSource", sourceText(*ancestor));
    }
}

// The object's last events, newest last, as `kubectl describe` lists them. Only the recent end of
// the log is read: an inspector that is open while a large cluster plays must stay cheap.
QVariantList eventsOf(const Simulation &sim, const std::string &kind, const std::string &ns, const std::string &name)
{
    constexpr std::size_t kScanned = 20000;
    constexpr int kShown = 25;
    const auto &events = sim.events().events();
    QVariantList out;
    std::size_t stop = events.size() > kScanned ? events.size() - kScanned : 0;
    for (std::size_t i = events.size(); i > stop && out.size() < kShown; --i) {
        if (!events.involves(i - 1, kind, ns, name))
            continue;
        const Event e = events[i - 1];
        out.prepend(QVariantMap{{"time", e.time},
                                {"type", qs(e.type)},
                                {"reason", qs(e.reason)},
                                {"from", qs(e.source)},
                                {"message", qs(e.message)}});
    }
    return out;
}

QVariantList containersVariant(const PodRow &row)
{
    QVariantList out;
    for (const auto &c : row.containers)
        out.append(QVariantMap{{"name", c.name},
                               {"kind", c.kind},
                               {"state", c.state},
                               {"reason", c.reason},
                               {"image", c.image},
                               {"ports", c.ports},
                               {"ready", c.ready},
                               {"restarts", c.restarts}});
    return out;
}

QVariantList volumesVariant(const PodRow &row)
{
    QVariantList out;
    for (const auto &v : row.volumes) {
        QStringList mounts;
        for (const auto &mount : v.mounts)
            mounts.append(mount.container + QStringLiteral(" → ") + mount.mountPath +
                          (mount.readOnly ? QStringLiteral(" (ro)") : QString()));
        out.append(QVariantMap{{"name", v.name}, {"type", v.type}, {"source", v.source}, {"mounts", mounts}});
    }
    return out;
}

std::pair<std::string, std::string> splitKey(const QString &key)
{
    int slash = key.indexOf('/');
    if (slash < 0)
        return {{}, key.toStdString()};
    return {key.left(slash).toStdString(), key.mid(slash + 1).toStdString()};
}

} // namespace

QVariantMap inspectNode(const Simulation &sim, const NodeModel &nodes, const PodModel &podModel, const QString &name)
{
    auto node = sim.store().get<Node>({}, name.toStdString());
    if (!node)
        return {{"kind", "Node"}, {"key", name}, {"gone", true}};
    const NodeRow *row = nodes.find(name);
    QStringList labels, addresses, pods;
    for (const auto &[k, v] : node->metadata.labels)
        labels.append(qs(k) + '=' + qs(v));
    for (const auto &a : node->status.addresses)
        addresses.append(qs(a.type) + ' ' + qs(a.address));
    QStringList podKeys;
    for (const auto &p : podModel.rows())
        if (p.node == name) {
            pods.append(p.name);
            podKeys.append(p.key);
        }
    QVariantList conditions;
    for (const auto &c : node->status.conditions)
        // Ready should be True; the pressure conditions should not.
        conditions.append(conditionVariant(c, (c.status == "True") == (c.type == "Ready")));
    QVariantMap out{{"kind", "Node"},
                    {"key", name},
                    {"name", name},
                    {"status", row ? row->status : QString()},
                    {"roles", row ? row->roles : QString()},
                    {"cpu", row ? row->cpuText : QString()},
                    {"memory", row ? row->memoryText : QString()},
                    {"podCIDR", qs(node->spec.podCIDR)},
                    {"kubeletVersion", qs(node->status.kubeletVersion)},
                    {"taints", row ? row->taints : QStringList()},
                    {"labels", labels},
                    {"addresses", addresses},
                    {"pods", pods},
                    {"podKeys", podKeys},
                    {"conditions", conditions},
                    {"events", eventsOf(sim, "Node", {}, node->metadata.name)}};
    insertManifest(out, sim, *node);
    return out;
}

QVariantMap inspectPod(const Simulation &sim, const PodModel &pods, const QString &key)
{
    if (!key.contains('/'))
        return {};
    auto [ns, name] = splitKey(key);
    auto pod = sim.store().get<Pod>(ns, name);
    if (!pod)
        return {{"kind", "Pod"}, {"key", key}, {"gone", true}};
    QVariantMap m{{"kind", "Pod"},
                  {"key", key},
                  {"name", qs(pod->metadata.name)},
                  {"namespace", qs(pod->metadata.namespace_)},
                  {"node", qs(pod->spec.nodeName)},
                  {"phase", qs(pod->status.phase)},
                  {"status", qs(kubectlPodStatus(*pod))},
                  {"ready", qs(kubectlReadyColumn(*pod))},
                  {"ip", qs(pod->status.podIP)},
                  {"hostIP", qs(pod->status.hostIP)},
                  {"qosClass", qs(pod->status.qosClass)},
                  {"created", pod->metadata.creationTimestamp.value_or(0)},
                  {"conditions", conditionsVariant(*pod)},
                  {"trace", traceVariant(sim.traces().trace(key.toStdString()))}};
    if (const OwnerReference *owner = pod->metadata.controllerRef())
        m.insert("owner", qs(owner->kind) + '/' + qs(owner->name));
    if (const PodRow *row = pods.find(key)) {
        m.insert("containers", containersVariant(*row));
        m.insert("volumes", volumesVariant(*row));
        if (row->hostNetwork)
            m.insert("hostNetwork", true);
    }
    m.insert("events", eventsOf(sim, "Pod", ns, name));
    insertManifest(m, sim, *pod);
    if (const SchedulingAttempt *attempt = sim.scheduler().lastAttempt(key.toStdString()))
        m.insert("scheduling", schedulingVariant(*attempt));
    return m;
}

} // namespace podscape

namespace podscape {

QVariantMap inspectService(const Simulation &sim, const ServiceModel &services, const QString &key)
{
    auto [ns, name] = splitKey(key);
    auto service = sim.store().get<Service>(ns, name);
    const ServiceRow *row = services.find(key);
    if (!service || !row)
        return {{"kind", "Service"}, {"key", key}, {"gone", true}};
    QStringList ready, notReady;
    for (const auto &e : row->endpoints)
        (e.ready ? ready : notReady).append(e.address);
    QVariantMap m{{"kind", "Service"},
                  {"key", key},
                  {"name", row->name},
                  {"namespace", row->namespace_},
                  {"type", row->type},
                  {"clusterIP", row->clusterIP},
                  {"ports", row->ports},
                  {"selector", row->selector},
                  {"dns", row->dns},
                  {"endpoints", ready},
                  {"notReadyEndpoints", notReady},
                  {"pods", row->backingPods},
                  {"events", eventsOf(sim, "Service", ns, name)}};
    insertManifest(m, sim, *service);
    return m;
}

QVariantMap inspectObject(const Simulation &sim, const QString &kind, const QString &key)
{
    auto [ns, name] = splitKey(key);
    ObjectPtr obj = sim.store().get(kind.toStdString(), ns, name);
    if (!obj)
        return {{"kind", kind}, {"key", key}, {"gone", true}};
    QVariantMap m{{"kind", kind},
                  {"key", key},
                  {"name", qs(obj->metadata.name)},
                  {"namespace", qs(obj->metadata.namespace_)},
                  {"created", obj->metadata.creationTimestamp.value_or(0)},
                  {"events", eventsOf(sim, obj->kind, ns, name)}};
    if (const OwnerReference *owner = obj->metadata.controllerRef())
        m.insert("owner", qs(owner->kind) + '/' + qs(owner->name));
    insertManifest(m, sim, *obj);
    return m;
}

} // namespace podscape
