// Properties of the simulation under random disruption (fixed seeds): random Deployments, budgets
// and a DaemonSet on the default cluster, then random evictions (with and without a target node),
// node operations, container kills and scaling. After every step no node is overcommitted, no pod
// is bound twice, every ready endpoint is a Ready pod the Service selects, nothing that was not
// deleted is lost, and the same seed gives the same history.
#include "cluster/pod_status.h"
#include "test_support.h"

#include <QtTest>

#include <random>

using namespace podscape;
using podscape::testing::loadYaml;

namespace {

struct RandomRun {
    std::mt19937 rng;
    Simulation sim;
    std::vector<std::string> apps;

    explicit RandomRun(unsigned seed) : rng(seed)
    {
        std::string yaml;
        const int count = 2 + int(rng() % 3);
        for (int i = 0; i < count; ++i) {
            std::string app = "app-" + std::to_string(i);
            apps.push_back(app);
            yaml += "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + app +
                    "}\nspec:\n  replicas: " + std::to_string(1 + rng() % 6) +
                    "\n  selector: {matchLabels: {app: " + app +
                    "}}\n  template:\n    metadata: {labels: {app: " + app +
                    "}}\n    spec: {containers: [{name: c, image: nginx:1.27, ports: [{containerPort: 80}], "
                    "resources: {requests: {cpu: " +
                    std::to_string(100 * (1 + rng() % 12)) + "m, memory: 256Mi}}}]}\n---\n";
            yaml += "apiVersion: v1\nkind: Service\nmetadata: {name: " + app + "}\nspec: {selector: {app: " + app +
                    "}, ports: [{port: 80}]}\n---\n";
            if (rng() % 2)
                yaml += "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: " + app +
                        "}\nspec: {minAvailable: 1, selector: {matchLabels: {app: " + app + "}}}\n---\n";
        }
        yaml += "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: "
                "{app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec: {containers: [{name: a, "
                "image: busybox, command: [sleep, infinity], resources: {requests: {cpu: 50m}}}]}\n";
        sim.start(loadYaml(yaml));
    }

    template <typename T> const T &pick(const std::vector<T> &v) { return v[rng() % v.size()]; }

    std::vector<std::string> nodeNames() const
    {
        std::vector<std::string> out;
        for (const auto &n : sim.store().list<Node>())
            out.push_back(n->metadata.name);
        return out;
    }

    // One random user operation, as the actions file and the GUI offer them.
    void randomAction()
    {
        auto pods = sim.store().list<Pod>("default");
        auto nodes = nodeNames();
        switch (rng() % 8) {
        case 0:
        case 1:
            if (!pods.empty()) {
                const auto &p = pick(pods);
                std::optional<std::string> to;
                if (rng() % 2)
                    to = pick(nodes);
                sim.evict(p->metadata.namespace_, p->metadata.name, to);
            }
            break;
        case 2: {
            static const std::vector<std::string> actions{"cordon", "uncordon", "drain", "fail", "recover"};
            const std::string action = pick(actions), node = pick(nodes);
            if (action == "cordon")
                sim.cordonNode(node);
            else if (action == "uncordon")
                sim.uncordonNode(node);
            else if (action == "drain")
                sim.drainNode(node);
            else if (action == "fail")
                sim.failNode(node);
            else
                sim.recoverNode(node);
            break;
        }
        case 3:
            if (!pods.empty())
                sim.killContainer("default", pick(pods)->metadata.name, "");
            break;
        case 4:
            sim.scale("Deployment", "default", pick(apps), int(rng() % 8));
            break;
        case 5:
            if (rng() % 4 == 0)
                sim.addNode();
            else if (rng() % 4 == 0 && nodes.size() > 2)
                sim.removeNode(pick(nodes));
            break;
        default:
            break; // time passes
        }
    }
};

std::int64_t cpuRequest(const Pod &pod)
{
    std::int64_t m = 0;
    for (const auto &c : pod.spec.containers)
        if (auto it = c.resources.requests.find("cpu"); it != c.resources.requests.end())
            m += it->second.milliValue();
    return m;
}

bool selects(const Service &svc, const Pod &pod)
{
    if (!svc.spec.selector || svc.spec.selector->empty())
        return false;
    for (const auto &[k, v] : *svc.spec.selector) {
        auto it = pod.metadata.labels.find(k);
        if (it == pod.metadata.labels.end() || it->second != v)
            return false;
    }
    return true;
}

// The endpoints controller follows a pod's readiness within a second (its work queue and the
// API round trip), as in Kubernetes: a pod that just turned unready or started terminating may
// still be listed for that long.
bool justChanged(const Pod &pod, double now)
{
    constexpr double kEndpointsLag = 1.0;
    const PodCondition *ready = findCondition(pod, "Ready");
    if (ready && ready->lastTransitionTime > now - kEndpointsLag)
        return true;
    const auto &deleted = pod.metadata.deletionTimestamp;
    return deleted && *deleted - double(pod.metadata.deletionGracePeriodSeconds.value_or(0)) > now - kEndpointsLag;
}

// The invariants after a step; returns the first violation.
QString violation(const Simulation &sim)
{
    std::map<std::string, std::int64_t> cpu;
    std::map<std::string, int> count;
    std::set<std::string> uids;
    for (const auto &p : sim.store().list<Pod>()) {
        if (!uids.insert(p->metadata.uid).second)
            return "pod uid twice: " + QString::fromStdString(p->metadata.name);
        const bool terminal = p->status.phase == "Succeeded" || p->status.phase == "Failed";
        if (!p->spec.nodeName.empty() && !terminal) {
            cpu[p->spec.nodeName] += cpuRequest(*p);
            ++count[p->spec.nodeName];
        }
    }
    for (const auto &n : sim.store().list<Node>()) {
        const std::int64_t allocatable = n->status.allocatable.at("cpu").milliValue();
        if (cpu[n->metadata.name] > allocatable)
            return QString::fromStdString(n->metadata.name) +
                   " overcommitted: " + QString::number(cpu[n->metadata.name]) + "m of " +
                   QString::number(allocatable) + "m";
        if (count[n->metadata.name] > n->status.allocatable.at("pods").value())
            return QString::fromStdString(n->metadata.name) + " has too many pods";
    }
    std::map<std::string, std::shared_ptr<Pod>> byIp;
    for (const auto &p : sim.store().list<Pod>("default"))
        if (!p->status.podIP.empty() && !p->spec.hostNetwork) {
            if (byIp.count(p->status.podIP) && !byIp[p->status.podIP]->metadata.deletionTimestamp &&
                !p->metadata.deletionTimestamp)
                return "two pods with IP " + QString::fromStdString(p->status.podIP + ": " + p->metadata.name + ", " +
                                                                    byIp[p->status.podIP]->metadata.name);
            byIp[p->status.podIP] = p;
        }
    for (const auto &svc : sim.store().list<Service>("default")) {
        for (const std::string &ep : sim.endpoints().endpointsOf("default", svc->metadata.name).ready) {
            auto it = byIp.find(ep.substr(0, ep.find(':')));
            if (it == byIp.end())
                return "endpoint " + QString::fromStdString(ep) + " of " + QString::fromStdString(svc->metadata.name) +
                       " is no pod";
            const Pod &p = *it->second;
            if (!selects(*svc, p) || ((!isPodReady(p) || p.metadata.deletionTimestamp) && !justChanged(p, sim.now())))
                return "endpoint " + QString::fromStdString(ep) + " is not a ready selected pod: " +
                       QString::fromStdString(p.metadata.name + " " + kubectlPodStatus(p) + " on " + p.spec.nodeName +
                                              (isPodReady(p) ? " ready" : " not ready"));
        }
    }
    return {};
}

QStringList history(const Simulation &sim)
{
    QStringList out;
    for (const auto &e : sim.events().events())
        out << QString::number(e.time, 'f', 3) + " " +
                   QString::fromStdString(e.object.str() + " " + e.reason + " " + e.message);
    return out;
}

} // namespace

class TestSimulationProperties : public QObject {
    Q_OBJECT

private slots:
    void invariantsHoldUnderRandomDisruption_data()
    {
        QTest::addColumn<unsigned>("seed");
        for (unsigned seed = 1; seed <= 200; ++seed)
            QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
    }
    void invariantsHoldUnderRandomDisruption()
    {
        QFETCH(unsigned, seed);
        RandomRun run(seed);
        run.sim.runUntil(30);
        int steps = 0;
        for (double t = 30; t < 900; t += 1 + double(run.rng() % 20)) {
            run.sim.runUntil(t);
            QString broken = violation(run.sim);
            if (!broken.isEmpty() && qEnvironmentVariableIsSet("PODSCAPE_DEBUG"))
                for (const auto &line : history(run.sim))
                    qDebug("%s", qPrintable(line));
            QVERIFY2(broken.isEmpty(), qPrintable(QString("at %1 s: %2").arg(t).arg(broken)));
            // Nothing that was not deleted is lost: every Deployment and Service is still there.
            for (const auto &app : run.apps) {
                QVERIFY(run.sim.store().get<Deployment>("default", app));
                QVERIFY(run.sim.store().get<Service>("default", app));
            }
            run.randomAction();
            ++steps;
        }
        QVERIFY(steps > 50);
    }

    void sameSeedSameHistory()
    {
        QStringList a, b;
        for (QStringList *out : {&a, &b}) {
            RandomRun run(7);
            for (double t = 30; t < 600; t += 1 + double(run.rng() % 20)) {
                run.sim.runUntil(t);
                run.randomAction();
            }
            run.sim.runUntil(600);
            *out = history(run.sim);
        }
        QVERIFY(a.size() > 100);
        QCOMPARE(a, b);
    }
};

QTEST_GUILESS_MAIN(TestSimulationProperties)
#include "tst_simulation_properties.moc"
