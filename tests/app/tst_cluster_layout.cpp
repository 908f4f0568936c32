// The layout: pods in their node's card in creation order, pending pods in the queue, and
// stable places: nothing moves when an unrelated pod or a later pod appears.
#include "app/cluster_layout.h"

#include <QtTest>

using namespace podscape;

namespace {

std::vector<LayoutNode> nodes()
{
    return {{"control-plane"}, {"worker-1"}, {"worker-2"}, {"worker-3"}};
}

LayoutPod pod(const QString &name, const QString &node, double created, int containers = 2, int volumes = 1)
{
    return {"default/" + name, node, created, containers, volumes};
}

} // namespace

class TestClusterLayout : public QObject {
    Q_OBJECT

private slots:
    void podsSitInsideTheirNode()
    {
        ClusterLayout layout;
        layout.compute(nodes(), {pod("a", "worker-1", 1), pod("b", "worker-1", 2), pod("c", "worker-2", 1)});
        QRectF node = layout.nodeRect("worker-1");
        QVERIFY(node.contains(layout.podRect("default/a")));
        QVERIFY(node.contains(layout.podRect("default/b")));
        QVERIFY(layout.nodeRect("worker-2").contains(layout.podRect("default/c")));
        QVERIFY(!layout.podRect("default/a").intersects(layout.podRect("default/b")));
        QCOMPARE(layout.podRect("default/a").top() < layout.podRect("default/b").top(), true);
    }

    void pendingPodsWaitInTheQueue()
    {
        ClusterLayout layout;
        layout.compute(nodes(), {pod("waiting", "", 1), pod("bound", "worker-1", 1)});
        QVERIFY(layout.queueRect().contains(layout.podRect("default/waiting")));
        for (const auto &n : nodes())
            QVERIFY(!layout.queueRect().intersects(layout.nodeRect(n.name)));
    }

    void nodesDoNotOverlap()
    {
        ClusterLayout layout;
        layout.compute(nodes(), {});
        auto list = nodes();
        for (std::size_t i = 0; i < list.size(); ++i)
            for (std::size_t j = i + 1; j < list.size(); ++j)
                QVERIFY(!layout.nodeRect(list[i].name).intersects(layout.nodeRect(list[j].name)));
        QVERIFY(layout.bounds().contains(layout.nodeRect("worker-3")));
    }

    void anUnrelatedPodMovesNothing()
    {
        std::vector<LayoutPod> pods = {pod("a", "worker-1", 1), pod("b", "worker-2", 2), pod("q", "", 3)};
        ClusterLayout before;
        before.compute(nodes(), pods);
        pods.push_back(pod("new-on-3", "worker-3", 4, 5, 4)); // a big pod on another node
        pods.push_back(pod("new-pending", "", 5));            // and one more in the queue
        pods.push_back(pod("later-on-1", "worker-1", 6));     // a later pod on the same node
        ClusterLayout after;
        after.compute(nodes(), pods);
        for (const char *key : {"default/a", "default/b", "default/q"})
            QCOMPARE(after.podRect(key), before.podRect(key));
        for (const auto &n : nodes())
            QCOMPARE(after.nodeRect(n.name).topLeft(), before.nodeRect(n.name).topLeft());
    }

    void nodesWidenInStepsAsPodsArrive()
    {
        QCOMPARE(ClusterLayout::podColumns(0), 1);
        QCOMPARE(ClusterLayout::podColumns(2), 1);
        QCOMPARE(ClusterLayout::podColumns(3), 2);
        QCOMPARE(ClusterLayout::podColumns(8), 2);
        QCOMPARE(ClusterLayout::podColumns(9), 4);
        QCOMPARE(ClusterLayout::podColumns(100), 8);
        std::vector<LayoutPod> pods;
        for (int i = 0; i < 100; ++i)
            pods.push_back(pod(QStringLiteral("p%1").arg(i), "worker-1", i, 1, 0));
        ClusterLayout layout;
        layout.compute(nodes(), pods);
        QRectF node = layout.nodeRect("worker-1");
        QVERIFY(node.width() < 3 * node.height() && node.height() < 3 * node.width());  // about square
        for (const auto &p : pods)
            QVERIFY(node.contains(layout.podRect(p.key)));
        QVERIFY(layout.nodeRect("worker-2").left() > node.right());
    }

    void theQueueGrowsAwayFromTheNodes()
    {
        std::vector<LayoutPod> pods;
        ClusterLayout empty;
        empty.compute(nodes(), pods);
        for (int i = 0; i < 50; ++i)
            pods.push_back(pod(QStringLiteral("q%1").arg(i), "", i));
        ClusterLayout full;
        full.compute(nodes(), pods);
        for (const auto &n : nodes())
            QCOMPARE(full.nodeRect(n.name), empty.nodeRect(n.name));
        for (const auto &p : pods)
            QVERIFY(full.queueRect().contains(full.podRect(p.key)));
        QVERIFY(full.bounds().contains(full.queueRect()));
    }

    void creationOrderNotInputOrderDecides()
    {
        ClusterLayout one, two;
        one.compute(nodes(), {pod("x", "worker-1", 1), pod("y", "worker-1", 2)});
        two.compute(nodes(), {pod("y", "worker-1", 2), pod("x", "worker-1", 1)});
        QCOMPARE(one.podRect("default/x"), two.podRect("default/x"));
        QCOMPARE(one.podRect("default/y"), two.podRect("default/y"));
    }

    void chipsFitInTheirPod()
    {
        PodGeometry g = ClusterLayout::podGeometry(3, 2);
        QCOMPARE(g.containers.size(), std::size_t(3));
        QCOMPARE(g.volumes.size(), std::size_t(2));
        QRectF card(QPointF(0, 0), g.size);
        for (const auto &c : g.containers)
            QVERIFY(card.contains(c));
        for (const auto &v : g.volumes) {
            QVERIFY(v.right() > card.right()); // volumes straddle the pod's edge
            QVERIFY(v.bottom() <= card.bottom());
            for (const auto &c : g.containers)
                QVERIFY(!v.intersects(c));
        }
    }
};

QTEST_GUILESS_MAIN(TestClusterLayout)
#include "tst_cluster_layout.moc"
