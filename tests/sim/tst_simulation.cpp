// The simulated cluster end to end (DESIGN 3.1, 3.2): the study notes' pod through every stage,
// a pod too big for every node, endpoints by named targetPort, refusals in the API server's
// words, graceful deletion in Kubernetes' order, and determinism.
#include "app/simulation_json.h"
#include "cluster/pod_status.h"
#include "sim/kube_scheduler.h"
#include "sim/simulation.h"

#include <QJsonDocument>
#include "test_support.h"

#include <QtTest>

using namespace podscape;
using namespace podscape::testing;

namespace {

// The position of the first trace entry with this component and stage, or -1.
int stageIndex(const std::vector<TraceEntry> &trace, const std::string &component, const std::string &stage)
{
    for (std::size_t i = 0; i < trace.size(); ++i)
        if (trace[i].component == component && trace[i].stage == stage)
            return int(i);
    return -1;
}

double stageTime(const std::vector<TraceEntry> &trace, const std::string &component, const std::string &stage)
{
    int i = stageIndex(trace, component, stage);
    return i < 0 ? -1 : trace[std::size_t(i)].time;
}

const char *kMyAppPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app: myapp
spec:
  containers:
  - name: myapp-container
    image: busybox
    command: ['sh', '-c', 'echo Hello Kubernetes! && sleep 3600']
)";

}  // namespace

class TestSimulation : public QObject {
    Q_OBJECT

private slots:
    void studyNotesPodRunsThroughEveryStageInOrder()
    {
        Simulation sim;
        sim.start(loadYaml(kMyAppPod));
        sim.runUntil(120);
        auto p = pod(sim, "myapp-pod");
        QVERIFY(p);
        QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
        QCOMPARE(kubectlReadyColumn(*p), std::string("1/1"));
        QVERIFY(p->spec.nodeName.starts_with("worker-"));
        QVERIFY(p->status.podIP.starts_with("10.244."));

        const auto &trace = sim.traces().trace("default/myapp-pod");
        const std::vector<std::pair<std::string, std::string>> order = {
            {"kubectl", "create"},
            {"kube-apiserver", "authentication"},
            {"kube-apiserver", "authorization"},
            {"kube-apiserver", "admission"},
            {"etcd", "persisted"},
            {"kube-scheduler", "queued"},
            {"kube-scheduler", "filter"},
            {"kube-scheduler", "score"},
            {"kube-scheduler", "bind"},
            {"etcd", "binding persisted"},
            {"kubelet", "pod admitted"},
            {"kubelet", "CRI: RunPodSandbox"},
            {"kubelet", "CNI: IP assigned"},
            {"kubelet", "volume mounted"},
            {"kubelet", "CRI: pulling image"},
            {"kubelet", "CRI: image pulled"},
            {"kubelet", "CRI: container created"},
            {"kubelet", "CRI: container started"},
            {"kubelet", "pod ready"},
        };
        int previous = -1;
        double previousTime = -1;
        for (const auto &[component, stage] : order) {
            int i = stageIndex(trace, component, stage);
            QVERIFY2(i > previous, qPrintable(QString::fromStdString(component + " " + stage)));
            QVERIFY(trace[std::size_t(i)].time >= previousTime);
            previous = i;
            previousTime = trace[std::size_t(i)].time;
        }
        // busybox has no tag: imagePullPolicy Always, so the kubelet pulls it.
        QCOMPARE(p->spec.containers[0].imagePullPolicy, std::string("Always"));
    }

    void studyNotesPodKeepsRunningThenRestartsAfterItsHour()
    {
        Simulation sim;
        sim.start(loadYaml(kMyAppPod));
        sim.runUntil(3000);
        QCOMPARE(kubectlPodStatus(*pod(sim, "myapp-pod")), std::string("Running"));
        sim.runUntil(3700);  // `sleep 3600` is over: restartPolicy Always restarts it (the first restart without back-off)
        auto p = pod(sim, "myapp-pod");
        QCOMPARE(p->status.containerStatuses[0].restartCount, 1);
        QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
    }

    void eventsFollowKubernetesWording()
    {
        Simulation sim;
        sim.start(loadYaml(kMyAppPod));
        sim.runUntil(60);
        QStringList seen;
        for (const auto &e : sim.events().events())
            if (e.object.name == "myapp-pod")
                seen << QString::fromStdString(e.reason + ": " + e.message);
        QVERIFY(!seen.isEmpty());
        QVERIFY2(seen[0].startsWith("Scheduled: Successfully assigned default/myapp-pod to worker-"), qPrintable(seen[0]));
        QCOMPARE(seen[1], QStringLiteral("Pulling: Pulling image \"busybox\""));
        QVERIFY(seen[2].startsWith("Pulled: Successfully pulled image \"busybox\" in 2s (2s including waiting). Image size: "));
        QCOMPARE(seen[3], QStringLiteral("Created: Container created"));
        QCOMPARE(seen[4], QStringLiteral("Started: Container started"));
    }

    void podTooBigForEveryNodeStaysPending()
    {
        // kube-scheduler's FitError: the control plane's taint, three workers short of cpu
        // (pkg/scheduler/framework/types.go; plugin reasons in kubernetes-behaviour.md section 1).
        // 16 CPUs exceed every node's allocatable, which v1.35's NodeResourcesFit reports as
        // UnschedulableAndUnresolvable, so preemption is "not helpful" on all four nodes.
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: huge}\nspec:\n  containers:\n"
                           "  - name: app\n    image: nginx:1.25\n    resources: {requests: {cpu: '16'}}\n"));
        sim.runUntil(60);
        auto p = pod(sim, "huge");
        QCOMPARE(p->status.phase, std::string("Pending"));
        QVERIFY(p->spec.nodeName.empty());
        const std::string expected = "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. "
                                     "preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.";
        const PodCondition *c = findCondition(*p, "PodScheduled");
        QVERIFY(c);
        QCOMPARE(c->status, std::string("False"));
        QCOMPARE(c->reason, std::string("Unschedulable"));
        QCOMPARE(QString::fromStdString(c->message), QString::fromStdString(expected));
        bool eventSeen = false;
        for (const auto &e : sim.events().events())
            eventSeen = eventSeen || (e.reason == "FailedScheduling" && e.type == "Warning" && e.message == expected);
        QVERIFY(eventSeen);
        const SchedulingAttempt *attempt = sim.scheduler().lastAttempt("default/huge");
        QVERIFY(attempt);
        QCOMPARE(int(attempt->nodes.size()), 4);
    }

    void boundPodsUseUpTheirNodes()
    {
        // Three workers of 4 CPUs hold twelve 1-CPU pods; the thirteenth waits.
        std::string manifests;
        for (int i = 0; i < 13; ++i)
            manifests += "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p" + std::to_string(i) +
                         "}\nspec: {containers: [{name: a, image: nginx:1.25, resources: {requests: {cpu: '1'}}}]}\n";
        Simulation sim;
        sim.start(loadYaml(manifests));
        sim.runUntil(60);
        std::map<std::string, int> perNode;
        int pending = 0;
        for (const auto &p : sim.store().list<Pod>()) {
            if (p->spec.nodeName.empty())
                ++pending;
            else
                ++perNode[p->spec.nodeName];
        }
        QCOMPARE(pending, 1);
        QCOMPARE(perNode, (std::map<std::string, int>{{"worker-1", 4}, {"worker-2", 4}, {"worker-3", 4}}));
        const PodCondition *c = findCondition(*pod(sim, "p12"), "PodScheduled");
        QVERIFY(c && c->message.starts_with("0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu."));
        // Deleting one frees a place: the waiting pod is retried and scheduled.
        QVERIFY(!sim.remove("Pod", "default", "p0"));
        sim.runUntil(120);
        QVERIFY(!pod(sim, "p12")->spec.nodeName.empty());
    }

    void servicesListEndpointsByNamedTargetPort()
    {
        Simulation sim;
        sim.start(loadYaml(R"(apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: web-port}]
---
apiVersion: v1
kind: Pod
metadata: {name: web-a, labels: {app: web}}
spec:
  containers:
  - {name: nginx, image: nginx:1.25, ports: [{name: web-port, containerPort: 8080}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-slow, labels: {app: web}}
spec:
  initContainers:
  - {name: wait, image: busybox:1.36, command: [sh, -c, "sleep 600"]}
  containers:
  - {name: nginx, image: nginx:1.25, ports: [{name: web-port, containerPort: 9090}]}
)"));
        sim.runUntil(60);
        auto a = pod(sim, "web-a"), slow = pod(sim, "web-slow");
        QCOMPARE(kubectlPodStatus(*slow), std::string("Init:0/1"));
        ServiceEndpoints eps = sim.endpoints().endpointsOf("default", "web");
        QCOMPARE(eps.ready, std::vector<std::string>{a->status.podIP + ":8080"});
        QCOMPARE(eps.notReady, std::vector<std::string>{slow->status.podIP + ":9090"});
        sim.runUntil(700);
        eps = sim.endpoints().endpointsOf("default", "web");
        QCOMPARE(eps.ready.size(), std::size_t(2));
        QVERIFY(eps.notReady.empty());
    }

    void refusesWhatTheApiServerRefuses()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: lost, namespace: nowhere}\n"
                           "spec: {containers: [{name: a, image: nginx}]}\n---\n"
                           "apiVersion: v1\nkind: Pod\nmetadata: {name: My_Pod}\n"
                           "spec: {containers: [{name: a, image: nginx}]}\n"));
        sim.runUntil(5);
        QCOMPARE(sim.rejected().size(), std::size_t(2));
        // plugin/pkg/admission/namespace/lifecycle/admission.go
        QCOMPARE(sim.rejected()[0].message, std::string("namespaces \"nowhere\" not found"));
        QCOMPARE(sim.rejected()[0].source.line, 1);
        // apimachinery/pkg/util/validation/validation.go (RFC 1123 subdomain)
        QVERIFY2(sim.rejected()[1].message.starts_with(
                     "Pod \"My_Pod\" is invalid: metadata.name: Invalid value: \"My_Pod\": a lowercase RFC 1123 subdomain"),
                 sim.rejected()[1].message.c_str());
        QCOMPARE(sim.rejected()[1].source.line, 6);
        QVERIFY(!pod(sim, "My_Pod"));
        QVERIFY(!pod(sim, "lost", "nowhere"));
    }

    void deletedPodLeavesEndpointsBeforeItsContainersStop()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
                           "spec: {selector: {app: web}, ports: [{port: 80}]}\n---\n"
                           "apiVersion: v1\nkind: Pod\nmetadata: {name: web-a, labels: {app: web}}\n"
                           "spec: {containers: [{name: nginx, image: nginx:1.25}]}\n"));
        sim.runUntil(30);
        QCOMPARE(sim.endpoints().endpointsOf("default", "web").ready.size(), std::size_t(1));
        QVERIFY(!sim.remove("Pod", "default", "web-a"));
        sim.runUntil(30.02);
        QCOMPARE(kubectlPodStatus(*pod(sim, "web-a")), std::string("Terminating"));
        sim.runUntil(60);
        QVERIFY(!pod(sim, "web-a"));
        const auto &trace = sim.traces().trace("default/web-a");
        double removed = stageTime(trace, "endpoints-controller", "endpoints removed");
        double proxy = stageTime(trace, "kube-proxy", "rules updated");
        double sigterm = stageTime(trace, "kubelet", "SIGTERM");
        double stopped = stageTime(trace, "kubelet", "containers stopped");
        double unmounted = stageTime(trace, "kubelet", "volumes unmounted");
        double released = stageTime(trace, "kubelet", "CNI: IP released");
        double gone = stageTime(trace, "etcd", "deleted");
        QVERIFY(removed > 0 && sigterm > 0);
        QVERIFY(removed < stopped);
        QVERIFY(proxy < stopped);
        QVERIFY(sigterm < stopped && stopped < unmounted && unmounted < released && released <= gone);
        QVERIFY(sim.endpoints().endpointsOf("default", "web").ready.empty());
    }

    void claimsBindThroughTheDefaultStorageClass()
    {
        // kind's "standard" class is WaitForFirstConsumer: the claim waits for its pod's node,
        // then gets a volume provisioned on that node.
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\n"
                           "spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n---\n"
                           "apiVersion: v1\nkind: Pod\nmetadata: {name: db}\nspec:\n"
                           "  containers: [{name: db, image: postgres:16, volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]}]\n"
                           "  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]\n"));
        sim.runUntil(0.04);  // the claim is stored (0.027 s), its pod not yet (kubectl sends one at a time)
        auto claim = sim.store().get<PersistentVolumeClaim>("default", "data");
        QCOMPARE(*claim->spec.storageClassName, std::string("standard"));
        QCOMPARE(claim->phase, std::string("Pending"));
        sim.runUntil(30);
        auto p = pod(sim, "db");
        QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
        QCOMPARE(claim->phase, std::string("Bound"));
        auto pv = sim.store().get<PersistentVolume>("", claim->spec.volumeName);
        QVERIFY(pv);
        QCOMPARE(pv->metadata.name, "pvc-" + claim->metadata.uid);
        QVERIFY(pv->spec.nodeAffinity->matches({{"kubernetes.io/hostname", p->spec.nodeName}}, p->spec.nodeName));
        QVERIFY(stageIndex(sim.traces().trace("default/db"), "kubelet", "CSI: volume attached and mounted") >= 0);
    }

    void immediateClaimsBindToTheSmallestMatchingVolume()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: big}\n"
                           "spec: {capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /big}}\n---\n"
                           "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: small}\n"
                           "spec: {capacity: {storage: 2Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /small}}\n---\n"
                           "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\n"
                           "spec: {storageClassName: '', accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n"));
        sim.runUntil(5);
        auto claim = sim.store().get<PersistentVolumeClaim>("default", "data");
        QCOMPARE(claim->phase, std::string("Bound"));
        QCOMPARE(claim->spec.volumeName, std::string("small"));
        QCOMPARE(sim.store().get<PersistentVolume>("", "big")->phase, std::string("Available"));
    }

    void sameInputsAndSeedGiveTheSameRun()
    {
        auto run = [](std::uint64_t seed) {
            SimulationOptions options;
            options.seed = seed;
            Simulation sim(options);
            sim.start(loadYaml(std::string(kMyAppPod) + "---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n"
                                                        "spec: {selector: {app: myapp}, ports: [{port: 80}]}\n"));
            sim.runUntil(90);
            std::vector<Diagnostic> none;
            return QJsonDocument(simulationToJson({sim, none})).toJson();
        };
        QCOMPARE(run(7), run(7));
        QVERIFY(run(7) != run(8));
    }
};

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
