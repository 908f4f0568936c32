// `podscape simulate --actions`: the disruption steps of DESIGN 4 (evict, node, kill) played
// headless, read back from the JSON contract (evictions[], kubectl[], pods[], events[]).
#include "app/simulate_command.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace podscape;

namespace {

const std::string kTwoWorkers = "apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\n---\n"
                                "apiVersion: v1\nkind: Node\nmetadata: {name: worker-2}\n---\n";

const std::string kWeb = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 4\n"
                         "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
                         "    spec: {containers: [{name: nginx, image: nginx:1.27}]}\n---\n"
                         "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web-pdb}\n"
                         "spec: {minAvailable: 3, selector: {matchLabels: {app: web}}}\n";

struct Scenario {
    QTemporaryDir dir;
    QJsonObject json;
    int code = -1;
    QString err;

    Scenario(const std::string &manifests, const std::string &actions, const QString &until)
    {
        std::ofstream(dir.filePath("cluster.yaml").toStdString()) << manifests;
        std::ofstream(dir.filePath("actions.yaml").toStdString()) << actions;
        QString out;
        QTextStream o(&out), e(&err);
        code = runSimulate({"podscape", "simulate", dir.filePath("cluster.yaml"), "--actions",
                            dir.filePath("actions.yaml"), "--until", until, "-o", "json"},
                           o, e);
        json = QJsonDocument::fromJson(out.toUtf8()).object();
    }

    QJsonArray array(const char *key) const { return json[key].toArray(); }
};

} // namespace

class TestSimulateDisruptions : public QObject {
    Q_OBJECT

private slots:
    // Evict by selector and node: allowed, then refused in the API's words, then allowed again
    // once the replacement is Ready.
    void budgetBlocksThenAllows()
    {
        Scenario s(kTwoWorkers + kWeb,
                   "- at: 60s\n  evict: {selector: app=web, node: worker-1}\n"
                   "- at: 61s\n  evict: {selector: app=web, node: worker-1}\n"
                   "- at: 100s\n  evict: {selector: app=web, node: worker-1}\n",
                   "120s");
        QCOMPARE(s.code, 0);
        QJsonArray ev = s.array("evictions");
        QCOMPARE(ev.size(), 3);
        QCOMPARE(ev[0].toObject()["allowed"].toBool(), true);
        QCOMPARE(ev[0].toObject()["time"].toDouble(), 60.0);
        QVERIFY(ev[0].toObject()["to"].isNull());
        QVERIFY(ev[0].toObject()["controller"].toString().startsWith("ReplicaSet/web-"));
        QJsonObject refused = ev[1].toObject();
        QCOMPARE(refused["allowed"].toBool(), false);
        QCOMPARE(refused["reason"].toString(), QString("TooManyRequests"));
        QCOMPARE(refused["message"].toString(),
                 QString("Cannot evict pod as it would violate the pod's disruption budget."));
        QCOMPARE(refused["cause"].toString(),
                 QString("The disruption budget web-pdb needs 3 healthy pods and has 3 currently"));
        QCOMPARE(ev[2].toObject()["allowed"].toBool(), true);
        QCOMPARE(ev[2].toObject()["pod"].toString(), refused["pod"].toString());
        QJsonObject budget = s.array("podDisruptionBudgets")[0].toObject();
        QCOMPARE(budget["name"].toString(), QString("web-pdb"));
        QCOMPARE(budget["minAvailable"].toInt(), 3);
    }

    // -o text adds kubectl's drain output and the refused evictions to the event log and table.
    void textShowsDrainAndRefusals()
    {
        QTemporaryDir dir;
        std::ofstream(dir.filePath("c.yaml").toStdString()) << kTwoWorkers + kWeb;
        std::ofstream(dir.filePath("a.yaml").toStdString()) << "- at: 60s\n  node: {name: worker-1, action: drain}\n";
        QString out, err;
        QTextStream o(&out), e(&err);
        QCOMPARE(runSimulate({"podscape", "simulate", dir.filePath("c.yaml"), "--actions", dir.filePath("a.yaml"),
                              "--until", "180s"},
                             o, e),
                 0);
        QVERIFY2(out.contains("60.000s   node/worker-1 cordoned\n"), qPrintable(out));
        QVERIFY(out.contains("node/worker-1 drained\n"));
        QVERIFY(
            out.contains(QRegularExpression("error when evicting pods/\"web-[a-z0-9-]+\" at [0-9.]+s: Cannot evict pod "
                                            "as it would violate the pod's disruption budget. \\(The disruption budget "
                                            "web-pdb needs 3 healthy pods and has [0-9]+ currently\\)")));
    }

    // The drag onto a node, headless: `to` places the replacement there.
    void evictToANode()
    {
        Scenario s(kTwoWorkers + kWeb, "- at: 60s\n  evict: {selector: app=web, node: worker-1, to: worker-2}\n",
                   "120s");
        QCOMPARE(s.code, 0);
        QJsonObject e = s.array("evictions")[0].toObject();
        QCOMPARE(e["to"].toString(), QString("worker-2"));
        QCOMPARE(e["allowed"].toBool(), true);
        int onWorker2 = 0;
        for (const auto &p : s.array("pods"))
            onWorker2 += p.toObject()["node"].toString() == "worker-2" ? 1 : 0;
        QCOMPARE(onWorker2, 3);
    }

    // kubectl drain's output in kubectl[], its refused evictions in evictions[].
    void drainWaitsOnTheBudget()
    {
        Scenario s(kTwoWorkers + kWeb, "- at: 60s\n  node: {name: worker-1, action: drain}\n", "180s");
        QCOMPARE(s.code, 0);
        QStringList lines;
        for (const auto &l : s.array("kubectl"))
            lines << l.toObject()["line"].toString();
        QCOMPARE(lines.first(), QString("node/worker-1 cordoned"));
        QCOMPARE(lines.last(), QString("node/worker-1 drained"));
        QVERIFY(lines.filter("(will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.")
                    .size() >= 1);
        int refused = 0;
        for (const auto &e : s.array("evictions"))
            refused += e.toObject()["allowed"].toBool() ? 0 : 1;
        QVERIFY(refused >= 1);
        for (const auto &n : s.array("nodes"))
            if (n.toObject()["name"].toString() == "worker-1") {
                QCOMPARE(n.toObject()["unschedulable"].toBool(), true);
                QCOMPARE(n.toObject()["pods"].toArray().size(), 0);
            }
    }

    // A failed node: NotReady with the unreachable taints; its pods leave only after their
    // 300 s tolerationSeconds, stay Terminating while the node is down, and are replaced on the
    // other workers; once it recovers they are gone.
    void failedNodeLosesItsPodsAfterTolerationSeconds()
    {
        const std::string web =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n"
            "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
            "    spec: {containers: [{name: nginx, image: nginx:1.27}]}\n";
        const std::string fail = "- at: 30s\n  node: {name: worker-1, action: fail}\n";
        auto webPods = [](const Scenario &s) {
            QMap<QString, QString> out; // name → node + " " + status
            for (const auto &p : s.array("pods"))
                if (p.toObject()["labels"].toObject()["app"].toString() == "web")
                    out[p.toObject()["name"].toString()] =
                        p.toObject()["node"].toString() + " " + p.toObject()["status"].toString();
            return out;
        };
        Scenario before(web, fail, "384s"); // 30 + 50 s grace + 5.1 s + 300 s - a little
        QCOMPARE(before.code, 0);
        QJsonObject node;
        for (const auto &n : before.array("nodes"))
            if (n.toObject()["name"].toString() == "worker-1")
                node = n.toObject();
        QCOMPARE(node["ready"].toBool(), false);
        QStringList taints;
        for (const auto &t : node["taints"].toArray())
            taints << t.toObject()["key"].toString() + ":" + t.toObject()["effect"].toString();
        QVERIFY(taints.contains("node.kubernetes.io/unreachable:NoExecute"));
        QVERIFY(taints.contains("node.kubernetes.io/unreachable:NoSchedule"));
        for (const auto &v : webPods(before))
            QVERIFY2(!v.endsWith("Terminating"), qPrintable(v)); // still within tolerationSeconds

        Scenario after(web, fail, "400s");
        QMap<QString, QString> pods = webPods(after);
        int terminatingOnWorker1 = 0, runningElsewhere = 0;
        for (const auto &v : pods) {
            terminatingOnWorker1 += v == "worker-1 Terminating" ? 1 : 0;
            runningElsewhere += !v.startsWith("worker-1") && v.endsWith("Running") ? 1 : 0;
        }
        QVERIFY(terminatingOnWorker1 >= 1);
        QCOMPARE(runningElsewhere, 3);
        bool marked = false;
        for (const auto &e : after.array("events"))
            marked = marked || (e.toObject()["reason"].toString() == "TaintManagerEviction" &&
                                e.toObject()["message"].toString().startsWith("Marking for deletion Pod default/web-"));
        QVERIFY(marked);

        Scenario recovered(web, fail + "- at: 420s\n  node: {name: worker-1, action: recover}\n", "480s");
        for (const auto &v : webPods(recovered))
            QVERIFY2(v.endsWith("Running") && !v.startsWith("worker-1"), qPrintable(v));
        QCOMPARE(webPods(recovered).size(), 3);
    }

    void addAndRemoveNodes()
    {
        Scenario s("",
                   "- at: 10s\n  node: {name: worker-4, action: add}\n"
                   "- at: 20s\n  node: {name: worker-2, action: remove}\n"
                   "- at: 30s\n  node: {name: worker-9, action: fail}\n",
                   "40s");
        QStringList names;
        for (const auto &n : s.array("nodes"))
            names << n.toObject()["name"].toString();
        QCOMPARE(names, QStringList({"control-plane", "worker-1", "worker-3", "worker-4"}));
        QStringList errors;
        for (const auto &e : s.array("errors"))
            errors << e.toString();
        QVERIFY2(errors.filter("actions.yaml:5:3: nodes \"worker-9\" not found").size() == 1,
                 qPrintable(errors.join('\n')));
    }

    // A higher-priority pod preempts: the victim gets Preempted and goes, the preemptor is
    // nominated and then runs on that node.
    void preemption()
    {
        const std::string cluster =
            "apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\n---\n"
            "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n---\n"
            "apiVersion: v1\nkind: Pod\nmetadata: {name: low}\n"
            "spec: {containers: [{name: a, image: nginx:1.27, resources: {requests: {cpu: 3}}}]}\n";
        const std::string high = "apiVersion: v1\nkind: Pod\nmetadata: {name: urgent}\n"
                                 "spec: {priorityClassName: high, containers: [{name: a, image: nginx:1.27, "
                                 "resources: {requests: {cpu: 2}}}]}\n";
        QTemporaryDir extra;
        const QString highPath = extra.filePath("urgent.yaml");
        std::ofstream(highPath.toStdString()) << high;
        Scenario nominated(cluster, "- at: 30s\n  apply: " + highPath.toStdString() + "\n", "31s");
        QJsonObject urgent;
        for (const auto &p : nominated.array("pods"))
            if (p.toObject()["name"].toString() == "urgent")
                urgent = p.toObject();
        QCOMPARE(urgent["nominatedNode"].toString(), QString("worker-1"));
        QCOMPARE(urgent["scheduling"].toObject()["victims"].toArray().first().toString(), QString("default/low"));

        Scenario done(cluster, "- at: 30s\n  apply: " + highPath.toStdString() + "\n", "90s");
        QStringList pods;
        for (const auto &p : done.array("pods"))
            pods << p.toObject()["name"].toString() + " " + p.toObject()["node"].toString() + " " +
                        p.toObject()["status"].toString();
        QCOMPARE(pods, QStringList{"urgent worker-1 Running"});
        bool preempted = false;
        for (const auto &e : done.array("events"))
            preempted = preempted || (e.toObject()["reason"].toString() == "Preempted" &&
                                      e.toObject()["object"].toString() == "Pod/default/low" &&
                                      e.toObject()["message"].toString().startsWith("Preempted by pod "));
        QVERIFY(preempted);
    }

    // kill: the container restarts; a second crash waits in CrashLoopBackOff (10 s).
    void killRestartsWithBackOff()
    {
        Scenario s("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n"
                   "spec: {containers: [{name: nginx, image: nginx:1.27}]}\n",
                   "- at: 30s\n  kill: {pod: default/web, container: nginx}\n"
                   "- at: 40s\n  kill: {pod: web, container: nginx}\n"
                   "- at: 45s\n  kill: {pod: default/web, container: nope}\n",
                   "60s");
        QCOMPARE(s.code, 0);
        QJsonObject pod = s.array("pods")[0].toObject();
        QCOMPARE(pod["containers"].toArray()[0].toObject()["restarts"].toInt(), 2);
        QStringList backOff;
        for (const auto &e : s.array("events"))
            if (e.toObject()["reason"].toString() == "BackOff")
                backOff << e.toObject()["message"].toString();
        QCOMPARE(backOff.size(), 1);
        QVERIFY(backOff[0].startsWith("Back-off restarting failed container nginx in pod web_default("));
        QStringList errors;
        for (const auto &e : s.array("errors"))
            errors << e.toString();
        QVERIFY2(errors.filter("actions.yaml:5:3: kill: container nope is not valid for pod web").size() == 1,
                 qPrintable(errors.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestSimulateDisruptions)
#include "tst_simulate_disruptions.moc"
