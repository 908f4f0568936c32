// What the inspector shows: a pending pod's scheduling verdicts ("why pending"), a running pod's
// summary, conditions and trace, a node's summary, conditions, labels and pods.
#include "app/cluster_session.h"
#include "app/inspection.h"

#include <QtTest>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

} // namespace

class TestInspection : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(session_.open({kDemo}));
        session_.advanceTo(30);
    }

    void whyAPodIsPending()
    {
        QVariantMap pod = inspectPod(*session_.simulation(), *session_.pods(), "default/analytics");
        QCOMPARE(pod["kind"].toString(), QStringLiteral("Pod"));
        QCOMPARE(pod["status"].toString(), QStringLiteral("Pending"));
        QVERIFY(pod["source"].toString().endsWith(QLatin1String("03-too-big.yaml:3"))); // its apiVersion line
        QVariantMap scheduling = pod["scheduling"].toMap();
        QVERIFY(scheduling["message"].toString().startsWith(QLatin1String("0/4 nodes are available")));
        QVERIFY(scheduling["selectedNode"].toString().isEmpty());
        QVariantList nodes = scheduling["nodes"].toList();
        QCOMPARE(nodes.size(), 4);
        for (const QVariant &n : nodes) {
            QVERIFY(!n.toMap()["passed"].toBool());
            QVERIFY(!n.toMap()["reasons"].toString().isEmpty());
        }
    }

    void aRunningPod()
    {
        QVariantMap pod = inspectPod(*session_.simulation(), *session_.pods(), "default/myapp-pod");
        QCOMPARE(pod["status"].toString(), QStringLiteral("Running"));
        QCOMPARE(pod["ready"].toString(), QStringLiteral("1/1"));
        QVERIFY(pod["ip"].toString().startsWith(QLatin1String("10.244.")));
        QVERIFY(!pod.contains("owner")); // a bare pod
        QVariantMap scheduling = pod["scheduling"].toMap();
        QCOMPARE(scheduling["selectedNode"].toString(), pod["node"].toString());
        for (const QVariant &c : pod["conditions"].toList())
            QVERIFY2(c.toMap()["healthy"].toBool(), qPrintable(c.toMap()["type"].toString()));
        QVERIFY(!pod["trace"].toList().isEmpty());
    }

    void aGonePod()
    {
        QVariantMap pod = inspectPod(*session_.simulation(), *session_.pods(), "default/nobody");
        QCOMPARE(pod["gone"].toBool(), true);
    }

    void aNode()
    {
        QVariantMap node = inspectNode(*session_.simulation(), *session_.nodes(), *session_.pods(), "worker-1");
        QCOMPARE(node["kind"].toString(), QStringLiteral("Node"));
        QCOMPARE(node["status"].toString(), QStringLiteral("Ready"));
        QCOMPARE(node["roles"].toString(), QStringLiteral("<none>"));
        QVERIFY(node["labels"].toStringList().contains(QStringLiteral("kubernetes.io/hostname=worker-1")));
        QVERIFY(node["pods"].toStringList().contains(QStringLiteral("myapp-pod")));
        for (const QVariant &c : node["conditions"].toList())
            QVERIFY2(c.toMap()["healthy"].toBool(), qPrintable(c.toMap()["type"].toString()));
    }

    // A bare pod shows its own manifest; a Deployment's pod the template it was made from.
    void yamlOfAPod()
    {
        QVariantMap bare = inspectPod(*session_.simulation(), *session_.pods(), "default/myapp-pod");
        QVERIFY(bare["yaml"].toString().contains(QLatin1String("name: myapp-pod")));
        QVERIFY(bare["yaml"].toString().contains(QLatin1String("- name: myapp-container")));
        QVERIFY(!bare.contains("yamlFrom"));

        QString web = firstPodOf(QStringLiteral("web"));
        QVariantMap pod = inspectPod(*session_.simulation(), *session_.pods(), web);
        QCOMPARE(pod["yamlFrom"].toString(), QStringLiteral("Deployment/web"));
        QVERIFY(pod["templateSource"].toString().endsWith(QLatin1String("02-web.yaml:11")));
        QVERIFY(pod["yaml"].toString().contains(QLatin1String("kind: Deployment")));
        QVERIFY(!pod.contains("source"));
    }

    void containersVolumesAndEvents()
    {
        QVariantMap pod = inspectPod(*session_.simulation(), *session_.pods(), firstPodOf(QStringLiteral("web")));
        QVariantList containers = pod["containers"].toList();
        QCOMPARE(containers.size(), 2);
        QCOMPARE(containers[0].toMap()["name"].toString(), QStringLiteral("nginx"));
        QCOMPARE(containers[0].toMap()["state"].toString(), QStringLiteral("running"));
        QCOMPARE(containers[0].toMap()["image"].toString(), QStringLiteral("nginx:1.27"));
        QVariantList volumes = pod["volumes"].toList();
        QVERIFY(volumes.size() >= 2);
        QVariantMap content = volumes[0].toMap();
        QCOMPARE(content["name"].toString(), QStringLiteral("content"));
        // The shared emptyDir: both containers mount it.
        QCOMPARE(content["mounts"].toStringList(), QStringList({QStringLiteral("nginx → /usr/share/nginx/html"),
                                                                QStringLiteral("content-sync → /content")}));
        // kubectl describe's events, oldest first: Scheduled comes before Started.
        QStringList reasons;
        for (const QVariant &e : pod["events"].toList())
            reasons.append(e.toMap()["reason"].toString());
        QVERIFY2(reasons.indexOf(QStringLiteral("Scheduled")) == 0, qPrintable(reasons.join(',')));
        QVERIFY(reasons.indexOf(QStringLiteral("Started")) > 0);
    }

    void aService()
    {
        QVariantMap service = inspectService(*session_.simulation(), *session_.services(), "default/web");
        QCOMPARE(service["kind"].toString(), QStringLiteral("Service"));
        QCOMPARE(service["type"].toString(), QStringLiteral("ClusterIP"));
        QCOMPARE(service["dns"].toString(), QStringLiteral("web.default.svc.cluster.local"));
        QCOMPARE(service["endpoints"].toStringList().size(), 3);
        for (const QString &e : service["endpoints"].toStringList())
            QVERIFY2(e.startsWith(QLatin1String("10.244.")) && e.endsWith(QLatin1String(":80")), qPrintable(e));
        QCOMPARE(service["pods"].toStringList().size(), 3);
        QVERIFY(service["source"].toString().endsWith(QLatin1String("02-web.yaml:60")));
        QVERIFY(service["yaml"].toString().contains(QLatin1String("targetPort: http")));
    }

    void anyObject()
    {
        QVariantMap deployment = inspectObject(*session_.simulation(), "Deployment", "default/web");
        QCOMPARE(deployment["name"].toString(), QStringLiteral("web"));
        QVERIFY(deployment["yaml"].toString().contains(QLatin1String("replicas: 3")));
        QStringList reasons;
        for (const QVariant &e : deployment["events"].toList())
            reasons.append(e.toMap()["reason"].toString());
        QVERIFY2(reasons.contains(QStringLiteral("ScalingReplicaSet")), qPrintable(reasons.join(',')));

        QVariantMap gone = inspectObject(*session_.simulation(), "Deployment", "default/nothing");
        QVERIFY(gone["gone"].toBool());
    }

    void aSecretIsMasked()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("secret.yaml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: czNjcjN0\n");
        f.close();
        ClusterSession session;
        QVERIFY(session.open({f.fileName()}));
        session.advanceTo(5);
        session.selectObject("Secret", "default/db");
        QVariantMap secret = session.inspection();
        QCOMPARE(secret["kind"].toString(), QStringLiteral("Secret"));
        QVERIFY2(secret["yaml"].toString().contains(QLatin1String("password: '******'")),
                 qPrintable(secret["yaml"].toString()));
        QVERIFY(!secret["yaml"].toString().contains(QLatin1String("czNjcjN0")));
    }

    // One object is inspected at a time, whichever way it was picked.
    void selectionFollowsTheLastPick()
    {
        QSignalSpy changed(&session_, &ClusterSession::inspectionChanged);
        session_.setSelectedPod("default/myapp-pod");
        QCOMPARE(session_.inspection()["kind"].toString(), QStringLiteral("Pod"));
        session_.setSelectedService("default/web");
        QCOMPARE(session_.inspection()["kind"].toString(), QStringLiteral("Service"));
        QVERIFY(session_.selectedPod().isEmpty());
        QCOMPARE(session_.highlightedPods().size(), 3);
        session_.selectObject("Node", "worker-1");
        QCOMPARE(session_.selectedNode(), QStringLiteral("worker-1"));
        QVERIFY(session_.selectedService().isEmpty());
        QVERIFY(session_.highlightedPods().isEmpty());
        session_.selectObject("Deployment", "default/web");
        QCOMPARE(session_.inspection()["kind"].toString(), QStringLiteral("Deployment"));
        QVERIFY(session_.selectedNode().isEmpty());
        session_.selectObject("Pod", "default/analytics");
        QCOMPARE(session_.selectedPod(), QStringLiteral("default/analytics"));
        QVERIFY(changed.count() >= 5);
    }

private:
    QString firstPodOf(const QString &app) const
    {
        for (const auto &row : session_.pods()->rows())
            if (row.name.startsWith(app + '-'))
                return row.key;
        return {};
    }

    ClusterSession session_;
};

QTEST_GUILESS_MAIN(TestInspection)
#include "tst_inspection.moc"
