#include "app/inspection.h"

#include "cluster/pod_status.h"
#include "sim/kube_scheduler.h"
#include "sim/simulation.h"

namespace podscape {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QVariantList conditionsVariant(const Pod &pod)
{
    QVariantList out;
    for (const auto &c : pod.status.conditions)
        out.append(QVariantMap{{"type", qs(c.type)},
                               {"status", qs(c.status)},
                               {"reason", qs(c.reason)},
                               {"message", qs(c.message)},
                               {"time", c.lastTransitionTime},
                               {"healthy", c.status == "True"}});
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
    for (const auto &p : podModel.rows())
        if (p.node == name)
            pods.append(p.name);
    QVariantList conditions;
    for (const auto &c : node->status.conditions)
        // Ready should be True; the pressure conditions should not.
        conditions.append(QVariantMap{{"type", qs(c.type)},
                                      {"status", qs(c.status)},
                                      {"reason", qs(c.reason)},
                                      {"message", qs(c.message)},
                                      {"time", c.lastTransitionTime},
                                      {"healthy", (c.status == "True") == (c.type == "Ready")}});
    return {{"kind", "Node"},
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
            {"conditions", conditions}};
}

QVariantMap inspectPod(const Simulation &sim, const QString &key)
{
    int slash = key.indexOf('/');
    if (slash < 0)
        return {};
    auto pod = sim.store().get<Pod>(key.left(slash).toStdString(), key.mid(slash + 1).toStdString());
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
    if (pod->source.isKnown())
        m.insert("source", QStringLiteral("%1:%2").arg(qs(pod->source.file)).arg(pod->source.line));
    if (const SchedulingAttempt *attempt = sim.scheduler().lastAttempt(key.toStdString()))
        m.insert("scheduling", schedulingVariant(*attempt));
    return m;
}

} // namespace podscape
