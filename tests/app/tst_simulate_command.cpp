// `podscape simulate`: the JSON contract of DESIGN 4, -o text, byte-identical reruns, and every
// corpus file simulated without a crash.
#include "app/simulate_command.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace podscape;

namespace {

struct Run {
    int code;
    QString out;
    QString err;
};

Run simulate(const QStringList &args)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    int code = runSimulate(QStringList{"podscape"} + args, o, e);
    return {code, out, err};
}

QString writeFile(QTemporaryDir &dir, const QString &name, const std::string &text)
{
    QString path = dir.filePath(name);
    std::ofstream(path.toStdString()) << text;
    return path;
}

}  // namespace

class TestSimulateCommand : public QObject {
    Q_OBJECT

private slots:
    void jsonHasTheContractKeys()
    {
        QTemporaryDir dir;
        QString file = writeFile(dir, "app.yaml",
                                 "apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n"
                                 "spec: {containers: [{name: nginx, image: nginx:1.25, resources: {requests: {cpu: 0.25}}}]}\n"
                                 "---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
                                 "spec: {selector: {app: web}, ports: [{port: 80}]}\n"
                                 "---\napiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name}\n"
                                 "spec: {containers: [{name: a, image: nginx}]}\n");
        Run run = simulate({file, "--until", "60s", "-o", "json"});
        QCOMPARE(run.code, 0);
        QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        for (const char *key : {"time", "nodes", "pods", "services", "persistentVolumeClaims", "events", "rejected",
                                "evictions", "errors"})
            QVERIFY2(root.contains(key), key);
        QCOMPARE(root["time"].toDouble(), 60.0);
        QCOMPARE(root["nodes"].toArray().size(), 4);
        QJsonObject pod = root["pods"].toArray()[0].toObject();
        for (const char *key : {"namespace", "name", "node", "phase", "status", "reason", "message", "ready", "ip",
                                "labels", "owner", "initContainers", "containers", "trace", "scheduling"})
            QVERIFY2(pod.contains(key), key);
        QCOMPARE(pod["status"].toString(), QStringLiteral("Running"));
        QJsonObject container = pod["containers"].toArray()[0].toObject();
        QCOMPARE(container["requests"].toObject()["cpu"].toString(), QStringLiteral("250m"));
        QCOMPARE(container["state"].toString(), QStringLiteral("running"));
        QJsonObject node;
        for (const auto &n : root["nodes"].toArray())
            if (n.toObject()["name"].toString() == pod["node"].toString())
                node = n.toObject();
        QCOMPARE(node["requested"].toObject()["cpu"].toString(), QStringLiteral("250m"));
        QCOMPARE(node["allocatable"].toObject()["memory"].toString(), QStringLiteral("8Gi"));
        QJsonObject svc;
        for (const auto &s : root["services"].toArray())
            if (s.toObject()["name"].toString() == "web")
                svc = s.toObject();
        QCOMPARE(svc["endpoints"].toArray()[0].toString(), pod["ip"].toString() + ":80");
        QJsonObject rejected = root["rejected"].toArray()[0].toObject();
        QCOMPARE(rejected["name"].toString(), QStringLiteral("Bad_Name"));
        QCOMPARE(rejected["line"].toInt(), 11);
        QVERIFY(rejected["message"].toString().startsWith("Pod \"Bad_Name\" is invalid: metadata.name"));
        QJsonObject scheduling = pod["scheduling"].toObject();
        QCOMPARE(scheduling["selectedNode"].toString(), pod["node"].toString());
        QCOMPARE(scheduling["nodes"].toArray().size(), 4);
    }

    // kubectl get deploy,ds,hpa columns in the JSON: a Deployment and a DaemonSet from their
    // controllers' status, and an HPA shown with its targets (no metrics: <unknown>) that never
    // changes the replicas.
    void workloadsAndAutoscalersAreListed()
    {
        QTemporaryDir dir;
        QString file = writeFile(
            dir, "app.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
            "spec: {replicas: 3, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}},"
            " spec: {containers: [{name: nginx, image: nginx:1.27}]}}}\n"
            "---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\n"
            "spec: {selector: {matchLabels: {app: agent}}, template: {metadata: {labels: {app: agent}},"
            " spec: {containers: [{name: agent, image: busybox:1.36, command: [sleep, infinity]}]}}}\n"
            "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\n"
            "spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
            "  minReplicas: 2\n  maxReplicas: 10\n"
            "  metrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}\n");
        Run run = simulate({file, "--until", "60s", "-o", "json"});
        QCOMPARE(run.code, 0);
        QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QMap<QString, QJsonObject> workloads;
        for (const auto &w : root["workloads"].toArray())
            workloads[w.toObject()["kind"].toString() + "/" + w.toObject()["name"].toString()] = w.toObject();
        QJsonObject web = workloads["Deployment/web"];
        QCOMPARE(web["desired"].toInt(), 3);
        QCOMPARE(web["ready"].toInt(), 3);
        QCOMPARE(web["upToDate"].toInt(), 3);
        QCOMPARE(web["available"].toInt(), 3);
        QJsonObject agent = workloads["DaemonSet/agent"];
        QCOMPARE(agent["desired"].toInt(), 3);  // the three workers, not the tainted control plane
        QCOMPARE(agent["ready"].toInt(), 3);
        QCOMPARE(workloads.size(), 3);  // and web's ReplicaSet
        QJsonObject hpa = root["horizontalPodAutoscalers"].toArray()[0].toObject();
        QCOMPARE(hpa["reference"].toString(), QStringLiteral("Deployment/web"));
        QCOMPARE(hpa["targets"].toString(), QStringLiteral("cpu: <unknown>/50%"));
        QCOMPARE(hpa["minPods"].toInt(), 2);
        QCOMPARE(hpa["maxPods"].toInt(), 10);
        QCOMPARE(hpa["replicas"].toInt(), 3);
    }

    void textLooksLikeKubectl()
    {
        QTemporaryDir dir;
        QString file = writeFile(dir, "p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n"
                                                "spec: {containers: [{name: nginx, image: nginx:1.25}]}\n");
        Run run = simulate({file, "--until", "2m"});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QRegularExpression("NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE +IP +NODE")));
        QVERIFY(run.out.contains(QRegularExpression("default +web +1/1 +Running +0 +119s +10\\.244\\.")));
        QVERIFY(run.out.contains(QRegularExpression("Normal +Scheduled +Pod/default/web +Successfully assigned default/web to")));
    }

    void sameInputsAndSeedAreByteIdentical()
    {
        QTemporaryDir dir;
        QString file = writeFile(dir, "p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\n"
                                                "spec: {containers: [{name: nginx, image: nginx:1.25}]}\n");
        Run a = simulate({file, "--seed", "42", "-o", "json"});
        Run b = simulate({file, "--seed", "42", "-o", "json"});
        Run c = simulate({file, "--seed", "43", "-o", "json"});
        QCOMPARE(a.out, b.out);
        QVERIFY(a.out != c.out);
    }

    void namespaceFlagNeedsAnExistingNamespace()
    {
        QTemporaryDir dir;
        QString file = writeFile(dir, "p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n"
                                                "spec: {containers: [{name: nginx, image: nginx:1.25}]}\n");
        QJsonObject root = QJsonDocument::fromJson(simulate({file, "-n", "shop", "-o", "json"}).out.toUtf8()).object();
        QCOMPARE(root["rejected"].toArray()[0].toObject()["message"].toString(), QStringLiteral("namespaces \"shop\" not found"));
        QString withNs = writeFile(dir, "ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
        root = QJsonDocument::fromJson(simulate({withNs, file, "-n", "shop", "-o", "json"}).out.toUtf8()).object();
        QCOMPARE(root["rejected"].toArray().size(), 0);
        bool found = false;
        for (const auto &p : root["pods"].toArray())
            found = found || (p.toObject()["namespace"].toString() == "shop" && p.toObject()["name"].toString() == "web");
        QVERIFY(found);
    }

    void badArgumentsExitTwo()
    {
        QCOMPARE(simulate({"x.yaml", "--until", "soon"}).code, 2);
        QCOMPARE(simulate({"x.yaml", "-o", "xml"}).code, 2);
        QCOMPARE(simulate({}).code, 2);
    }

    void everyCorpusFileSimulates_data()
    {
        QTest::addColumn<QString>("file");
        QDirIterator it(QStringLiteral(PODSCAPE_CORPORA_DIR), {"*.yaml", "*.yml", "*.json"}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString &f : files)
            QTest::newRow(qPrintable(QDir(PODSCAPE_CORPORA_DIR).relativeFilePath(f))) << f;
    }
    void everyCorpusFileSimulates()
    {
        QFETCH(QString, file);
        Run run = simulate({file, "--until", "5m", "-o", "json"});
        QCOMPARE(run.code, 0);
        QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(root["time"].toDouble(), 300.0);
    }
};

QTEST_GUILESS_MAIN(TestSimulateCommand)
#include "tst_simulate_command.moc"
