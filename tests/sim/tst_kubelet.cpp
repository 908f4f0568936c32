// The kubelet: volumes that must exist (FailedMount and ContainerCreating until they do), the
// node's image cache, hostNetwork, init containers and native sidecars, probe timings, exit codes
// and restartPolicy.
#include "cluster/pod_status.h"
#include "sim/simulation.h"

#include "test_support.h"

#include <QtTest>

using namespace podscape;
using namespace podscape::testing;

namespace {

double traceTime(const Simulation &sim, const std::string &podName, const std::string &stage)
{
    for (const auto &t : sim.traces().trace("default/" + podName))
        if (t.stage == stage)
            return t.time;
    return -1;
}

}  // namespace

class TestKubelet : public QObject {
    Q_OBJECT

private slots:
    void missingConfigMapKeepsThePodInContainerCreating()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n"
                           "  containers: [{name: nginx, image: nginx:1.25, volumeMounts: [{name: config, mountPath: /etc/app}]}]\n"
                           "  volumes: [{name: config, configMap: {name: app-config}}]\n"));
        sim.runUntil(20);
        auto p = pod(sim, "web");
        QCOMPARE(kubectlPodStatus(*p), std::string("ContainerCreating"));
        // operation_generator.go: "MountVolume.SetUp failed for volume %q : %v" (the space is Kubernetes').
        QVERIFY(eventsOf(sim, "web").contains(
            "FailedMount: MountVolume.SetUp failed for volume \"config\" : configmap \"app-config\" not found"));
        sim.apply(loadYaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {k: v}\n"));
        sim.runUntil(120);
        QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
    }

    // A pod placed with spec.nodeName bypasses the scheduler, so its WaitForFirstConsumer claim is
    // never bound for it: the kubelet waits (desired_state_of_world_populator: "PVC is not bound").
    // Binding the claim by hand (a PV pre-bound to it) lets the pod start.
    void kubeletWaitsForABoundClaim()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\n"
                           "spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n---\n"
                           "apiVersion: v1\nkind: Pod\nmetadata: {name: db}\nspec:\n  nodeName: worker-1\n"
                           "  containers: [{name: db, image: postgres:16, volumeMounts: [{name: data, mountPath: /data}]}]\n"
                           "  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]\n"));
        sim.runUntil(30);
        auto p = pod(sim, "db");
        QCOMPARE(kubectlPodStatus(*p), std::string("ContainerCreating"));
        QVERIFY2(eventsOf(sim, "db").contains("FailedMount: Unable to attach or mount volumes: unmounted volumes=[data], "
                                              "unattached volumes=[], failed to process volumes=[data]: error "
                                              "processing PVC default/data: PVC is not bound"),
                 qPrintable(eventsOf(sim, "db").join("\n")));
        sim.apply(loadYaml("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv-data}\n"
                           "spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], storageClassName: standard,"
                           " claimRef: {namespace: default, name: data}, hostPath: {path: /srv/data}}\n"));
        sim.runUntil(300);
        QCOMPARE(sim.store().get<PersistentVolumeClaim>("default", "data")->phase, std::string("Bound"));
        QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
    }

    void imagesAlreadyOnTheNodeAreNotPulledAgain()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: first}\n"
                           "spec: {nodeName: worker-2, containers: [{name: a, image: nginx:1.25}]}\n---\n"
                           "apiVersion: v1\nkind: Pod\nmetadata: {name: second}\n"
                           "spec: {nodeName: worker-2, containers: [{name: a, image: nginx:1.25}]}\n"));
        sim.runUntil(30);
        QVERIFY(eventsOf(sim, "first").contains("Pulling: Pulling image \"nginx:1.25\""));
        // The second pod asked while the first pull was under way, so it pulled too (as the
        // kubelet does); a pod that comes after both finds the image in the node's cache.
        sim.apply(loadYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: third}\n"
                           "spec: {nodeName: worker-2, containers: [{name: a, image: nginx:1.25}]}\n"));
        sim.runUntil(60);
        QVERIFY(eventsOf(sim, "third").contains("Pulled: Container image \"nginx:1.25\" already present on machine"));
        QCOMPARE(kubectlPodStatus(*pod(sim, "third")), std::string("Running"));
    }

    void hostNetworkPodsUseTheNodeIp()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: agent}\n"
                           "spec: {hostNetwork: true, containers: [{name: a, image: busybox:1.36, command: [sleep, '9999']}]}\n"));
        sim.runUntil(30);
        auto p = pod(sim, "agent");
        QCOMPARE(p->status.podIP, p->status.hostIP);
        QVERIFY(p->status.podIP.starts_with("172.18.0."));
    }

    void initContainersRunOneByOneAndSidecarsKeepRunning()
    {
        Simulation sim;
        sim.start(loadYaml(R"(apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  initContainers:
  - {name: migrate, image: busybox:1.36, command: [sh, -c, "sleep 5"]}
  - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}
  - {name: warm, image: busybox:1.36, command: [sh, -c, "sleep 3"]}
  containers:
  - {name: main, image: nginx:1.25}
)"));
        sim.runUntil(5);
        auto p = pod(sim, "app");
        QCOMPARE(kubectlPodStatus(*p), std::string("Init:0/3"));
        sim.runUntil(30);
        QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
        QCOMPARE(kubectlReadyColumn(*p), std::string("2/2"));  // the sidecar counts
        double migrateDone = -1, warmStarted = -1;
        for (const auto &t : sim.traces().trace("default/app")) {
            if (t.stage == "container exited" && t.detail.starts_with("migrate"))
                migrateDone = t.time;
            if (t.stage == "init container" && t.detail == "warm")
                warmStarted = t.time;
        }
        QVERIFY(migrateDone > 0 && warmStarted > migrateDone);
        QCOMPARE(p->status.initContainerStatuses[1].state.kind, ContainerState::Kind::Running);
    }

    void readinessFollowsTheProbeTimings()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n"
                           "  - name: nginx\n    image: nginx:1.25\n"
                           "    readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 10, periodSeconds: 5, "
                           "successThreshold: 2}\n"));
        sim.runUntil(60);
        double started = traceTime(sim, "web", "CRI: container started");
        double ready = traceTime(sim, "web", "readiness probe succeeded");
        QVERIFY(started > 0);
        QCOMPARE(ready - started, 15.0);  // initialDelaySeconds + (successThreshold - 1) * periodSeconds
    }

    void exitCodesAndRestartPolicy()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: job}\n"
                           "spec: {restartPolicy: Never, containers: [{name: a, image: busybox:1.36, command: [sh, -c, 'sleep 2']}]}\n---\n"
                           "apiVersion: v1\nkind: Pod\nmetadata: {name: broken}\n"
                           "spec: {restartPolicy: Never, containers: [{name: a, image: busybox:1.36, command: [sh, -c, 'exit 3']}]}\n---\n"
                           "apiVersion: v1\nkind: Pod\nmetadata: {name: looping}\n"
                           "spec: {containers: [{name: a, image: busybox:1.36, command: [sh, -c, 'exit 1']}]}\n"));
        sim.runUntil(60);
        QCOMPARE(pod(sim, "job")->status.phase, std::string("Succeeded"));
        QCOMPARE(kubectlPodStatus(*pod(sim, "job")), std::string("Completed"));
        QCOMPARE(pod(sim, "broken")->status.phase, std::string("Failed"));
        QCOMPARE(kubectlPodStatus(*pod(sim, "broken")), std::string("Error"));
        auto looping = pod(sim, "looping");
        QCOMPARE(looping->status.phase, std::string("Running"));
        QCOMPARE(kubectlPodStatus(*looping), std::string("CrashLoopBackOff"));
        QVERIFY(looping->status.containerStatuses[0].restartCount >= 2);
        QVERIFY(eventsOf(sim, "looping").filter("BackOff: Back-off restarting failed container a in pod looping_default(").size() > 0);
    }
};

QTEST_GUILESS_MAIN(TestKubelet)
#include "tst_kubelet.moc"
