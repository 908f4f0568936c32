// The StatefulSet controller (DESIGN 3.4, reference section 9): ordinal names and identity,
// OrderedReady and Parallel creation, reverse-order scale-down, a PVC per pod that survives the
// pod, recreation under the same name, RollingUpdate / partition / OnDelete, events, status.
#include "controller_test_support.h"
#include "sim/controllers/garbage_collector.h"
#include "sim/controllers/statefulset_controller.h"

#include <QtTest>

#include <map>

using namespace podscape;
using namespace podscape::controllertest;

namespace {

struct SetOptions {
    int replicas = 3;
    std::string policy;      // podManagementPolicy
    int readinessDelay = 0;  // a readiness probe with this initialDelaySeconds (0: none)
    bool claims = true;      // the `www` volumeClaimTemplate
    bool accessModes = true; // the template's accessModes (required for a claim)
    std::string image = "registry.k8s.io/nginx-slim:0.24";
    std::string extra; // more spec lines, indented by two spaces
};

// The Kubernetes docs' StatefulSet example (the `nginx` headless Service and the `web` set).
std::string webYaml(const SetOptions &o = {})
{
    std::string y = "apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n  labels:\n    app: nginx\n"
                    "spec:\n  ports:\n  - port: 80\n    name: web\n  clusterIP: None\n  selector:\n    app: nginx\n"
                    "---\n"
                    "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n"
                    "  selector:\n    matchLabels:\n      app: nginx\n"
                    "  serviceName: nginx\n  replicas: " +
                    std::to_string(o.replicas) + "\n";
    if (!o.policy.empty())
        y += "  podManagementPolicy: " + o.policy + "\n";
    y += o.extra;
    y += "  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n"
         "      terminationGracePeriodSeconds: 10\n      containers:\n      - name: nginx\n        image: " +
         o.image + "\n        ports:\n        - containerPort: 80\n          name: web\n";
    if (o.readinessDelay > 0)
        y += "        readinessProbe:\n          httpGet:\n            path: /\n            port: 80\n"
             "          initialDelaySeconds: " +
             std::to_string(o.readinessDelay) + "\n          periodSeconds: 2\n";
    if (o.claims)
        y += "        volumeMounts:\n        - name: www\n          mountPath: /usr/share/nginx/html\n"
             "  volumeClaimTemplates:\n  - metadata:\n      name: www\n    spec:\n" +
             std::string(o.accessModes ? "      accessModes: [\"ReadWriteOnce\"]\n" : "") +
             "      resources:\n        requests:\n          storage: 1Gi\n";
    return y;
}

// Only the StatefulSet document (for re-applying a changed set).
std::vector<ObjectPtr> setOnly(const SetOptions &o)
{
    std::vector<ObjectPtr> out;
    for (const auto &obj : loadYaml(webYaml(o)))
        if (obj->kind == "StatefulSet")
            out.push_back(obj);
    return out;
}

std::shared_ptr<Pod> podNamed(Simulation &sim, const std::string &name)
{
    return sim.store().get<Pod>("default", name);
}

// The set's pods by name (terminating ones too).
QStringList podNames(Simulation &sim)
{
    QStringList out;
    auto set = sim.store().get<StatefulSet>("default", "web");
    if (!set)
        return out;
    for (const auto &p : ownedBy<Pod>(sim, *set))
        out << QString::fromStdString(p->metadata.name);
    out.sort();
    return out;
}

QStringList activePodNames(Simulation &sim)
{
    QStringList out;
    auto set = sim.store().get<StatefulSet>("default", "web");
    for (const auto &p : ownedBy<Pod>(sim, *set))
        if (!p->metadata.deletionTimestamp)
            out << QString::fromStdString(p->metadata.name);
    out.sort();
    return out;
}

QStringList claimNames(Simulation &sim)
{
    QStringList out;
    for (const auto &c : sim.store().list<PersistentVolumeClaim>("default"))
        out << QString::fromStdString(c->metadata.name);
    out.sort();
    return out;
}

QStringList setEvents(const Simulation &sim)
{
    return eventsOf(sim, "web", StatefulSetController::kComponent);
}

// Runs the simulation in small steps, noting when each pod (by uid) was first seen, first seen
// Ready and first seen terminating, and when it left.
struct Timeline {
    struct Life {
        std::string name;
        std::string image;
        double created = -1, ready = -1, terminating = -1, gone = -1;
    };
    std::map<std::string, Life> byUid;

    void run(Simulation &sim, double until, double step = 0.1)
    {
        while (sim.now() < until) {
            sim.runUntil(std::min(until, sim.now() + step));
            observe(sim);
        }
    }
    void observe(Simulation &sim)
    {
        std::set<std::string> seen;
        for (const auto &p : sim.store().list<Pod>("default")) {
            Life &l = byUid[p->metadata.uid];
            seen.insert(p->metadata.uid);
            if (l.created < 0) {
                l.name = p->metadata.name;
                l.image = p->spec.containers.front().image;
                l.created = *p->metadata.creationTimestamp;
            }
            if (l.ready < 0 && isPodReady(*p))
                l.ready = sim.now();
            if (l.terminating < 0 && p->metadata.deletionTimestamp)
                l.terminating = sim.now();
        }
        for (auto &[uid, l] : byUid)
            if (l.gone < 0 && !seen.count(uid))
                l.gone = sim.now();
    }
    // The lives of the pods with this name, in creation order.
    std::vector<Life> of(const std::string &name) const
    {
        std::vector<Life> out;
        for (const auto &[uid, l] : byUid)
            if (l.name == name)
                out.push_back(l);
        std::sort(out.begin(), out.end(), [](const Life &a, const Life &b) { return a.created < b.created; });
        return out;
    }
};

// The StatefulSet controller and the garbage collector on a bare API server, to read the status
// and move pods through their lives by hand.
struct Bench : BareApiServer {
    StatefulSetController ssc{context()};
    GarbageCollector gc{context()};

    Bench()
    {
        store.watch([this](const WatchEvent &e) { deliver(e, ssc, gc); });
    }
    void apply(const SetOptions &o)
    {
        for (const auto &obj : setOnly(o)) {
            auto copy = obj->clone();
            copy->metadata.namespace_ = "default";
            QVERIFY(api.apply(copy).ok());
        }
    }
    std::shared_ptr<Pod> pod(const std::string &name) { return store.get<Pod>("default", name); }
    void makeReady(const std::string &name)
    {
        auto p = pod(name);
        QVERIFY2(p, name.c_str());
        p->status.phase = "Running";
        p->spec.nodeName = "worker-1";
        setCondition(*p, "Ready", "True", clock.now());
        api.updateStatus(p);
    }
    // Ready every pod there is, step by step, until `count` pods are ready.
    void readyAll(int count)
    {
        for (int i = 0; i < 100; ++i) {
            clock.runUntil(clock.now() + 1);
            int ready = 0;
            for (const auto &p : store.list<Pod>("default")) {
                if (!isPodReady(*p) && !p->metadata.deletionTimestamp)
                    makeReady(p->metadata.name);
                ready += isPodReady(*p) && !p->metadata.deletionTimestamp ? 1 : 0;
            }
            if (ready == count)
                break;
        }
        clock.runUntil(clock.now() + 1);
    }
    // The kubelet's part of a graceful deletion: the pod leaves etcd.
    void finishDeletions()
    {
        for (const auto &p : store.list<Pod>("default"))
            if (p->metadata.deletionTimestamp)
                api.finishPodDeletion(p);
    }
    const StatefulSetStatus &status()
    {
        const StatefulSetStatus *s = ssc.statusOf("default", "web");
        if (!s)
            qFatal("no status");
        return *s;
    }
};

} // namespace

class TestStatefulSetController : public QObject {
    Q_OBJECT

private slots:
    void createsOrdinalPodsWithStableIdentity()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml()));
        sim.runUntil(120);
        QCOMPARE(podNames(sim), QStringList({"web-0", "web-1", "web-2"}));
        auto set = sim.store().get<StatefulSet>("default", "web");
        std::string revision;
        for (int i = 0; i < 3; ++i) {
            auto p = podNamed(sim, "web-" + std::to_string(i));
            QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
            QCOMPARE(p->metadata.labels.at("statefulset.kubernetes.io/pod-name"), p->metadata.name);
            QCOMPARE(p->metadata.labels.at("apps.kubernetes.io/pod-index"), std::to_string(i));
            QCOMPARE(p->metadata.labels.at("app"), std::string("nginx"));
            const std::string &hash = p->metadata.labels.at("controller-revision-hash");
            QVERIFY2(hash.starts_with("web-") && hash.size() > 6, hash.c_str());
            if (i == 0)
                revision = hash;
            QCOMPARE(hash, revision);
            QCOMPARE(p->metadata.generateName, std::string());
            QCOMPARE(p->spec.hostname, p->metadata.name);
            QCOMPARE(p->spec.subdomain, std::string("nginx"));
            const OwnerReference *ref = p->metadata.controllerRef();
            QVERIFY(ref);
            QCOMPARE(ref->kind, std::string("StatefulSet"));
            QCOMPARE(ref->apiVersion, std::string("apps/v1"));
            QCOMPARE(ref->name, std::string("web"));
            QCOMPARE(ref->uid, set->metadata.uid);
            QVERIFY(ref->blockOwnerDeletion);
            QCOMPARE(p->spec.volumes.front().name, std::string("www"));
            QCOMPARE(p->spec.volumes.front().type, Volume::Type::PersistentVolumeClaim);
            QCOMPARE(p->spec.volumes.front().sourceName, "www-web-" + std::to_string(i));
        }
        // Each pod answers behind the headless Service, and under its own stable DNS name.
        ServiceEndpoints eps = sim.endpoints().endpointsOf("default", "nginx");
        QCOMPARE(int(eps.ready.size()), 3);
        QCOMPARE(int(eps.podDns.size()), 3);
        for (const std::string name : {"web-0", "web-1", "web-2"}) {
            const std::string fqdn = name + ".nginx.default.svc.cluster.local", ip = podNamed(sim, name)->status.podIP;
            QCOMPARE(eps.podDns[fqdn], ip);
            bool served = false;
            for (const auto &entry : sim.traces().trace("default/" + name))
                served |= entry.component == "CoreDNS" && entry.detail == fqdn + " → " + ip;
            QVERIFY2(served, fqdn.c_str());
        }
    }

    void orderedReadyWaitsForEachPodToBeReady()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml({.readinessDelay = 10})));
        Timeline t;
        t.run(sim, 120);
        QCOMPARE(podNames(sim), QStringList({"web-0", "web-1", "web-2"}));
        for (int i = 1; i < 3; ++i) {
            auto prev = t.of("web-" + std::to_string(i - 1)).front();
            auto cur = t.of("web-" + std::to_string(i)).front();
            QVERIFY(prev.ready > 0);
            // web-i is created only once web-(i-1) is Running and Ready (10 s of readiness delay).
            QVERIFY2(cur.created >= prev.ready - 0.11, qPrintable(QString("web-%1 created at %2, web-%3 ready at %4")
                                                                      .arg(i)
                                                                      .arg(cur.created)
                                                                      .arg(i - 1)
                                                                      .arg(prev.ready)));
            QVERIFY(cur.created >= prev.created + 10);
        }
        // What `kubectl get pods -w` shows a few seconds in: web-0 alone, not ready yet.
        Simulation early;
        early.start(loadYaml(webYaml({.readinessDelay = 10})));
        early.runUntil(8);
        QCOMPARE(podNames(early), QStringList({"web-0"}));
        QVERIFY(!isPodReady(*podNamed(early, "web-0")));
    }

    void parallelCreatesEveryPodAtOnce()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml({.policy = "Parallel", .readinessDelay = 10})));
        Timeline t;
        t.run(sim, 3);
        QCOMPARE(podNames(sim), QStringList({"web-0", "web-1", "web-2"}));
        for (const auto &name : {"web-0", "web-1", "web-2"})
            QVERIFY(!isPodReady(*podNamed(sim, name)));
        auto c0 = t.of("web-0").front().created;
        QCOMPARE(t.of("web-2").front().created, c0);
        t.run(sim, 60);
        QCOMPARE(activePodNames(sim), QStringList({"web-0", "web-1", "web-2"}));
    }

    void scalesDownInReverseOrdinalOrderOneAtATime()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml({.replicas = 4})));
        sim.runUntil(120);
        QCOMPARE(activePodNames(sim), QStringList({"web-0", "web-1", "web-2", "web-3"}));
        QVERIFY(!sim.scale("StatefulSet", "default", "web", 1)); // kubectl scale sts web --replicas=1
        Timeline t;
        t.observe(sim);
        t.run(sim, 240);
        QCOMPARE(podNames(sim), QStringList({"web-0"}));
        auto w3 = t.of("web-3").front(), w2 = t.of("web-2").front(), w1 = t.of("web-1").front();
        QVERIFY(w3.terminating > 0 && w3.gone > 0);
        // web-2 starts terminating only after web-3 has gone, web-1 after web-2.
        QVERIFY(w2.terminating >= w3.gone);
        QVERIFY(w1.terminating >= w2.gone);
        QCOMPARE(t.of("web-0").front().terminating, -1.0);
        QStringList deletes;
        for (const auto &e : setEvents(sim))
            if (e.startsWith("SuccessfulDelete: "))
                deletes << e;
        QCOMPARE(deletes, QStringList({"SuccessfulDelete: delete Pod web-3 in StatefulSet web successful",
                                       "SuccessfulDelete: delete Pod web-2 in StatefulSet web successful",
                                       "SuccessfulDelete: delete Pod web-1 in StatefulSet web successful"}));
    }

    void parallelScaleDownDeletesAtOnce()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml({.replicas = 4, .policy = "Parallel"})));
        sim.runUntil(120);
        QVERIFY(!sim.scale("StatefulSet", "default", "web", 1));
        sim.runUntil(121);
        QCOMPARE(activePodNames(sim), QStringList({"web-0"}));
        QCOMPARE(podNames(sim).size(), 4); // three terminating together
        sim.runUntil(180);
        QCOMPARE(podNames(sim), QStringList({"web-0"}));
    }

    void eachPodGetsItsOwnClaimFirst()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml()));
        sim.runUntil(120);
        QCOMPARE(claimNames(sim), QStringList({"www-web-0", "www-web-1", "www-web-2"}));
        for (int i = 0; i < 3; ++i) {
            auto claim = sim.store().get<PersistentVolumeClaim>("default", "www-web-" + std::to_string(i));
            QCOMPARE(claim->phase, std::string("Bound"));
            QVERIFY(!claim->spec.volumeName.empty());
            QCOMPARE(claim->metadata.labels.at("app"), std::string("nginx"));
            QCOMPARE(claim->spec.storageClassName.value_or(""), std::string("standard"));
            QVERIFY(claim->metadata.ownerReferences.empty()); // Retain: nobody owns it
        }
        QStringList events = setEvents(sim);
        QCOMPARE(events, QStringList({"SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success",
                                      "SuccessfulCreate: create Pod web-0 in StatefulSet web successful",
                                      "SuccessfulCreate: create Claim www-web-1 Pod web-1 in StatefulSet web success",
                                      "SuccessfulCreate: create Pod web-1 in StatefulSet web successful",
                                      "SuccessfulCreate: create Claim www-web-2 Pod web-2 in StatefulSet web success",
                                      "SuccessfulCreate: create Pod web-2 in StatefulSet web successful"}));
    }

    void claimsSurviveScaleDownAndComeBackToTheSamePod()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml()));
        sim.runUntil(120);
        std::map<std::string, std::pair<std::string, std::string>> before; // claim → uid, volume
        std::map<std::string, std::string> nodes;
        for (const auto &c : sim.store().list<PersistentVolumeClaim>("default"))
            before[c->metadata.name] = {c->metadata.uid, c->spec.volumeName};
        for (int i = 0; i < 3; ++i)
            nodes["web-" + std::to_string(i)] = podNamed(sim, "web-" + std::to_string(i))->spec.nodeName;
        QVERIFY(!sim.scale("StatefulSet", "default", "web", 1));
        sim.runUntil(240);
        QCOMPARE(podNames(sim), QStringList({"web-0"}));
        QCOMPARE(claimNames(sim), QStringList({"www-web-0", "www-web-1", "www-web-2"}));
        QVERIFY(!sim.scale("StatefulSet", "default", "web", 3));
        sim.runUntil(360);
        QCOMPARE(activePodNames(sim), QStringList({"web-0", "web-1", "web-2"}));
        for (int i = 0; i < 3; ++i) {
            const std::string name = "web-" + std::to_string(i), claimName = "www-" + name;
            auto p = podNamed(sim, name);
            QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
            QCOMPARE(p->spec.volumes.front().sourceName, claimName);
            auto claim = sim.store().get<PersistentVolumeClaim>("default", claimName);
            QCOMPARE(claim->metadata.uid, before[claimName].first);
            QCOMPARE(claim->spec.volumeName, before[claimName].second);
            QCOMPARE(claim->phase, std::string("Bound"));
            QCOMPARE(p->spec.nodeName, nodes[name]); // the local volume holds the pod to its node
        }
        int claimCreates = 0;
        for (const auto &e : setEvents(sim))
            claimCreates += e.contains("create Claim") ? 1 : 0;
        QCOMPARE(claimCreates, 3);
    }

    void recreatesADeletedPodUnderTheSameName()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml()));
        sim.runUntil(120);
        const std::string oldUid = podNamed(sim, "web-1")->metadata.uid;
        QVERIFY(!sim.remove("Pod", "default", "web-1")); // kubectl delete pod web-1
        sim.runUntil(121);
        QVERIFY(podNamed(sim, "web-1")->metadata.deletionTimestamp); // not replaced while it terminates
        sim.runUntil(200);
        auto p = podNamed(sim, "web-1");
        QVERIFY(p);
        QVERIFY(p->metadata.uid != oldUid);
        QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
        QCOMPARE(p->spec.volumes.front().sourceName, std::string("www-web-1"));
        QCOMPARE(podNames(sim), QStringList({"web-0", "web-1", "web-2"}));
        QCOMPARE(setEvents(sim).count("SuccessfulCreate: create Pod web-1 in StatefulSet web successful"), 2);
        QCOMPARE(claimNames(sim), QStringList({"www-web-0", "www-web-1", "www-web-2"}));
    }

    void recreatesAFailedPod()
    {
        Bench b;
        b.apply({.claims = false});
        b.readyAll(3);
        auto failed = b.pod("web-1");
        const std::string oldUid = failed->metadata.uid;
        failed->status.phase = "Failed"; // evicted, say
        b.api.updateStatus(failed);
        b.clock.runUntil(b.clock.now() + 1);
        QVERIFY(b.pod("web-1")->metadata.deletionTimestamp);
        b.finishDeletions();
        b.clock.runUntil(b.clock.now() + 1);
        QVERIFY(b.pod("web-1"));
        QVERIFY(b.pod("web-1")->metadata.uid != oldUid);
        QStringList events;
        for (const auto &e : b.events.events())
            events << QString::fromStdString(e.reason + ": " + e.message);
        QVERIFY(events.contains("SuccessfulDelete: delete Pod web-1 in StatefulSet web successful"));
        QCOMPARE(events.count("SuccessfulCreate: create Pod web-1 in StatefulSet web successful"), 2);
    }

    void rollingUpdateGoesFromTheHighestOrdinalDown()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml({.readinessDelay = 5})));
        sim.runUntil(120);
        const std::string oldRevision = podNamed(sim, "web-0")->metadata.labels.at("controller-revision-hash");
        sim.apply(setOnly({.readinessDelay = 5, .image = "registry.k8s.io/nginx-slim:0.27"}));
        Timeline t;
        t.observe(sim);
        t.run(sim, 400);
        QCOMPARE(activePodNames(sim), QStringList({"web-0", "web-1", "web-2"}));
        std::string newRevision;
        for (int i = 0; i < 3; ++i) {
            auto p = podNamed(sim, "web-" + std::to_string(i));
            QCOMPARE(p->spec.containers.front().image, std::string("registry.k8s.io/nginx-slim:0.27"));
            QVERIFY(isPodReady(*p));
            newRevision = p->metadata.labels.at("controller-revision-hash");
            QVERIFY(newRevision != oldRevision);
        }
        auto n2 = t.of("web-2").back(), n1 = t.of("web-1").back(), n0 = t.of("web-0").back();
        auto o2 = t.of("web-2").front(), o1 = t.of("web-1").front(), o0 = t.of("web-0").front();
        QVERIFY(o2.terminating > 0 && o1.terminating > 0 && o0.terminating > 0);
        // web-2 first; web-1 only once the new web-2 is Ready; then web-0.
        QVERIFY(o2.terminating < o1.terminating && o1.terminating < o0.terminating);
        QVERIFY(o1.terminating >= n2.ready - 0.11);
        QVERIFY(o0.terminating >= n1.ready - 0.11);
        QVERIFY(n2.created >= o2.gone - 0.11); // same name: the new pod waits for the old one
        QStringList deletes;
        for (const auto &e : setEvents(sim))
            if (e.startsWith("SuccessfulDelete: "))
                deletes << e;
        QCOMPARE(deletes, QStringList({"SuccessfulDelete: delete Pod web-2 in StatefulSet web successful",
                                       "SuccessfulDelete: delete Pod web-1 in StatefulSet web successful",
                                       "SuccessfulDelete: delete Pod web-0 in StatefulSet web successful"}));
        // The claims stay with their ordinals.
        QCOMPARE(claimNames(sim), QStringList({"www-web-0", "www-web-1", "www-web-2"}));
    }

    void partitionKeepsLowerOrdinalsAtTheOldRevision()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml()));
        sim.runUntil(120);
        sim.apply(setOnly({.image = "registry.k8s.io/nginx-slim:0.27",
                           .extra = "  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n"
                                    "      partition: 2\n"}));
        sim.runUntil(300);
        QCOMPARE(activePodNames(sim), QStringList({"web-0", "web-1", "web-2"}));
        QCOMPARE(podNamed(sim, "web-2")->spec.containers.front().image, std::string("registry.k8s.io/nginx-slim:0.27"));
        QCOMPARE(podNamed(sim, "web-1")->spec.containers.front().image, std::string("registry.k8s.io/nginx-slim:0.24"));
        QCOMPARE(podNamed(sim, "web-0")->spec.containers.front().image, std::string("registry.k8s.io/nginx-slim:0.24"));
        // A pod below the partition that is deleted comes back at the old revision.
        QVERIFY(!sim.remove("Pod", "default", "web-0"));
        sim.runUntil(400);
        QCOMPARE(podNamed(sim, "web-0")->spec.containers.front().image, std::string("registry.k8s.io/nginx-slim:0.24"));
    }

    void onDeleteLeavesPodsUntilTheyAreDeleted()
    {
        Simulation sim;
        const std::string onDelete = "  updateStrategy:\n    type: OnDelete\n";
        sim.start(loadYaml(webYaml({.extra = onDelete})));
        sim.runUntil(120);
        std::map<std::string, std::string> uids;
        for (const auto &name : {"web-0", "web-1", "web-2"})
            uids[name] = podNamed(sim, name)->metadata.uid;
        sim.apply(setOnly({.image = "registry.k8s.io/nginx-slim:0.27", .extra = onDelete}));
        sim.runUntil(300);
        for (const auto &name : {"web-0", "web-1", "web-2"}) {
            QCOMPARE(podNamed(sim, name)->metadata.uid, uids[name]);
            QCOMPARE(podNamed(sim, name)->spec.containers.front().image,
                     std::string("registry.k8s.io/nginx-slim:0.24"));
        }
        QVERIFY(!sim.remove("Pod", "default", "web-1"));
        sim.runUntil(400);
        QCOMPARE(podNamed(sim, "web-1")->spec.containers.front().image, std::string("registry.k8s.io/nginx-slim:0.27"));
        QCOMPARE(podNamed(sim, "web-0")->metadata.uid, uids["web-0"]);
    }

    void statusFollowsThePodsAndRevisions()
    {
        Bench b;
        b.apply({.claims = false});
        b.clock.runUntil(1);
        QCOMPARE(b.store.list<Pod>("default").size(), std::size_t(1)); // web-0 waits to be Ready
        const StatefulSetStatus *s = &b.status();
        QCOMPARE(s->replicas, 1);
        QCOMPARE(s->readyReplicas, 0);
        QCOMPARE(s->observedGeneration, std::int64_t(1));
        QVERIFY(!s->updateRevision.empty());
        QCOMPARE(s->currentRevision, s->updateRevision);
        QCOMPARE(b.pod("web-0")->metadata.labels.at("controller-revision-hash"), s->updateRevision);
        b.readyAll(3);
        s = &b.status();
        QCOMPARE(s->replicas, 3);
        QCOMPARE(s->readyReplicas, 3);
        QCOMPARE(s->availableReplicas, 3);
        QCOMPARE(s->currentReplicas, 3);
        QCOMPARE(s->updatedReplicas, 3);
        const std::string first = s->currentRevision;

        // A new template: a new update revision; web-2 goes first.
        b.apply({.claims = false, .image = "registry.k8s.io/nginx-slim:0.27"});
        b.clock.runUntil(b.clock.now() + 1);
        s = &b.status();
        QCOMPARE(s->currentRevision, first);
        QVERIFY(s->updateRevision != first);
        QCOMPARE(s->observedGeneration, std::int64_t(2));
        QVERIFY(b.pod("web-2")->metadata.deletionTimestamp);
        QCOMPARE(s->currentReplicas, 2);
        QCOMPARE(s->updatedReplicas, 0);
        const std::string second = s->updateRevision;
        for (int i = 0; i < 3; ++i) {
            b.finishDeletions();
            b.readyAll(3);
        }
        s = &b.status();
        QCOMPARE(s->currentRevision, second);
        QCOMPARE(s->updateRevision, second);
        QCOMPARE(s->currentReplicas, 3);
        QCOMPARE(s->updatedReplicas, 3);
        QCOMPARE(s->readyReplicas, 3);
        for (const auto &name : {"web-0", "web-1", "web-2"})
            QCOMPARE(b.pod(name)->metadata.labels.at("controller-revision-hash"), second);
        QCOMPARE(b.ssc.revisionsOf("default", "web"), std::vector<std::string>({first, second}));

        // Back to the first template: a rollback reuses the first revision's name.
        b.apply({.claims = false});
        b.clock.runUntil(b.clock.now() + 1);
        QCOMPARE(b.status().updateRevision, first);
        QCOMPARE(b.ssc.revisionsOf("default", "web"), std::vector<std::string>({second, first}));
    }

    void revisionHistoryLimitDropsOldRevisions()
    {
        Bench b;
        const std::string limit = "  revisionHistoryLimit: 1\n";
        for (const char *image : {"nginx:1.25", "nginx:1.26", "nginx:1.27", "nginx:1.28"}) {
            b.apply({.replicas = 1, .claims = false, .image = image, .extra = limit});
            for (int i = 0; i < 3; ++i) {
                b.finishDeletions();
                b.readyAll(1);
            }
        }
        QCOMPARE(b.pod("web-0")->spec.containers.front().image, std::string("nginx:1.28"));
        auto revisions = b.ssc.revisionsOf("default", "web");
        // The live revision and one more.
        QCOMPARE(int(revisions.size()), 2);
        QCOMPARE(revisions.back(), b.status().updateRevision);
    }

    void minReadySecondsHoldsTheNextPod()
    {
        Bench b;
        b.apply({.claims = false, .extra = "  minReadySeconds: 30\n"});
        b.clock.runUntil(1);
        b.makeReady("web-0");
        b.clock.runUntil(b.clock.now() + 10);
        QVERIFY(!b.pod("web-1"));
        QCOMPARE(b.status().readyReplicas, 1);
        QCOMPARE(b.status().availableReplicas, 0);
        b.clock.runUntil(b.clock.now() + 21);
        QVERIFY(b.pod("web-1"));
        QCOMPARE(b.status().availableReplicas, 1);
    }

    void adoptsAnOrphanWithItsNameAndLeavesOthers()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-0\n  labels:\n    app: nginx\n"
                           "spec:\n  containers:\n  - name: nginx\n    image: registry.k8s.io/nginx-slim:0.24\n---\n"
                           "apiVersion: v1\nkind: Pod\nmetadata:\n  name: stray\n  labels:\n    app: nginx\n"
                           "spec:\n  containers:\n  - name: nginx\n    image: registry.k8s.io/nginx-slim:0.24\n---\n" +
                           webYaml({.replicas = 2, .claims = false})));
        sim.runUntil(120);
        auto web0 = podNamed(sim, "web-0");
        QVERIFY(web0->metadata.controllerRef());
        QCOMPARE(web0->metadata.controllerRef()->name, std::string("web"));
        QCOMPARE(web0->metadata.labels.at("statefulset.kubernetes.io/pod-name"), std::string("web-0"));
        QVERIFY(!podNamed(sim, "stray")->metadata.controllerRef()); // not `web-<n>`: never claimed
        QCOMPARE(podNames(sim), QStringList({"web-0", "web-1"}));
        // Adopted, its identity label added (an update); it has no controller-revision-hash, so
        // RollingUpdate replaces it once the set is complete, as Kubernetes does.
        QCOMPARE(setEvents(sim), QStringList({"SuccessfulUpdate: update Pod web-0 in StatefulSet web successful",
                                              "SuccessfulCreate: create Pod web-1 in StatefulSet web successful",
                                              "SuccessfulDelete: delete Pod web-0 in StatefulSet web successful",
                                              "SuccessfulCreate: create Pod web-0 in StatefulSet web successful"}));
    }

    void onDeleteKeepsAnAdoptedOrphan()
    {
        Simulation sim;
        sim.start(
            loadYaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-0\n  labels:\n    app: nginx\n"
                     "spec:\n  containers:\n  - name: nginx\n    image: registry.k8s.io/nginx-slim:0.24\n---\n" +
                     webYaml({.replicas = 2, .claims = false, .extra = "  updateStrategy:\n    type: OnDelete\n"})));
        sim.runUntil(120);
        const std::string uid = podNamed(sim, "web-0")->metadata.uid;
        sim.runUntil(240);
        QCOMPARE(podNamed(sim, "web-0")->metadata.uid, uid);
        QCOMPARE(podNamed(sim, "web-0")->metadata.controllerRef()->name, std::string("web"));
        QCOMPARE(setEvents(sim), QStringList({"SuccessfulUpdate: update Pod web-0 in StatefulSet web successful",
                                              "SuccessfulCreate: create Pod web-1 in StatefulSet web successful"}));
    }

    void ordinalsStartNamesThePods()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml({.replicas = 2, .extra = "  ordinals:\n    start: 5\n"})));
        sim.runUntil(120);
        QCOMPARE(podNames(sim), QStringList({"web-5", "web-6"}));
        QCOMPARE(podNamed(sim, "web-5")->metadata.labels.at("apps.kubernetes.io/pod-index"), std::string("5"));
        QCOMPARE(claimNames(sim), QStringList({"www-web-5", "www-web-6"}));
    }

    void scaleUpThroughKubectlScale()
    {
        Simulation sim;
        sim.start(loadYaml(webYaml({.replicas = 1})));
        sim.runUntil(60);
        QCOMPARE(podNames(sim), QStringList({"web-0"}));
        QVERIFY(!sim.scale("StatefulSet", "default", "web", 3));
        sim.runUntil(200);
        QCOMPARE(activePodNames(sim), QStringList({"web-0", "web-1", "web-2"}));
        QCOMPARE(sim.store().get<StatefulSet>("default", "web")->spec.replicas.value_or(0), 3);
    }

    void whenScaledDeleteRemovesTheClaimsOfRemovedPods()
    {
        Simulation sim;
        const std::string policy = "  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete\n"
                                   "    whenDeleted: Retain\n";
        sim.start(loadYaml(webYaml({.extra = policy})));
        sim.runUntil(120);
        auto claim2 = sim.store().get<PersistentVolumeClaim>("default", "www-web-2");
        const std::string oldUid = claim2->metadata.uid;
        QVERIFY(claim2->metadata.ownerReferences.empty()); // in range: kept (whenDeleted: Retain)
        QVERIFY(!sim.scale("StatefulSet", "default", "web", 1));
        sim.runUntil(sim.now() + 0.5);
        // Scaled down: the claim is handed to its pod, so it goes with the pod.
        const OwnerReference *owner = claim2->metadata.controllerRef();
        QVERIFY(owner);
        QCOMPARE(owner->kind, std::string("Pod"));
        QCOMPARE(owner->name, std::string("web-2"));
        QCOMPARE(owner->uid, podNamed(sim, "web-2")->metadata.uid);
        sim.runUntil(240);
        QCOMPARE(podNames(sim), QStringList({"web-0"}));
        QCOMPARE(claimNames(sim), QStringList({"www-web-0"}));
        QVERIFY(!sim.scale("StatefulSet", "default", "web", 3));
        sim.runUntil(360);
        QCOMPARE(activePodNames(sim), QStringList({"web-0", "web-1", "web-2"}));
        auto fresh = sim.store().get<PersistentVolumeClaim>("default", "www-web-2");
        QVERIFY(fresh && fresh->metadata.uid != oldUid);
    }

    void aStaleClaimWaitsForTheGarbageCollector()
    {
        Bench b;
        const std::string policy = "  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete\n";
        b.apply({.extra = policy});
        b.readyAll(3);
        auto oldClaim = b.store.get<PersistentVolumeClaim>("default", "www-web-2");
        QVERIFY(oldClaim);
        b.apply({.replicas = 2, .extra = policy});
        b.clock.runUntil(b.clock.now() + 1);
        QVERIFY(b.pod("web-2")->metadata.deletionTimestamp);
        QCOMPARE(oldClaim->metadata.controllerRef()->kind, std::string("Pod"));
        // Scaled back up while web-2 still terminates; then it leaves etcd, and the set syncs
        // before the garbage collector has taken the claim web-2 owned.
        b.apply({.extra = policy});
        b.clock.runUntil(b.clock.now() + 1);
        b.finishDeletions();
        b.clock.runUntil(b.clock.now() + 1);
        auto newClaim = b.store.get<PersistentVolumeClaim>("default", "www-web-2");
        QVERIFY(newClaim);
        QVERIFY(newClaim->metadata.uid != oldClaim->metadata.uid);
        QVERIFY(newClaim->metadata.ownerReferences.empty()); // in range again: nobody owns it
        QVERIFY(b.pod("web-2"));
        QVERIFY(!b.pod("web-2")->metadata.deletionTimestamp);
        QStringList events;
        for (const auto &e : b.events.events())
            events << QString::fromStdString(e.reason + ": " + e.message);
        QCOMPARE(events.count("SuccessfulCreate: create Claim www-web-2 Pod web-2 in StatefulSet web success"), 2);
        // The new pod was not created on the old claim: first the new claim, then the pod.
        QCOMPARE(events.mid(events.size() - 2),
                 QStringList({"SuccessfulCreate: create Claim www-web-2 Pod web-2 in StatefulSet web success",
                              "SuccessfulCreate: create Pod web-2 in StatefulSet web successful"}));
    }

    void whenDeletedDeleteRemovesTheClaimsWithTheSet()
    {
        for (const std::string whenDeleted : {"Delete", "Retain"}) {
            Simulation sim;
            sim.start(loadYaml(
                webYaml({.replicas = 2,
                         .extra = "  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: " + whenDeleted + "\n"})));
            sim.runUntil(120);
            auto claim = sim.store().get<PersistentVolumeClaim>("default", "www-web-0");
            QCOMPARE(claim->metadata.ownerReferences.size(), std::size_t(whenDeleted == "Delete" ? 1 : 0));
            if (whenDeleted == "Delete") {
                QCOMPARE(claim->metadata.controllerRef()->kind, std::string("StatefulSet"));
                QCOMPARE(claim->metadata.controllerRef()->name, std::string("web"));
            }
            // kubectl scale (and apply) replace the set in place: the claims stay.
            QVERIFY(!sim.scale("StatefulSet", "default", "web", 1));
            sim.runUntil(200);
            QCOMPARE(claimNames(sim), QStringList({"www-web-0", "www-web-1"}));
            QVERIFY(!sim.remove("StatefulSet", "default", "web"));
            sim.runUntil(300);
            QCOMPARE(sim.store().list<Pod>("default").size(), std::size_t(0));
            QCOMPARE(claimNames(sim),
                     whenDeleted == "Delete" ? QStringList() : QStringList({"www-web-0", "www-web-1"}));
        }
    }

    void failedClaimCreationIsReportedAndBlocksThePod()
    {
        Simulation sim;
        // The set is valid (its claim templates are not validated); each claim is refused.
        sim.start(loadYaml(webYaml({.accessModes = false})));
        sim.runUntil(60);
        QCOMPARE(podNames(sim), QStringList());
        QVERIFY(claimNames(sim).isEmpty());
        const QString apiError = "PersistentVolumeClaim \"www-web-0\" is invalid: spec.accessModes: Required value: "
                                 "at least 1 access mode is required";
        QStringList events = setEvents(sim);
        QVERIFY2(events.size() >= 4, qPrintable(events.join("\n"))); // retried with backoff
        QCOMPARE(events[0],
                 "FailedCreate: create Claim www-web-0 for Pod web-0 in StatefulSet web failed error: " + apiError);
        QCOMPARE(events[1], "FailedCreate: create Pod web-0 in StatefulSet web failed error: failed to create PVC "
                            "www-web-0: " +
                                apiError);
        QVERIFY(!events.join("\n").contains("web-1"));
    }
};

QTEST_GUILESS_MAIN(TestStatefulSetController)
#include "tst_statefulset_controller.moc"
