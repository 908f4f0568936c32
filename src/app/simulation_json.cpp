#include "app/simulation_json.h"

#include "cluster/pod_status.h"
#include "sim/controllers/controller.h"
#include "sim/controllers/cron_schedule.h"
#include "sim/controllers/cronjob_controller.h"
#include "sim/controllers/job_controller.h"
#include "sim/kube_scheduler.h"
#include "sim/workload_status.h"

#include <QJsonArray>
#include <QStringList>

#include <cmath>

namespace podscape {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QJsonObject labelsJson(const Labels &labels)
{
    QJsonObject o;
    for (const auto &[k, v] : labels)
        o[qs(k)] = qs(v);
    return o;
}

QJsonObject resourcesJson(const ResourceList &list)
{
    QJsonObject o;
    for (const auto &[k, v] : list)
        o[qs(k)] = qs(v.toString());
    return o;
}

QJsonValue timeJson(double t)
{
    return std::round(t * 1000) / 1000;  // milliseconds are enough, and keep the text stable
}

bool isTerminal(const Pod &pod)
{
    return pod.status.phase == "Succeeded" || pod.status.phase == "Failed";
}

QJsonObject nodeJson(const Simulation &sim, const Node &node)
{
    QJsonObject o;
    o["name"] = qs(node.metadata.name);
    bool ready = false;
    for (const auto &c : node.status.conditions)
        ready = ready || (c.type == "Ready" && c.status == "True");
    o["ready"] = ready;
    o["unschedulable"] = node.spec.unschedulable;
    o["labels"] = labelsJson(node.metadata.labels);
    QJsonArray taints;
    for (const auto &t : node.spec.taints)
        taints.append(QJsonObject{{"key", qs(t.key)}, {"value", qs(t.value)}, {"effect", qs(t.effect)}});
    o["taints"] = taints;
    QJsonObject alloc;
    for (const char *r : {"cpu", "memory", "pods"})
        if (auto it = node.status.allocatable.find(r); it != node.status.allocatable.end())
            alloc[r] = qs(it->second.toString());
    o["allocatable"] = alloc;
    Quantity cpu, memory;
    QJsonArray pods;
    for (const auto &pod : sim.store().list<Pod>()) {
        if (pod->spec.nodeName != node.metadata.name)
            continue;
        pods.append(qs(pod->metadata.namespace_ + "/" + pod->metadata.name));
        if (isTerminal(*pod))
            continue;
        for (const auto &c : pod->spec.containers) {
            if (auto it = c.resources.requests.find("cpu"); it != c.resources.requests.end())
                cpu += it->second;
            if (auto it = c.resources.requests.find("memory"); it != c.resources.requests.end())
                memory += it->second;
        }
    }
    o["requested"] = QJsonObject{{"cpu", qs(cpu.toString())}, {"memory", qs(memory.toString())}};
    o["pods"] = pods;
    return o;
}

QJsonObject containerJson(const Container &c, const ContainerStatus *st)
{
    QJsonObject o;
    o["name"] = qs(c.name);
    o["image"] = qs(c.image);
    static const char *states[] = {"waiting", "running", "terminated"};
    o["state"] = st ? states[int(st->state.kind)] : "waiting";
    o["reason"] = st ? qs(st->state.reason) : QString();
    o["ready"] = st && st->ready;
    o["restarts"] = st ? st->restartCount : 0;
    o["requests"] = resourcesJson(c.resources.requests);
    o["limits"] = resourcesJson(c.resources.limits);
    if (st && st->state.kind == ContainerState::Kind::Terminated)
        o["exitCode"] = st->state.exitCode;
    return o;
}

QJsonArray containersJson(const std::vector<Container> &specs, const std::vector<ContainerStatus> &statuses)
{
    QJsonArray out;
    for (std::size_t i = 0; i < specs.size(); ++i)
        out.append(containerJson(specs[i], i < statuses.size() ? &statuses[i] : nullptr));
    return out;
}

QJsonValue schedulingJson(const SchedulingAttempt *attempt)
{
    if (!attempt)
        return QJsonValue::Null;
    QJsonArray nodes, victims;
    for (const auto &v : attempt->victims)
        victims.append(qs(v));
    for (const auto &v : attempt->nodes) {
        QJsonObject scores;
        for (const auto &[plugin, score] : v.scores())
            scores[QString::fromUtf8(plugin.data(), qsizetype(plugin.size()))] = qint64(score);
        QJsonArray reasons;
        for (const auto &r : v.reasons)
            reasons.append(qs(r));
        nodes.append(QJsonObject{{"node", qs(v.node)},
                                 {"verdict", v.passed ? QStringLiteral("pass") : qs(v.plugin)},
                                 {"reasons", reasons},
                                 {"scores", scores},
                                 {"total", qint64(v.total)}});
    }
    return QJsonObject{{"time", timeJson(attempt->time)},
                       {"selectedNode", attempt->selectedNode.empty() ? QJsonValue::Null : QJsonValue(qs(attempt->selectedNode))},
                       {"message", qs(attempt->message)},
                       {"evaluatedNodes", attempt->evaluatedNodes},
                       {"feasibleNodes", attempt->feasibleNodes},
                       {"omittedNodes", attempt->omittedNodes},
                       {"nominatedNode", attempt->nominatedNode.empty() ? QJsonValue::Null : QJsonValue(qs(attempt->nominatedNode))},
                       {"victims", victims},
                       {"nodes", nodes}};
}

QJsonObject podJson(const Simulation &sim, const Pod &pod)
{
    QJsonObject o;
    std::string key = pod.metadata.namespace_ + "/" + pod.metadata.name;
    o["namespace"] = qs(pod.metadata.namespace_);
    o["name"] = qs(pod.metadata.name);
    o["node"] = pod.spec.nodeName.empty() ? QJsonValue::Null : QJsonValue(qs(pod.spec.nodeName));
    o["phase"] = qs(pod.status.phase);
    o["status"] = qs(kubectlPodStatus(pod));
    o["reason"] = qs(pod.status.reason);
    const PodCondition *scheduled = findCondition(pod, "PodScheduled");
    o["message"] = qs(!pod.status.message.empty() ? pod.status.message
                      : scheduled && scheduled->status == "False" ? scheduled->message
                                                                   : std::string());
    o["ready"] = isPodReady(pod);
    o["readyContainers"] = qs(kubectlReadyColumn(pod));
    o["ip"] = pod.status.podIP.empty() ? QJsonValue::Null : QJsonValue(qs(pod.status.podIP));
    o["nominatedNode"] = pod.status.nominatedNodeName.empty() ? QJsonValue::Null : QJsonValue(qs(pod.status.nominatedNodeName));
    o["labels"] = labelsJson(pod.metadata.labels);
    const OwnerReference *owner = pod.metadata.controllerRef();
    o["owner"] = owner ? QJsonValue(QJsonObject{{"kind", qs(owner->kind)}, {"name", qs(owner->name)}}) : QJsonValue::Null;
    o["initContainers"] = containersJson(pod.spec.initContainers, pod.status.initContainerStatuses);
    o["containers"] = containersJson(pod.spec.containers, pod.status.containerStatuses);
    QJsonArray trace;
    for (const auto &t : sim.traces().trace(key))
        trace.append(QJsonObject{{"time", timeJson(t.time)}, {"component", qs(t.component)}, {"stage", qs(t.stage)},
                                 {"detail", qs(t.detail)}});
    o["trace"] = trace;
    o["scheduling"] = schedulingJson(sim.scheduler().lastAttempt(key));
    return o;
}

QJsonObject serviceJson(const Simulation &sim, const Service &svc)
{
    QJsonArray ports;
    for (const auto &p : svc.spec.ports) {
        QJsonObject port{{"name", qs(p.name)}, {"port", p.port}, {"protocol", qs(p.protocol)}};
        port["targetPort"] = p.targetPort.isString ? QJsonValue(qs(p.targetPort.stringValue)) : QJsonValue(p.targetPort.intValue);
        if (p.nodePort)
            port["nodePort"] = p.nodePort;
        ports.append(port);
    }
    ServiceEndpoints eps = sim.endpoints().endpointsOf(svc.metadata.namespace_, svc.metadata.name);
    QJsonArray ready, notReady;
    for (const auto &e : eps.ready)
        ready.append(qs(e));
    for (const auto &e : eps.notReady)
        notReady.append(qs(e));
    return QJsonObject{{"namespace", qs(svc.metadata.namespace_)},
                       {"name", qs(svc.metadata.name)},
                       {"type", qs(svc.spec.type)},
                       {"clusterIP", qs(svc.spec.clusterIP)},
                       {"ports", ports},
                       {"selector", svc.spec.selector ? QJsonValue(labelsJson(*svc.spec.selector)) : QJsonValue::Null},
                       {"dns", qs(svc.metadata.name + "." + svc.metadata.namespace_ + ".svc.cluster.local")},
                       {"endpoints", ready},
                       {"notReadyEndpoints", notReady}};
}

QJsonValue optionalTime(const std::optional<double> &t)
{
    return t ? timeJson(*t) : QJsonValue(QJsonValue::Null);
}

QJsonValue ownerJson(const Object &obj)
{
    const OwnerReference *ref = obj.metadata.controllerRef();
    return ref ? QJsonValue(QJsonObject{{"kind", qs(ref->kind)}, {"name", qs(ref->name)}}) : QJsonValue::Null;
}

// A Job with the status its controller keeps (times in virtual seconds, as everywhere).
QJsonObject jobJson(const Simulation &sim, const Job &job)
{
    const auto *jobs = sim.controllers().find<JobController>();
    const JobStatus *st = jobs ? jobs->statusOf(job.metadata.namespace_, job.metadata.name) : nullptr;
    if (st && st->uid != job.metadata.uid)
        st = nullptr;
    const JobStatus none;
    const JobStatus &s = st ? *st : none;
    QJsonArray conditions;
    for (const auto &c : s.conditions)
        conditions.append(QJsonObject{{"type", qs(c.type)},
                                      {"status", qs(c.status)},
                                      {"reason", qs(c.reason)},
                                      {"message", qs(c.message)},
                                      {"lastTransitionTime", timeJson(c.lastTransitionTime)}});
    const JobSpec &spec = job.spec;
    return QJsonObject{{"namespace", qs(job.metadata.namespace_)},
                       {"name", qs(job.metadata.name)},
                       {"completions", spec.completions ? QJsonValue(*spec.completions) : QJsonValue::Null},
                       {"parallelism", spec.parallelism ? QJsonValue(*spec.parallelism) : QJsonValue::Null},
                       {"completionMode", qs(spec.completionMode)},
                       {"suspend", spec.suspend},
                       {"active", s.active},
                       {"ready", s.ready},
                       {"terminating", s.terminating},
                       {"succeeded", s.succeeded},
                       {"failed", s.failed},
                       {"completedIndexes", qs(s.completedIndexes)},
                       {"startTime", optionalTime(s.startTime)},
                       {"completionTime", optionalTime(s.completionTime)},
                       {"conditions", conditions},
                       {"owner", ownerJson(job)}};
}

QJsonObject cronJobJson(const Simulation &sim, const CronJob &cj)
{
    const auto *cronJobs = sim.controllers().find<CronJobController>();
    const CronJobStatus *st = cronJobs ? cronJobs->statusOf(cj.metadata.namespace_, cj.metadata.name) : nullptr;
    if (st && st->uid != cj.metadata.uid)
        st = nullptr;
    QJsonArray active;
    if (st)
        for (const auto &ref : st->active)
            active.append(qs(ref.namespace_ + "/" + ref.name));
    return QJsonObject{{"namespace", qs(cj.metadata.namespace_)},
                       {"name", qs(cj.metadata.name)},
                       {"schedule", qs(cj.spec.schedule)},
                       {"timeZone", cj.spec.timeZone ? QJsonValue(qs(*cj.spec.timeZone)) : QJsonValue::Null},
                       {"suspend", cj.spec.suspend},
                       {"concurrencyPolicy", qs(cj.spec.concurrencyPolicy)},
                       {"active", active},
                       {"lastScheduleTime", optionalTime(st ? st->lastScheduleTime : std::nullopt)},
                       {"lastSuccessfulTime", optionalTime(st ? st->lastSuccessfulTime : std::nullopt)}};
}

QJsonObject eventJson(const Event &e)
{
    return QJsonObject{{"time", timeJson(e.time)}, {"type", qs(e.type)}, {"reason", qs(e.reason)},
                       {"object", qs(e.object.str())}, {"message", qs(e.message)}, {"source", qs(e.source)}};
}

QJsonArray workloadsJson(const Simulation &sim)
{
    QJsonArray out;
    for (const auto &w : workloadStatuses(sim))
        out.append(QJsonObject{{"kind", qs(w.kind)},      {"namespace", qs(w.namespace_)}, {"name", qs(w.name)},
                               {"desired", w.desired},     {"current", w.current},          {"ready", w.ready},
                               {"upToDate", w.upToDate},   {"available", w.available},      {"terminating", w.terminating}});
    return out;
}

QJsonArray autoscalersJson(const Simulation &sim)
{
    QJsonArray out;
    for (const auto &a : autoscalerStatuses(sim))
        out.append(QJsonObject{{"namespace", qs(a.namespace_)}, {"name", qs(a.name)},       {"reference", qs(a.reference)},
                               {"targets", qs(a.targets)},      {"minPods", a.minPods},      {"maxPods", a.maxPods},
                               {"replicas", a.replicas}});
    return out;
}

QJsonObject evictionJson(const EvictionRecord &r)
{
    QJsonObject o{{"time", timeJson(r.time)},
                  {"pod", qs(r.pod)},
                  {"to", r.to ? QJsonValue(qs(*r.to)) : QJsonValue::Null},
                  {"allowed", r.allowed},
                  {"message", qs(r.message)},
                  {"controller", r.controller.empty() ? QJsonValue::Null : QJsonValue(qs(r.controller))}};
    if (!r.reason.empty())
        o["reason"] = qs(r.reason);
    if (!r.cause.empty())
        o["cause"] = qs(r.cause);
    return o;
}

// As `kubectl get pdb` lists them, with the status the disruption controller keeps.
QJsonObject budgetJson(const PodDisruptionBudget &pdb)
{
    auto intOrString = [](const std::optional<IntOrString> &v) {
        return !v ? QJsonValue::Null : v->isString ? QJsonValue(qs(v->stringValue)) : QJsonValue(v->intValue);
    };
    const auto &s = pdb.status;
    return QJsonObject{{"namespace", qs(pdb.metadata.namespace_)},
                       {"name", qs(pdb.metadata.name)},
                       {"minAvailable", intOrString(pdb.spec.minAvailable)},
                       {"maxUnavailable", intOrString(pdb.spec.maxUnavailable)},
                       {"expectedPods", s.expectedPods},
                       {"desiredHealthy", s.desiredHealthy},
                       {"currentHealthy", s.currentHealthy},
                       {"disruptionsAllowed", s.disruptionsAllowed}};
}

}  // namespace

QJsonObject simulationToJson(const SimulationReport &report)
{
    const Simulation &sim = report.sim;
    QJsonArray nodes, pods, services, claims, jobs, cronJobs, events, rejected, errors;
    for (const auto &n : sim.store().list<Node>())
        nodes.append(nodeJson(sim, *n));
    for (const auto &p : sim.store().list<Pod>())
        pods.append(podJson(sim, *p));
    for (const auto &s : sim.store().list<Service>())
        services.append(serviceJson(sim, *s));
    for (const auto &c : sim.store().list<PersistentVolumeClaim>())
        claims.append(QJsonObject{{"namespace", qs(c->metadata.namespace_)},
                                  {"name", qs(c->metadata.name)},
                                  {"phase", qs(c->phase)},
                                  {"volume", c->spec.volumeName.empty() ? QJsonValue::Null : QJsonValue(qs(c->spec.volumeName))},
                                  {"storageClass", c->spec.storageClassName ? QJsonValue(qs(*c->spec.storageClassName))
                                                                            : QJsonValue::Null}});
    for (const auto &j : sim.store().list<Job>())
        jobs.append(jobJson(sim, *j));
    for (const auto &c : sim.store().list<CronJob>())
        cronJobs.append(cronJobJson(sim, *c));
    for (const auto &e : sim.events().events())
        events.append(eventJson(e));
    for (const auto &r : sim.rejected())
        rejected.append(QJsonObject{{"kind", qs(r.kind)},
                                    {"namespace", qs(r.namespace_)},
                                    {"name", qs(r.name)},
                                    {"file", qs(r.source.file)},
                                    {"line", r.source.line},
                                    {"message", qs(r.message)}});
    for (const auto &e : report.errors)
        errors.append(qs(e.toString()));
    QJsonArray evictions, kubectl, budgets;
    for (const auto &r : sim.evictions())
        evictions.append(evictionJson(r));
    for (const auto &line : sim.kubectlOutput())
        kubectl.append(QJsonObject{{"time", timeJson(line.time)}, {"line", qs(line.text)}, {"stderr", line.error}});
    for (const auto &pdb : sim.store().list<PodDisruptionBudget>())
        budgets.append(budgetJson(*pdb));
    // epoch: the date virtual time 0 stands for (CronJob schedules use it).
    return QJsonObject{{"time", timeJson(sim.now())},
                       {"epoch", qs(formatRfc3339(kVirtualEpochUnixSeconds, *TimeZone::utc()))},
                       {"nodes", nodes},
                       {"pods", pods},
                       {"services", services},
                       {"persistentVolumeClaims", claims},
                       {"jobs", jobs},
                       {"cronJobs", cronJobs},
                       {"events", events},
                       {"rejected", rejected},
                       {"evictions", evictions},
                       {"kubectl", kubectl},
                       {"podDisruptionBudgets", budgets},
                       {"errors", errors},
                       {"workloads", workloadsJson(sim)},
                       {"horizontalPodAutoscalers", autoscalersJson(sim)}};
}

QString humanDuration(double seconds)
{
    long long s = static_cast<long long>(seconds);
    if (s < 0)
        return QStringLiteral("<invalid>");
    if (s < 120)
        return QStringLiteral("%1s").arg(s);
    long long m = s / 60;
    if (m < 10)
        return s % 60 ? QStringLiteral("%1m%2s").arg(m).arg(s % 60) : QStringLiteral("%1m").arg(m);
    if (m < 180)
        return QStringLiteral("%1m").arg(m);
    long long h = s / 3600;
    if (h < 8)
        return m % 60 ? QStringLiteral("%1h%2m").arg(h).arg(m % 60) : QStringLiteral("%1h").arg(h);
    if (h < 48)
        return QStringLiteral("%1h").arg(h);
    return QStringLiteral("%1d").arg(h / 24);
}

namespace {

QString table(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const auto &row : rows)
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], int(row[i].size()));
        }
    QString out;
    for (const auto &row : rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 3) : row[i];
        out += line.trimmed() + '\n';
    }
    return out;
}

}  // namespace

QString simulationToText(const SimulationReport &report)
{
    const Simulation &sim = report.sim;
    QList<QStringList> eventRows{{"TIME", "TYPE", "REASON", "OBJECT", "MESSAGE"}};
    for (const auto &e : sim.events().events())
        eventRows.append({QString::number(e.time, 'f', 3) + "s", qs(e.type), qs(e.reason), qs(e.object.str()), qs(e.message)});
    QList<QStringList> podRows{{"NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE",
                                "READINESS GATES"}};
    for (const auto &p : sim.store().list<Pod>()) {
        double age = sim.now() - p->metadata.creationTimestamp.value_or(sim.now());
        podRows.append({qs(p->metadata.namespace_), qs(p->metadata.name), qs(kubectlReadyColumn(*p)),
                        qs(kubectlPodStatus(*p)), QString::number(totalRestarts(*p)), humanDuration(age),
                        p->status.podIP.empty() ? "<none>" : qs(p->status.podIP),
                        p->spec.nodeName.empty() ? "<none>" : qs(p->spec.nodeName),
                        p->status.nominatedNodeName.empty() ? "<none>" : qs(p->status.nominatedNodeName), "<none>"});
    }
    QString out = table(eventRows) + '\n' + table(podRows);
    // What kubectl printed for the actions (drain), and each eviction the Eviction API refused,
    // in kubectl's words.
    if (!sim.kubectlOutput().empty())
        out += '\n';
    for (const auto &line : sim.kubectlOutput())
        out += QString::number(line.time, 'f', 3) + "s   " + qs(line.text) + '\n';
    for (const auto &e : sim.evictions())
        if (!e.allowed)
            out += QStringLiteral("\nerror when evicting pods/\"%1\" at %2s: %3%4")
                       .arg(qs(e.pod.substr(e.pod.find('/') + 1)), QString::number(e.time, 'f', 3), qs(e.message),
                            e.cause.empty() ? QString() : " (" + qs(e.cause) + ")");
    for (const auto &r : sim.rejected())
        out += QStringLiteral("\nError from server: error when creating \"%1\": %2").arg(qs(r.source.file), qs(r.message));
    for (const auto &e : report.errors)
        out += '\n' + qs(e.toString());
    return out.endsWith('\n') ? out : out + '\n';
}

}  // namespace podscape
