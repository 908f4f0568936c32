// NodePorts, after nodeports/node_ports_test.go (TestNodePorts).
#include "scheduler_test_util.h"

#include <QtTest>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

namespace {

sched::Status fits(const std::shared_ptr<Pod> &pod, const std::shared_ptr<Pod> &existing)
{
    auto snapshot = snapshotOf({NodeBuilder("m1").obj()}, {existing});
    return sched::runFilterPlugin(PluginId::NodePorts, *pod, snapshot, "m1");
}

std::shared_ptr<Pod> using_(const std::string &name, std::int32_t port, const std::string &protocol = "TCP",
                           const std::string &ip = "")
{
    return PodBuilder(name).node("m1").hostPort(port, protocol, ip).obj();
}

}  // namespace

class TestNodePorts : public QObject {
    Q_OBJECT

private slots:
    void noPorts()
    {
        // "nothing running": a pod without host ports always fits (PreFilter skips)
        QVERIFY(fits(PodBuilder("p").req({}).obj(), using_("e", 8080)).isSuccess());
    }

    void otherPort()
    {
        // "other port"
        QVERIFY(fits(PodBuilder("p").hostPort(9090).obj(), using_("e", 8080)).isSuccess());
    }

    void samePort()
    {
        // "same udp port"
        auto s = fits(PodBuilder("p").hostPort(8080, "UDP", "127.0.0.1").obj(), using_("e", 8080, "UDP", "127.0.0.1"));
        QCOMPARE(s.code(), Code::Unschedulable);
        QCOMPARE(s.message(), std::string("node(s) didn't have free ports for the requested pod ports"));
    }

    void protocolAndAddress()
    {
        // "same port, different protocol" / "different host ip"
        QVERIFY(fits(PodBuilder("p").hostPort(8080, "UDP").obj(), using_("e", 8080, "TCP")).isSuccess());
        QVERIFY(fits(PodBuilder("p").hostPort(8080, "TCP", "127.0.0.2").obj(), using_("e", 8080, "TCP", "127.0.0.1")).isSuccess());
        // "first tcp port bind to 0.0.0.0" / "second ... 0.0.0.0": any-address conflicts with every ip
        QVERIFY(!fits(PodBuilder("p").hostPort(8001, "TCP", "127.0.0.1").obj(), using_("e", 8001, "TCP", "0.0.0.0")).isSuccess());
        QVERIFY(!fits(PodBuilder("p").hostPort(8001, "TCP", "0.0.0.0").obj(), using_("e", 8001, "TCP", "127.0.0.1")).isSuccess());
    }

    void sidecarPortsCount()
    {
        // GetHostPorts includes init containers with restartPolicy: Always.
        auto existing = PodBuilder("e").node("m1").initReq({}, true).obj();
        existing->spec.initContainers[0].ports.push_back({"", 7000, 7000, "", "TCP"});
        QVERIFY(!fits(PodBuilder("p").hostPort(7000).obj(), existing).isSuccess());
    }
};

QTEST_APPLESS_MAIN(TestNodePorts)
#include "tst_node_ports.moc"
