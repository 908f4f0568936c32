// NodeUnschedulable, after nodeunschedulable/node_unschedulable_test.go (TestNodeUnschedulable).
#include "scheduler_test_util.h"

#include <QtTest>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

class TestNodeUnschedulable : public QObject {
    Q_OBJECT

private slots:
    void cordonedNodeRejects()
    {
        // "Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)"
        auto snapshot = snapshotOf({NodeBuilder("n1").unschedulable().obj()});
        auto s = sched::runFilterPlugin(PluginId::NodeUnschedulable, *PodBuilder("p").obj(), snapshot, "n1");
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(), std::string("node(s) were unschedulable"));
        QVERIFY(s.plugin() == PluginId::NodeUnschedulable);
    }

    void normalNodeAccepts()
    {
        // "Schedule pod to normal node"
        auto snapshot = snapshotOf({NodeBuilder("n1").obj()});
        QVERIFY(sched::runFilterPlugin(PluginId::NodeUnschedulable, *PodBuilder("p").obj(), snapshot, "n1").isSuccess());
    }

    void tolerationAccepts()
    {
        // "Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)"
        auto snapshot = snapshotOf({NodeBuilder("n1").unschedulable().obj()});
        auto pod = PodBuilder("p").toleration("node.kubernetes.io/unschedulable", "Exists", "", "NoSchedule").obj();
        QVERIFY(sched::runFilterPlugin(PluginId::NodeUnschedulable, *pod, snapshot, "n1").isSuccess());
    }

    void otherTolerationRejects()
    {
        auto snapshot = snapshotOf({NodeBuilder("n1").unschedulable().obj()});
        auto pod = PodBuilder("p").toleration("node.kubernetes.io/unschedulable", "Exists", "", "NoExecute").obj();
        QCOMPARE(sched::runFilterPlugin(PluginId::NodeUnschedulable, *pod, snapshot, "n1").code(),
                 Code::UnschedulableAndUnresolvable);
    }
};

QTEST_APPLESS_MAIN(TestNodeUnschedulable)
#include "tst_node_unschedulable.moc"
