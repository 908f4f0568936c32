// The Deployment controller (DESIGN 3.4, reference section 8): the ReplicaSet name and hash,
// RollingUpdate bounds sampled through a rollout, Recreate order, scaling, ScalingReplicaSet
// messages, revisions and revisionHistoryLimit.
#include "controller_test_support.h"
#include "sim/controllers/deployment_controller.h"

#include <QRegularExpression>
#include <QtTest>

using namespace podscape;
using namespace podscape::controllertest;

namespace {

struct Spec {
    std::string name = "web";
    int replicas = 4;
    std::string image = "nginx:1.27";
    std::string strategy{};  // extra YAML under spec.strategy
    std::string extra{};     // extra YAML under spec
};

std::string deploymentYaml(const Spec &s)
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + s.name + "\nspec:\n  replicas: " +
           std::to_string(s.replicas) + "\n" + s.extra + (s.strategy.empty() ? "" : "  strategy:\n" + s.strategy) +
           "  selector:\n    matchLabels:\n      app: " + s.name + "\n  template:\n    metadata:\n      labels:\n"
           "        app: " + s.name + "\n    spec:\n      containers:\n      - name: app\n        image: " + s.image +
           "\n";
}

std::vector<std::shared_ptr<ReplicaSet>> setsOf(Simulation &sim, const std::string &name)
{
    auto d = sim.store().get<Deployment>("default", name);
    return d ? ownedBy<ReplicaSet>(sim, *d) : std::vector<std::shared_ptr<ReplicaSet>>{};
}

std::shared_ptr<ReplicaSet> setWithImage(Simulation &sim, const std::string &name, const std::string &image)
{
    for (const auto &rs : setsOf(sim, name))
        if (rs->spec.template_.spec.containers.front().image == image)
            return rs;
    return nullptr;
}

// Every pod of every ReplicaSet of the Deployment.
std::vector<std::shared_ptr<Pod>> podsOf(Simulation &sim, const std::string &name)
{
    std::vector<std::shared_ptr<Pod>> out;
    for (const auto &rs : setsOf(sim, name))
        for (const auto &p : ownedBy<Pod>(sim, *rs))
            out.push_back(p);
    return out;
}

QStringList scalingEvents(const Simulation &sim, const std::string &name)
{
    QStringList out;
    for (const auto &e : eventsOf(sim, name, "deployment-controller"))
        if (e.startsWith("ScalingReplicaSet: "))
            out << e.mid(int(std::string("ScalingReplicaSet: ").size()));
    return out;
}

// The two controllers on a bare API server, to read their status and make pods ready by hand.
struct Bench : BareApiServer {
    ReplicaSetController rsc{context(), "ReplicaSet"};
    DeploymentController dc{context(), rsc};

    Bench()
    {
        store.watch([this](const WatchEvent &e) { deliver(e, rsc, dc); });
    }
    void makeReady()
    {
        for (const auto &p : store.list<Pod>("default"))
            if (!isPodReady(*p)) {
                p->status.phase = "Running";
                p->spec.nodeName = "worker-1";
                setCondition(*p, "Ready", "True", clock.now());
                api.updateStatus(p);
            }
    }
};

}  // namespace

class TestDeploymentController : public QObject {
    Q_OBJECT

private slots:
    void hashIsDeterministicAndUsesTheSafeAlphabet()
    {
        auto d = std::static_pointer_cast<Deployment>(loadYaml(deploymentYaml({})).front());
        std::string h = computeHash(d->spec.template_, std::nullopt);
        QCOMPARE(computeHash(d->spec.template_, std::nullopt), h);
        QVERIFY(computeHash(d->spec.template_, 1) != h);
        QRegularExpression safe("^[456789bcdf]{1,10}$");
        for (int i = 0; i < 50; ++i) {
            std::string hash = computeHash(d->spec.template_, i);
            QVERIFY2(safe.match(QString::fromStdString(hash)).hasMatch(), hash.c_str());
        }
        auto changed = d->spec.template_;
        changed.spec.containers.front().image = "nginx:1.28";
        QVERIFY(computeHash(changed, std::nullopt) != h);
        // The hash label itself does not take part (EqualIgnoreHash).
        auto labelled = d->spec.template_;
        labelled.metadata.labels[kPodTemplateHashLabel] = h;
        QCOMPARE(canonicalTemplate(labelled), canonicalTemplate(d->spec.template_));
    }

    void fencepostsRoundSurgeUpAndUnavailableDown()
    {
        Deployment d;
        d.spec.replicas = 10;
        d.spec.maxSurge = IntOrString::fromString("25%");
        d.spec.maxUnavailable = IntOrString::fromString("25%");
        QCOMPARE(resolveFenceposts(d), std::make_pair(3, 2));
        d.spec.maxSurge = IntOrString::fromInt(0);
        d.spec.maxUnavailable = IntOrString::fromString("5%");
        QCOMPARE(resolveFenceposts(d), std::make_pair(0, 1));  // both 0 → unavailable 1
    }

    void createsReplicaSetNamedAfterThePodTemplateHash()
    {
        Simulation sim;
        sim.start(loadYaml(deploymentYaml({.replicas = 3})));
        sim.runUntil(30);
        auto sets = setsOf(sim, "web");
        QCOMPARE(int(sets.size()), 1);
        auto rs = sets.front();
        QRegularExpression name("^web-([456789bcdf]{9,10})$");
        auto m = name.match(QString::fromStdString(rs->metadata.name));
        QVERIFY2(m.hasMatch(), rs->metadata.name.c_str());
        std::string hash = m.captured(1).toStdString();
        auto d = sim.store().get<Deployment>("default", "web");
        QCOMPARE(hash, computeHash(d->spec.template_, std::nullopt));
        QCOMPARE(rs->metadata.labels.at("pod-template-hash"), hash);
        QCOMPARE(rs->spec.template_.metadata.labels.at("pod-template-hash"), hash);
        QCOMPARE(rs->spec.selector->matchLabels.at("pod-template-hash"), hash);
        QCOMPARE(rs->spec.selector->matchLabels.at("app"), std::string("web"));
        QCOMPARE(rs->metadata.annotations.at(kRevisionAnnotation), std::string("1"));
        QCOMPARE(d->metadata.annotations.at(kRevisionAnnotation), std::string("1"));
        QCOMPARE(rs->metadata.annotations.at(kDesiredReplicasAnnotation), std::string("3"));
        QCOMPARE(rs->metadata.annotations.at(kMaxReplicasAnnotation), std::string("4"));
        const OwnerReference *ref = rs->metadata.controllerRef();
        QVERIFY(ref && ref->uid == d->metadata.uid && ref->blockOwnerDeletion);
        QCOMPARE(ref->kind, std::string("Deployment"));
        auto pods = podsOf(sim, "web");
        QCOMPARE(int(pods.size()), 3);
        QRegularExpression podName(QString::fromStdString("^" + rs->metadata.name + "-[bcdfghjklmnpqrstvwxz2456789]{5}$"));
        for (const auto &p : pods) {
            QVERIFY(podName.match(QString::fromStdString(p->metadata.name)).hasMatch());
            QCOMPARE(p->metadata.labels.at("pod-template-hash"), hash);
            QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
        }
        QCOMPARE(scalingEvents(sim, "web"),
                 QStringList{QString::fromStdString("Scaled up replica set " + rs->metadata.name + " from 0 to 3")});
    }

    void rollingUpdateStaysWithinSurgeAndUnavailability_data()
    {
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<int>("surge");
        QTest::addColumn<int>("unavailable");
        QTest::newRow("defaults 25%/25% of 10") << 10 << QString() << 3 << 2;
        QTest::newRow("surge 1, unavailable 0") << 4 << "    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n"
                                                << 1 << 0;
        QTest::newRow("surge 0, unavailable 1") << 4 << "    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1\n"
                                                << 0 << 1;
        QTest::newRow("surge 2, unavailable 2 of 5") << 5 << "    rollingUpdate:\n      maxSurge: 2\n      maxUnavailable: 2\n"
                                                     << 2 << 2;
    }

    void rollingUpdateStaysWithinSurgeAndUnavailability()
    {
        QFETCH(int, replicas);
        QFETCH(QString, strategy);
        QFETCH(int, surge);
        QFETCH(int, unavailable);
        Spec spec{.replicas = replicas, .strategy = strategy.isEmpty() ? "" : "    type: RollingUpdate\n" + strategy.toStdString()};
        Simulation sim;
        sim.start(loadYaml(deploymentYaml(spec)));
        sim.runUntil(40);
        QCOMPARE(countIf(podsOf(sim, "web"), availableNow), replicas);
        spec.image = "nginx:1.28";
        sim.apply(loadYaml(deploymentYaml(spec)));
        int maxTotal = 0, minAvailable = replicas;
        for (double t = 40; t < 200; t += 0.01) {
            sim.runUntil(t);
            auto pods = podsOf(sim, "web");
            maxTotal = std::max(maxTotal, countIf(pods, notTerminating));
            minAvailable = std::min(minAvailable, countIf(pods, availableNow));
        }
        QVERIFY2(maxTotal <= replicas + surge, qPrintable(QString::number(maxTotal)));
        QVERIFY2(minAvailable >= replicas - unavailable, qPrintable(QString::number(minAvailable)));
        QCOMPARE(maxTotal, replicas + surge);  // the surge is used
        auto fresh = setWithImage(sim, "web", "nginx:1.28");
        auto old = setWithImage(sim, "web", "nginx:1.27");
        QVERIFY(fresh && old);
        QCOMPARE(fresh->spec.replicas.value_or(-1), replicas);
        QCOMPARE(old->spec.replicas.value_or(-1), 0);
        QCOMPARE(int(ownedBy<Pod>(sim, *old).size()), 0);
        QCOMPARE(countIf(ownedBy<Pod>(sim, *fresh), availableNow), replicas);
        QCOMPARE(fresh->metadata.annotations.at(kRevisionAnnotation), std::string("2"));
        QCOMPARE(old->metadata.annotations.at(kRevisionAnnotation), std::string("1"));
        QCOMPARE(sim.store().get<Deployment>("default", "web")->metadata.annotations.at(kRevisionAnnotation),
                 std::string("2"));
        QStringList events = scalingEvents(sim, "web");
        QRegularExpression retired(QString::fromStdString("^Scaled down replica set " + old->metadata.name +
                                                          " from [0-9]+ to 0$"));
        QCOMPARE(events.filter(retired).size(), 1);
        QCOMPARE(events.filter(QRegularExpression("^Scaled up replica set " +
                                                  QString::fromStdString(fresh->metadata.name) + " from 0 to ")).size(), 1);
    }

    void rollingUpdateMessagesFollowKubernetes()
    {
        Spec spec{.replicas = 2, .strategy = "    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n"};
        Simulation sim;
        sim.start(loadYaml(deploymentYaml(spec)));
        sim.runUntil(30);
        spec.image = "nginx:1.28";
        sim.apply(loadYaml(deploymentYaml(spec)));
        sim.runUntil(120);
        std::string oldName = setWithImage(sim, "web", "nginx:1.27")->metadata.name;
        std::string newName = setWithImage(sim, "web", "nginx:1.28")->metadata.name;
        QStringList expected{QString::fromStdString("Scaled up replica set " + oldName + " from 0 to 2"),
                             QString::fromStdString("Scaled up replica set " + newName + " from 0 to 1"),
                             QString::fromStdString("Scaled down replica set " + oldName + " from 2 to 1"),
                             QString::fromStdString("Scaled up replica set " + newName + " from 1 to 2"),
                             QString::fromStdString("Scaled down replica set " + oldName + " from 1 to 0")};
        QCOMPARE(scalingEvents(sim, "web"), expected);
    }

    void recreateScalesOldToZeroBeforeNewUp()
    {
        Spec spec{.replicas = 3, .strategy = "    type: Recreate\n"};
        Simulation sim;
        sim.start(loadYaml(deploymentYaml(spec)));
        sim.runUntil(30);
        spec.image = "nginx:1.28";
        sim.apply(loadYaml(deploymentYaml(spec)));
        bool overlap = false;
        for (double t = 30; t < 150; t += 0.02) {
            sim.runUntil(t);
            auto fresh = setWithImage(sim, "web", "nginx:1.28");
            auto old = setWithImage(sim, "web", "nginx:1.27");
            if (fresh && old && !ownedBy<Pod>(sim, *fresh).empty() && !ownedBy<Pod>(sim, *old).empty())
                overlap = true;
        }
        QVERIFY(!overlap);
        auto fresh = setWithImage(sim, "web", "nginx:1.28");
        auto old = setWithImage(sim, "web", "nginx:1.27");
        QVERIFY(fresh && old);
        QCOMPARE(countIf(ownedBy<Pod>(sim, *fresh), availableNow), 3);
        QCOMPARE(scalingEvents(sim, "web"),
                 (QStringList{QString::fromStdString("Scaled up replica set " + old->metadata.name + " from 0 to 3"),
                              QString::fromStdString("Scaled down replica set " + old->metadata.name + " from 3 to 0"),
                              QString::fromStdString("Scaled up replica set " + fresh->metadata.name + " from 0 to 3")}));
    }

    void scalingIsApplyWithNewReplicas()
    {
        Spec spec{.replicas = 3};
        Simulation sim;
        sim.start(loadYaml(deploymentYaml(spec)));
        sim.runUntil(30);
        spec.replicas = 5;
        sim.apply(loadYaml(deploymentYaml(spec)));
        sim.runUntil(60);
        auto sets = setsOf(sim, "web");
        QCOMPARE(int(sets.size()), 1);  // no rollout, same template
        QCOMPARE(countIf(podsOf(sim, "web"), availableNow), 5);
        QCOMPARE(scalingEvents(sim, "web").last(),
                 QString::fromStdString("Scaled up replica set " + sets.front()->metadata.name + " from 3 to 5"));
        spec.replicas = 1;
        sim.apply(loadYaml(deploymentYaml(spec)));
        sim.runUntil(90);
        QCOMPARE(countIf(podsOf(sim, "web"), notTerminating), 1);
        QCOMPARE(scalingEvents(sim, "web").last(),
                 QString::fromStdString("Scaled down replica set " + sets.front()->metadata.name + " from 5 to 1"));
    }

    void scalingMidRolloutIsProportional()
    {
        Spec spec{.replicas = 10};
        Simulation sim;
        sim.start(loadYaml(deploymentYaml(spec)));
        sim.runUntil(30);
        spec.image = "nginx:1.28";
        sim.apply(loadYaml(deploymentYaml(spec)));
        sim.runUntil(30.5);  // both sets have pods now
        auto fresh = setWithImage(sim, "web", "nginx:1.28");
        auto old = setWithImage(sim, "web", "nginx:1.27");
        QCOMPARE(old->spec.replicas.value_or(0) + fresh->spec.replicas.value_or(0), 13);  // 10 + 25% surge
        spec.replicas = 20;
        sim.apply(loadYaml(deploymentYaml(spec)));
        sim.runUntil(31);
        fresh = setWithImage(sim, "web", "nginx:1.28");
        old = setWithImage(sim, "web", "nginx:1.27");
        // 13 → 25 (20 + 5 surge), shared in proportion to the sets' sizes.
        QCOMPARE(old->spec.replicas.value_or(0) + fresh->spec.replicas.value_or(0), 25);
        QVERIFY(fresh->spec.replicas.value_or(0) > 3);
        QVERIFY(old->spec.replicas.value_or(0) > 10);
        int maxTotal = 0;
        for (double t = 31; t < 200; t += 0.05) {
            sim.runUntil(t);
            maxTotal = std::max(maxTotal, countIf(podsOf(sim, "web"), notTerminating));
        }
        QVERIFY2(maxTotal <= 25, qPrintable(QString::number(maxTotal)));
        fresh = setWithImage(sim, "web", "nginx:1.28");
        QCOMPARE(countIf(ownedBy<Pod>(sim, *fresh), availableNow), 20);
        QCOMPARE(setWithImage(sim, "web", "nginx:1.27")->spec.replicas.value_or(-1), 0);
    }

    void runsAreDeterministic()
    {
        auto run = [] {
            Spec spec{.replicas = 5};
            Simulation sim;
            sim.start(loadYaml(deploymentYaml(spec)));
            sim.runUntil(30);
            spec.image = "nginx:1.28";
            sim.apply(loadYaml(deploymentYaml(spec)));
            sim.runUntil(120);
            QStringList log;
            for (const auto &e : sim.events().events())
                log << QString::number(e.time, 'f', 3) + " " + QString::fromStdString(e.object.name + " " + e.reason + " " + e.message);
            return log;
        };
        QCOMPARE(run(), run());
    }

    void revisionHistoryLimitDeletesOldEmptySets()
    {
        Spec spec{.replicas = 2, .extra = "  revisionHistoryLimit: 1\n"};
        Simulation sim;
        sim.start(loadYaml(deploymentYaml(spec)));
        sim.runUntil(30);
        for (const char *image : {"nginx:1.28", "nginx:1.29", "nginx:1.30"}) {
            spec.image = image;
            sim.apply(loadYaml(deploymentYaml(spec)));
            sim.runUntil(sim.now() + 60);
        }
        auto sets = setsOf(sim, "web");
        QCOMPARE(int(sets.size()), 2);
        QVERIFY(setWithImage(sim, "web", "nginx:1.30"));
        QVERIFY(setWithImage(sim, "web", "nginx:1.29"));
        QCOMPARE(setWithImage(sim, "web", "nginx:1.30")->metadata.annotations.at(kRevisionAnnotation), std::string("4"));
    }

    void statusFollowsTheReplicaSets()
    {
        Bench b;
        auto d = std::static_pointer_cast<Deployment>(loadYaml(deploymentYaml({.replicas = 4})).front()->clone());
        d->metadata.namespace_ = "default";
        QVERIFY(b.api.create(d).ok());
        b.clock.runUntil(1);
        const DeploymentStatus *s = b.dc.statusOf("default", "web");
        QVERIFY(s);
        QCOMPARE(s->observedGeneration, std::int64_t(1));
        QCOMPARE(s->replicas, 4);
        QCOMPARE(s->updatedReplicas, 4);
        QCOMPARE(s->readyReplicas, 0);
        QCOMPARE(s->availableReplicas, 0);
        QCOMPARE(s->unavailableReplicas, 4);
        QCOMPARE(s->condition("Available")->status, std::string("False"));
        QCOMPARE(s->condition("Available")->reason, std::string("MinimumReplicasUnavailable"));
        QCOMPARE(s->condition("Available")->message, std::string("Deployment does not have minimum availability."));
        QCOMPARE(s->condition("Progressing")->status, std::string("True"));
        b.makeReady();
        b.clock.runUntil(2);
        s = b.dc.statusOf("default", "web");
        QCOMPARE(s->readyReplicas, 4);
        QCOMPARE(s->availableReplicas, 4);
        QCOMPARE(s->unavailableReplicas, 0);
        auto rs = b.store.list<ReplicaSet>("default").front();
        QCOMPARE(b.rsc.statusOf("default", rs->metadata.name)->availableReplicas, 4);
        QCOMPARE(s->condition("Available")->reason, std::string("MinimumReplicasAvailable"));
        QCOMPARE(s->condition("Available")->message, std::string("Deployment has minimum availability."));
        QCOMPARE(s->condition("Progressing")->reason, std::string("NewReplicaSetAvailable"));
        QCOMPARE(s->condition("Progressing")->message,
                 "ReplicaSet \"" + rs->metadata.name + "\" has successfully progressed.");
    }

    void progressDeadlineExceeded()
    {
        Bench b;
        auto d = std::static_pointer_cast<Deployment>(
            loadYaml(deploymentYaml({.replicas = 2, .extra = "  progressDeadlineSeconds: 60\n"})).front()->clone());
        d->metadata.namespace_ = "default";
        QVERIFY(b.api.create(d).ok());
        b.clock.runUntil(30);
        const DeploymentStatus *s = b.dc.statusOf("default", "web");
        QCOMPARE(s->condition("Progressing")->status, std::string("True"));
        b.clock.runUntil(100);  // pods never become ready here
        s = b.dc.statusOf("default", "web");
        QCOMPARE(s->condition("Progressing")->status, std::string("False"));
        QCOMPARE(s->condition("Progressing")->reason, std::string("ProgressDeadlineExceeded"));
        auto rs = b.store.list<ReplicaSet>("default").front();
        QCOMPARE(s->condition("Progressing")->message,
                 "ReplicaSet \"" + rs->metadata.name + "\" has timed out progressing.");
    }

    void quotaFailureBecomesReplicaFailure()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: pod-count\nspec:\n  hard:\n"
                           "    pods: \"1\"\n---\n" + deploymentYaml({.replicas = 2})));
        sim.runUntil(30);
        auto rs = setsOf(sim, "web").front();
        QCOMPARE(int(ownedBy<Pod>(sim, *rs).size()), 1);
        bool failed = false;
        for (const auto &e : sim.events().events())
            failed = failed || (e.object.name == rs->metadata.name && e.reason == "FailedCreate" &&
                                e.message.starts_with("Error creating: pods \"" + rs->metadata.name + "-"));
        QVERIFY(failed);
    }

    void rollingBackReusesTheOldSetWithANewRevision()
    {
        Spec spec{.replicas = 2};
        Simulation sim;
        sim.start(loadYaml(deploymentYaml(spec)));
        sim.runUntil(30);
        std::string first = setsOf(sim, "web").front()->metadata.name;
        spec.image = "nginx:1.28";
        sim.apply(loadYaml(deploymentYaml(spec)));
        sim.runUntil(90);
        spec.image = "nginx:1.27";
        sim.apply(loadYaml(deploymentYaml(spec)));
        sim.runUntil(150);
        auto back = setWithImage(sim, "web", "nginx:1.27");
        QCOMPARE(back->metadata.name, first);
        QCOMPARE(back->metadata.annotations.at(kRevisionAnnotation), std::string("3"));
        QCOMPARE(back->metadata.annotations.at("deployment.kubernetes.io/revision-history"), std::string("1"));
        QCOMPARE(countIf(ownedBy<Pod>(sim, *back), availableNow), 2);
        QCOMPARE(int(setsOf(sim, "web").size()), 2);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentController)
#include "tst_deployment_controller.moc"
