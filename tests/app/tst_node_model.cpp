// The node model: kubectl's STATUS and ROLES, taints, requested vs allocatable resources and
// pods vs capacity, and a place on the canvas for every node.
#include "app/cluster_session.h"
#include "app/node_model.h"

#include <QtTest>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

QModelIndex nodeRow(const NodeModel &model, const QString &name)
{
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.index(i).data(NodeModel::NameRole).toString() == name)
            return model.index(i);
    return {};
}

} // namespace

class TestNodeModel : public QObject {
    Q_OBJECT

private slots:
    void theDefaultCluster()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        const NodeModel &nodes = *session.nodes();
        QCOMPARE(nodes.rowCount(), 4);
        QModelIndex cp = nodeRow(nodes, "control-plane");
        QCOMPARE(cp.data(NodeModel::RolesRole).toString(), QStringLiteral("control-plane"));
        QCOMPARE(cp.data(NodeModel::StatusRole).toString(), QStringLiteral("Ready"));
        QCOMPARE(cp.data(NodeModel::TaintsRole).toStringList(),
                 QStringList{"node-role.kubernetes.io/control-plane:NoSchedule"});
        QModelIndex worker = nodeRow(nodes, "worker-2");
        QCOMPARE(worker.data(NodeModel::RolesRole).toString(), QStringLiteral("<none>"));
        QCOMPARE(worker.data(NodeModel::CpuAllocatableRole).toLongLong(), 4000);
        QCOMPARE(worker.data(NodeModel::PodCapacityRole).toInt(), 110);
        QVERIFY(worker.data(NodeModel::InternalIpRole).toString().startsWith(QLatin1String("172.18.0.")));
    }

    void requestsAddUpPerNode()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        // Every worker runs one web pod (250m + 10m, 64Mi + 16Mi); worker-1 also the bare pod,
        // which requests nothing.
        qint64 cpu = 0, pods = 0;
        for (const char *name : {"worker-1", "worker-2", "worker-3"}) {
            QModelIndex row = nodeRow(*session.nodes(), name);
            cpu += row.data(NodeModel::CpuRequestedRole).toLongLong();
            pods += row.data(NodeModel::PodCountRole).toInt();
            QCOMPARE(row.data(NodeModel::MemoryRequestedRole).toLongLong() % (80 << 20), 0);
        }
        QCOMPARE(cpu, 3 * 260);
        QCOMPARE(pods, 4);
        QModelIndex w2 = nodeRow(*session.nodes(), "worker-2");
        QCOMPARE(w2.data(NodeModel::CpuTextRole).toString(), QStringLiteral("0.26 / 4"));
        QCOMPARE(w2.data(NodeModel::MemoryTextRole).toString(), QStringLiteral("80Mi / 8Gi"));
    }

    void everyNodeHasItsPlace()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        for (int i = 0; i < session.nodes()->rowCount(); ++i) {
            QModelIndex row = session.nodes()->index(i);
            QRectF rect(row.data(NodeModel::XRole).toDouble(), row.data(NodeModel::YRole).toDouble(),
                        row.data(NodeModel::WidthRole).toDouble(), row.data(NodeModel::HeightRole).toDouble());
            QVERIFY(!rect.isEmpty());
            QVERIFY(session.bounds().contains(rect));
        }
    }
};

QTEST_GUILESS_MAIN(TestNodeModel)
#include "tst_node_model.moc"
