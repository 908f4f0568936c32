// The pod model on the demo: kubectl's columns, containers and volumes with their mounts, layout
// positions, and change signals that update rows in place as the simulation advances.
#include "app/cluster_session.h"
#include "app/pod_model.h"
#include "cluster/api/core.h"

#include <QSignalSpy>
#include <QtTest>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

QModelIndex rowOf(const PodModel &model, const QString &prefix)
{
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.index(i).data(PodModel::NameRole).toString().startsWith(prefix))
            return model.index(i);
    return {};
}

QStringList webPods(const PodModel &model)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.index(i).data(PodModel::OwnerKindRole).toString() == QLatin1String("ReplicaSet"))
            out.append(model.index(i).data(PodModel::KeyRole).toString());
    return out;
}

} // namespace

class TestPodModel : public QObject {
    Q_OBJECT

private slots:
    void webPodsRunAndAreReady()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        const PodModel &pods = *session.pods();
        QStringList web = webPods(pods);
        QCOMPARE(web.size(), 3);
        for (const QString &key : web) {
            const PodRow *row = pods.find(key);
            QVERIFY(row);
            QCOMPARE(row->status, QStringLiteral("Running"));
            QCOMPARE(row->category, QStringLiteral("running"));
            QCOMPARE(row->ready, QStringLiteral("2/2"));
            QCOMPARE(row->restarts, 0);
            QVERIFY(row->ip.startsWith(QLatin1String("10.244.")));
            QVERIFY(row->node.startsWith(QLatin1String("worker-")));
            QVERIFY(row->ownerName.startsWith(QLatin1String("web-")));
            QCOMPARE(row->ownerShort, QStringLiteral("rs"));
        }
    }

    void theBigPodIsPendingInTheQueue()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        QModelIndex analytics = rowOf(*session.pods(), "analytics");
        QVERIFY(analytics.isValid());
        QCOMPARE(analytics.data(PodModel::StatusRole).toString(), QStringLiteral("Pending"));
        QCOMPARE(analytics.data(PodModel::CategoryRole).toString(), QStringLiteral("pending"));
        QCOMPARE(analytics.data(PodModel::PendingRole).toBool(), true);
        QVERIFY(analytics.data(PodModel::MessageRole).toString().contains(QLatin1String("Insufficient cpu")));
        QPointF at(analytics.data(PodModel::XRole).toDouble(), analytics.data(PodModel::YRole).toDouble());
        QVERIFY(session.queueRect().contains(at));
        QCOMPARE(session.pendingCount(), 1);
    }

    void containersAndTheSharedVolume()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        QModelIndex web = rowOf(*session.pods(), "web-");
        QVariantList containers = web.data(PodModel::ContainersRole).toList();
        QCOMPARE(containers.size(), 2);
        QVariantMap nginx = containers[0].toMap();
        QCOMPARE(nginx["name"].toString(), QStringLiteral("nginx"));
        QCOMPARE(nginx["kind"].toString(), QStringLiteral("app"));
        QCOMPARE(nginx["state"].toString(), QStringLiteral("running"));
        QCOMPARE(nginx["ready"].toBool(), true);
        QCOMPARE(nginx["image"].toString(), QStringLiteral("nginx:1.27"));
        QCOMPARE(nginx["ports"].toStringList(), QStringList{"http:80/TCP"});

        QVariantMap content;
        for (const QVariant &v : web.data(PodModel::VolumesRole).toList())
            if (v.toMap()["name"] == QLatin1String("content"))
                content = v.toMap();
        QCOMPARE(content["type"].toString(), QStringLiteral("emptyDir"));
        QVariantList mounts = content["mounts"].toList();
        QCOMPARE(mounts.size(), 2); // shared by nginx and content-sync
        QCOMPARE(mounts[0].toMap()["container"].toString(), QStringLiteral("nginx"));
        QCOMPARE(mounts[0].toMap()["mountPath"].toString(), QStringLiteral("/usr/share/nginx/html"));
        QCOMPARE(mounts[1].toMap()["container"].toString(), QStringLiteral("content-sync"));
        QCOMPARE(mounts[1].toMap()["containerIndex"].toInt(), 1);
    }

    void rowsChangeInPlace()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        QSignalSpy resets(session.pods(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(session.pods(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(session.pods(), &QAbstractItemModel::dataChanged);
        session.advanceTo(1);
        QVERIFY(inserted.count() > 0); // the pods arrive
        int rows = session.pods()->rowCount();
        session.advanceTo(30);
        QCOMPARE(session.pods()->rowCount(), rows);
        QVERIFY(changed.count() > 0); // ContainerCreating → Running, IPs, readiness
        QCOMPARE(resets.count(), 0);
        // Nothing visible happens between two frames of a settled cluster: no signal either.
        changed.clear();
        session.advanceTo(30.01);
        QCOMPARE(changed.count(), 0);
    }

    // The model is refreshed by difference on every frame; after pods come, change and go
    // (evicted, deleted, replaced), its rows are those of a model filled once from the store.
    void incrementalRowsMatchAFreshModel()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        for (double t : {0.5, 1.0, 2.0, 5.0, 30.0})
            session.advanceTo(t);
        QStringList web = webPods(*session.pods());
        QVERIFY(web.size() == 3);
        session.evictPod(web[0]);
        QVERIFY(session.deletePod(QStringLiteral("default/myapp-pod")));
        for (double t : {31.0, 33.0, 40.0, 60.0})
            session.advanceTo(t);

        PodModel fresh;
        fresh.refresh(session.simulation()->store().list<Pod>(), session.layout());
        QCOMPARE(session.pods()->rowCount(), fresh.rowCount());
        for (std::size_t i = 0; i < fresh.rows().size(); ++i)
            QVERIFY2(session.pods()->rows()[i] == fresh.rows()[i], qPrintable(fresh.rows()[i].key));
        QVERIFY(!session.pods()->find(web[0]) || session.pods()->find(web[0])->category == "terminating");
        QVERIFY(!session.pods()->find(QStringLiteral("default/myapp-pod")));
    }

    // One pod changes: one row says so, the others stay quiet.
    void oneChangedPodSignalsOneRow()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        QSignalSpy changed(session.pods(), &QAbstractItemModel::dataChanged);
        QVERIFY(session.killContainer(QStringLiteral("default/myapp-pod"), QStringLiteral("myapp-container")));
        session.advanceTo(30.5);
        QVERIFY(changed.count() > 0);
        for (const auto &signal : changed)
            QCOMPARE(signal[0].toModelIndex().data(PodModel::KeyRole).toString(), QStringLiteral("default/myapp-pod"));
    }

    void kindShortNames()
    {
        QCOMPARE(kindShortName("StatefulSet"), QStringLiteral("sts"));
        QCOMPARE(kindShortName("DaemonSet"), QStringLiteral("ds"));
        QCOMPARE(kindShortName("MyOperatorThing"), QStringLiteral("MyOperatorThing"));
    }

    void statusCategories()
    {
        Pod pod;
        pod.status.phase = "Pending";
        QCOMPARE(podStatusCategory(pod, "ContainerCreating"), QStringLiteral("pending"));
        QCOMPARE(podStatusCategory(pod, "Init:0/2"), QStringLiteral("pending"));
        QCOMPARE(podStatusCategory(pod, "ImagePullBackOff"), QStringLiteral("failed"));
        pod.status.phase = "Running";
        QCOMPARE(podStatusCategory(pod, "Running"), QStringLiteral("running"));
        QCOMPARE(podStatusCategory(pod, "CrashLoopBackOff"), QStringLiteral("failed"));
        QCOMPARE(podStatusCategory(pod, "Terminating"), QStringLiteral("terminating"));
        pod.status.phase = "Succeeded";
        QCOMPARE(podStatusCategory(pod, "Completed"), QStringLiteral("succeeded"));
        pod.status.phase = "Failed";
        QCOMPARE(podStatusCategory(pod, "Evicted"), QStringLiteral("failed"));
    }
};

QTEST_GUILESS_MAIN(TestPodModel)
#include "tst_pod_model.moc"
