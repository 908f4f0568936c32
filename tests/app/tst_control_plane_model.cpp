// The control-plane lane: components in a pod's order, their last step from the traces, and a
// replay (step back) that reads the new run from its start.
#include "app/cluster_session.h"
#include "app/control_plane_model.h"

#include <QtTest>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

QModelIndex lane(const ControlPlaneModel &model, const QString &name)
{
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.index(i).data(ControlPlaneModel::NameRole).toString() == name)
            return model.index(i);
    return {};
}

} // namespace

class TestControlPlaneModel : public QObject {
    Q_OBJECT

private slots:
    void lanes()
    {
        QCOMPARE(ControlPlaneModel::laneOf("kube-scheduler"), QStringLiteral("kube-scheduler"));
        QCOMPARE(ControlPlaneModel::laneOf("replicaset-controller"), QStringLiteral("kube-controller-manager"));
        QCOMPARE(ControlPlaneModel::laneOf("endpoints-controller"), QStringLiteral("kube-controller-manager"));
        ClusterSession session;
        const ControlPlaneModel &model = *session.controlPlane();
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.index(0).data(ControlPlaneModel::NameRole).toString(), QStringLiteral("kubectl"));
        QCOMPARE(model.index(1).data(ControlPlaneModel::NameRole).toString(), QStringLiteral("kube-apiserver"));
    }

    void lastStepOfEachComponent()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(0.03); // the first pod is written to etcd, not scheduled yet
        const ControlPlaneModel &model = *session.controlPlane();
        QCOMPARE(lane(model, "kubectl").data(ControlPlaneModel::StageRole).toString(), QStringLiteral("create"));
        QVERIFY(lane(model, "etcd").data(ControlPlaneModel::StepsRole).toInt() > 0);
        QCOMPARE(lane(model, "kubelet").data(ControlPlaneModel::StepsRole).toInt(), 0);
        session.advanceTo(30);
        for (const char *name : {"kube-scheduler", "kube-controller-manager", "kubelet", "kube-proxy", "CoreDNS"})
            QVERIFY2(lane(model, name).data(ControlPlaneModel::StepsRole).toInt() > 0, name);
        QVERIFY(lane(model, "kube-scheduler").data(ControlPlaneModel::PodRole).toString().startsWith("default/"));
    }

    void stepBackReadsTheReplay()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        for (int i = 0; i < 15; ++i)
            session.stepForward();
        int steps = lane(*session.controlPlane(), "kube-apiserver").data(ControlPlaneModel::StepsRole).toInt();
        session.reset();
        QCOMPARE(lane(*session.controlPlane(), "kube-apiserver").data(ControlPlaneModel::StepsRole).toInt(), 0);
        for (int i = 0; i < 15; ++i)
            session.stepForward();
        QCOMPARE(lane(*session.controlPlane(), "kube-apiserver").data(ControlPlaneModel::StepsRole).toInt(), steps);
    }
};

QTEST_GUILESS_MAIN(TestControlPlaneModel)
#include "tst_control_plane_model.moc"
