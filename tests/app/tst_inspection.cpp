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
        QVariantMap pod = inspectPod(*session_.simulation(), "default/analytics");
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
        QVariantMap pod = inspectPod(*session_.simulation(), "default/myapp-pod");
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
        QVariantMap pod = inspectPod(*session_.simulation(), "default/nobody");
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

private:
    ClusterSession session_;
};

QTEST_GUILESS_MAIN(TestInspection)
#include "tst_inspection.moc"
