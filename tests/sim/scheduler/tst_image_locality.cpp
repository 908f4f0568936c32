// ImageLocality, after imagelocality/image_locality_test.go (TestImageLocalityPriority,
// TestNormalizedImageName).
#include "scheduler_test_util.h"
#include "sim/scheduler/plugins.h"

#include <QtTest>

using namespace schedtest;
using sched::PluginId;

namespace {

constexpr std::int64_t mb = 1024 * 1024;

std::shared_ptr<Node> node403002000(const std::string &name)
{
    return NodeBuilder(name)
        .image({"gcr.io/40:latest", "gcr.io/40:v1", "gcr.io/40:v1"}, 40 * mb)
        .image({"gcr.io/300:latest", "gcr.io/300:v1"}, 300 * mb)
        .image({"gcr.io/2000:latest"}, 2000 * mb)
        .obj();
}

std::shared_ptr<Node> node25010(const std::string &name)
{
    return NodeBuilder(name).image({"gcr.io/250:latest"}, 250 * mb).image({"gcr.io/10:latest", "gcr.io/10:v1"}, 10 * mb).obj();
}

std::shared_ptr<Node> node203040(const std::string &name)
{
    return NodeBuilder(name)
        .image({"gcr.io/20:latest"}, 20 * mb)
        .image({"gcr.io/30:latest"}, 30 * mb)
        .image({"gcr.io/40:latest"}, 40 * mb)
        .obj();
}

std::vector<std::int64_t> score(const std::shared_ptr<Pod> &pod, const std::vector<std::shared_ptr<Node>> &nodes)
{
    auto snapshot = snapshotOf(nodes);
    return *sched::runScorePlugin(PluginId::ImageLocality, *pod, snapshot, {"node1", "node2"});
}

}  // namespace

class TestImageLocality : public QObject {
    Q_OBJECT

private slots:
    void twoImagesSpread()
    {
        // "two images spread on two nodes, prefer the larger image one": 100 * (250M/2 - 23M)/(1000M * 2 - 23M) = 5
        auto pod = PodBuilder("p").image("gcr.io/40").image("gcr.io/250").obj();
        QCOMPARE(score(pod, {node403002000("node1"), node25010("node2")}), scores({0, 5}));
    }

    void twoImagesOnOneNode()
    {
        // "two images on one node, prefer this node": 100 * ((40M + 300M)/2 - 23M)/(1000M * 2 - 23M) = 7
        auto pod = PodBuilder("p").image("gcr.io/40").image("gcr.io/300").obj();
        QCOMPARE(score(pod, {node403002000("node1"), node25010("node2")}), scores({7, 0}));
    }

    void initContainers()
    {
        // "include InitContainers: two images spread on two nodes, prefer the larger image one"
        auto pod = PodBuilder("p").image("gcr.io/30").initReq({}, false, "gcr.io/300").obj();
        QCOMPARE(score(pod, {node403002000("node1"), node203040("node2")}), scores({6, 0}));
    }

    void priorityFormula()
    {
        // calculatePriority clamps to [23 MiB, 1000 MiB x containers].
        QCOMPARE(sched::imageLocalityPriority(10 * mb, 1), std::int64_t(0));
        QCOMPARE(sched::imageLocalityPriority(5000 * mb, 1), std::int64_t(100));
    }

    void taggedImagesNeedExactNames()
    {
        // normalizedImageName adds ":latest" only when there is no tag: "gcr.io/40:v1" matches as is.
        auto pod = PodBuilder("p").image("gcr.io/300:v1").obj();
        auto got = score(pod, {node403002000("node1"), node25010("node2")});
        QCOMPARE(got, scores({sched::imageLocalityPriority(300 * mb / 2, 1), 0}));
    }
};

QTEST_APPLESS_MAIN(TestImageLocality)
#include "tst_image_locality.moc"
