// NodeName, after nodename/node_name_test.go (TestNodeName).
#include "scheduler_test_util.h"

#include <QtTest>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

class TestNodeName : public QObject {
    Q_OBJECT

private slots:
    void noHostNameRequired()
    {
        // "no host specified"
        auto snapshot = snapshotOf({NodeBuilder("foo").obj()});
        QVERIFY(sched::runFilterPlugin(PluginId::NodeName, *PodBuilder("p").obj(), snapshot, "foo").isSuccess());
    }

    void hostMatches()
    {
        // "host matches"
        auto snapshot = snapshotOf({NodeBuilder("foo").obj()});
        QVERIFY(sched::runFilterPlugin(PluginId::NodeName, *PodBuilder("p").node("foo").obj(), snapshot, "foo").isSuccess());
    }

    void hostDoesNotMatch()
    {
        // "host doesn't match"
        auto snapshot = snapshotOf({NodeBuilder("foo").obj()});
        auto s = sched::runFilterPlugin(PluginId::NodeName, *PodBuilder("p").node("bar").obj(), snapshot, "foo");
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(), std::string("node(s) didn't match the requested node name"));
    }
};

QTEST_APPLESS_MAIN(TestNodeName)
#include "tst_node_name.moc"
