// The actions file (DESIGN 4): durations, every step parsed, bad steps as file:line:col, and
// apply / delete acting on the simulation at their virtual time.
#include "manifest/loader.h"
#include "sim/actions.h"
#include "sim/simulation.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace podscape;

class TestActions : public QObject {
    Q_OBJECT

private slots:
    void parsesDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds");
        QTest::newRow("seconds") << "20s" << 20.0;
        QTest::newRow("minutes") << "2m" << 120.0;
        QTest::newRow("hours") << "1h" << 3600.0;
        QTest::newRow("compound") << "1m30s" << 90.0;
        QTest::newRow("fraction") << "1.5m" << 90.0;
        QTest::newRow("plain number") << "45" << 45.0;
        QTest::newRow("milliseconds") << "250ms" << 0.25;
    }
    void parsesDurations()
    {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        auto d = parseDuration(text.toStdString());
        QVERIFY(d);
        QCOMPARE(*d, seconds);
    }

    void rejectsBadDurations()
    {
        QVERIFY(!parseDuration("soon"));
        QVERIFY(!parseDuration("10x"));
        QVERIFY(!parseDuration(""));
        QVERIFY(!parseDuration("1."));
        QVERIFY(!parseDuration("1m 30s"));
    }

    // Found while writing fuzz/actions_fuzzer: a number too large for a double made std::stod throw (the
    // program ended), and a long run of digits overflowed std::regex's recursion.
    void rejectsHugeDurationsWithoutCrashing()
    {
        QVERIFY(!parseDuration(std::string(400, '9')));
        QVERIFY(!parseDuration(std::string(400, '9') + "s"));
        QCOMPARE(*parseDuration("0." + std::string(400, '0') + "1s"), 0.0);
        QCOMPARE(*parseDuration(std::string(300000, '0') + "5s"), 5.0);
        ActionsFile f = parseActions("- at: " + std::string(400, '9') + "\n  node: {name: w, action: fail}\n",
                                     "actions.yaml", ".");
        QCOMPARE(f.errors.size(), std::size_t(1));
    }

    void parsesEveryStepOfTheDesign()
    {
        const std::string text = "- at: 20s\n  evict: {pod: default/web-0, to: worker-2}\n"
                                 "- at: 25s\n  evict: {selector: app=web, node: worker-1}\n"
                                 "- at: 30s\n  node: {name: worker-3, action: fail}\n"
                                 "- at: 40s\n  apply: web-v2.yaml\n"
                                 "- at: 50s\n  delete: {kind: Deployment, namespace: default, name: web}\n"
                                 "- at: 55s\n  scale: {kind: Deployment, name: web, replicas: 5}\n"
                                 "- at: 60s\n  kill: {pod: default/web-0, container: nginx}\n";
        ActionsFile f = parseActions(text, "actions.yaml", "/data");
        QCOMPARE(f.errors.size(), std::size_t(0));
        QCOMPARE(f.actions.size(), std::size_t(7));
        QCOMPARE(f.actions[0].pod, std::string("default/web-0"));
        QCOMPARE(*f.actions[0].to, std::string("worker-2"));
        QCOMPARE(f.actions[1].selector, std::string("app=web"));
        QCOMPARE(f.actions[2].nodeAction, std::string("fail"));
        QCOMPARE(f.actions[3].path, std::string("/data/web-v2.yaml"));
        QCOMPARE(f.actions[5].replicas, 5);
        QCOMPARE(f.actions[6].container, std::string("nginx"));
        QCOMPARE(f.actions[6].at, 60.0);
    }

    void reportsBadStepsWithTheirPosition()
    {
        const std::string text = "- at: soon\n  apply: x.yaml\n"
                                 "- at: 5s\n  node: {name: worker-1, action: explode}\n"
                                 "- at: 6s\n  scale: {kind: Deployment, name: web, replicas: many}\n"
                                 "- at: 7s\n  teleport: {pod: a}\n";
        ActionsFile f = parseActions(text, "actions.yaml", ".");
        QCOMPARE(f.actions.size(), std::size_t(0));
        QCOMPARE(f.errors.size(), std::size_t(4));
        QCOMPARE(QString::fromStdString(f.errors[0].toString()),
                 QStringLiteral("actions.yaml:1:7: at: expected a duration such as 20s, 1m30s or 2h, got \"soon\""));
        QVERIFY(f.errors[1].toString().starts_with("actions.yaml:4:34: node.action: Unsupported value: \"explode\""));
        QCOMPARE(QString::fromStdString(f.errors[2].toString()),
                 QStringLiteral("actions.yaml:6:50: scale.replicas: expected an integer, got \"many\""));
        QVERIFY(f.errors[3].toString().starts_with("actions.yaml:8:13: unknown operation \"teleport\""));
    }

    void scaleChangesTheReplicas();

    void applyAndDeleteActAtTheirTime()
    {
        QTemporaryDir dir;
        std::ofstream(dir.filePath("later.yaml").toStdString())
            << "apiVersion: v1\nkind: Pod\nmetadata: {name: late}\nspec: {containers: [{name: a, image: nginx:1.25}]}\n";
        std::ofstream(dir.filePath("actions.yaml").toStdString())
            << "- at: 10s\n  apply: later.yaml\n- at: 40s\n  delete: {kind: Pod, name: late}\n"
               "- at: 41s\n  node: {name: worker-1, action: cordon}\n";
        ActionsFile f = loadActions(dir.filePath("actions.yaml").toStdString());
        QCOMPARE(f.errors.size(), std::size_t(0));
        Simulation sim;
        sim.start({});
        std::vector<Diagnostic> problems;
        scheduleActions(sim, f, problems);
        sim.runUntil(9);
        QVERIFY(!sim.store().get<Pod>("default", "late"));
        sim.runUntil(30);
        QCOMPARE(sim.store().get<Pod>("default", "late")->status.phase, std::string("Running"));
        sim.runUntil(60);
        QVERIFY(!sim.store().get<Pod>("default", "late"));
        QVERIFY(problems.empty());
        QVERIFY(sim.store().get<Node>("", "worker-1")->spec.unschedulable);
    }
};

void TestActions::scaleChangesTheReplicas()
{
    QTemporaryDir dir;
    std::ofstream(dir.filePath("actions.yaml").toStdString())
        << "- at: 30s\n  scale: {kind: Deployment, name: web, replicas: 4}\n"
           "- at: 31s\n  scale: {kind: Deployment, name: nope, replicas: 1}\n"
           "- at: 32s\n  scale: {kind: ConfigMap, name: kube-root-ca.crt, replicas: 1}\n";
    ActionsFile f = loadActions(dir.filePath("actions.yaml").toStdString());
    LoaderOptions options;
    options.validate = false;
    auto objects = ManifestLoader(options)
                       .loadText("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n"
                                 "  replicas: 2\n  selector: {matchLabels: {app: web}}\n"
                                 "  template:\n    metadata: {labels: {app: web}}\n"
                                 "    spec: {containers: [{name: nginx, image: nginx:1.25}]}\n",
                                 "web.yaml")
                       .objects;
    Simulation sim;
    sim.start(objects);
    std::vector<Diagnostic> problems;
    scheduleActions(sim, f, problems);
    auto runningWebPods = [&] {
        int n = 0;
        for (const auto &p : sim.store().list<Pod>())
            n += p->metadata.labels.count("app") && p->status.phase == "Running" ? 1 : 0;
        return n;
    };
    sim.runUntil(29);
    QCOMPARE(runningWebPods(), 2);
    sim.runUntil(60);
    QCOMPARE(runningWebPods(), 4);
    QCOMPARE(problems.size(), std::size_t(2));
    QVERIFY(problems[0].toString().ends_with("actions.yaml:3:3: deployments.apps \"nope\" not found"));
    QVERIFY(problems[1].toString().ends_with("actions.yaml:5:3: the server could not find the requested resource"));
}

QTEST_GUILESS_MAIN(TestActions)
#include "tst_actions.moc"
