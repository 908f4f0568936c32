// Container crashes on demand (DESIGN 3.3): Simulation::killContainer SIGKILLs a running container;
// the kubelet reports exit code 137 (reason Error), and the pod's restartPolicy decides: a restart
// with CrashLoopBackOff (reference section 7, the delays of pkg/kubelet/kuberuntime doBackOff with
// flowcontrol.Backoff), a Failed pod, or a failed Job pod that counts against backoffLimit.
#include "cluster/pod_status.h"
#include "sim/controllers/controller.h"
#include "sim/controllers/job_controller.h"
#include "sim/durations.h"
#include "sim/simulation.h"

#include "test_support.h"

#include <QtTest>

#include <cmath>

using namespace podscape;
using namespace podscape::testing;

namespace {

const char *kDeployment =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
    "spec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n"
    "  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n"
    "      - name: nginx\n        image: nginx:1.25\n        ports: [{containerPort: 80}]\n"
    "        readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 5, periodSeconds: 5}\n"
    "---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
    "spec: {selector: {app: web}, ports: [{port: 80, targetPort: 80}]}\n";

std::string barePod(const std::string &name, const std::string &restartPolicy, const std::string &command)
{
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + "}\nspec:\n  restartPolicy: " + restartPolicy +
           "\n  containers:\n  - {name: app, image: busybox:1.36, command: " + command + "}\n";
}

std::string jobYaml(const std::string &name, const std::string &restartPolicy, int backoffLimit)
{
    return "apiVersion: batch/v1\nkind: Job\nmetadata: {name: " + name +
           "}\nspec:\n  backoffLimit: " + std::to_string(backoffLimit) +
           "\n  template:\n    spec:\n      restartPolicy: " + restartPolicy +
           "\n      containers:\n      - {name: work, image: busybox:1.36, command: [sh, -c, 'sleep 3600']}\n";
}

const ContainerStatus &app(Simulation &sim, const std::string &name, std::size_t index = 0)
{
    return pod(sim, name)->status.containerStatuses.at(index);
}

std::vector<std::shared_ptr<Pod>> podsLabelled(Simulation &sim, const std::string &key, const std::string &value)
{
    std::vector<std::shared_ptr<Pod>> out;
    for (const auto &p : sim.store().list<Pod>("default"))
        if (auto it = p->metadata.labels.find(key); it != p->metadata.labels.end() && it->second == value)
            out.push_back(p);
    return out;
}

std::vector<std::shared_ptr<Pod>> jobPods(Simulation &sim, const std::string &job)
{
    return podsLabelled(sim, "job-name", job);
}

// Steps the clock until the pod's first container restarts (restartCount grows); returns when, or -1.
double nextRestart(Simulation &sim, const std::string &name, double limit)
{
    int before = app(sim, name).restartCount;
    while (sim.now() < limit && sim.step())
        if (app(sim, name).restartCount > before)
            return sim.now();
    return -1;
}

// The events about a pod after `since`: "Reason: message" (field path in brackets when set).
QStringList eventsSince(const Simulation &sim, const std::string &name, double since)
{
    QStringList out;
    for (const auto &e : sim.events().events())
        if (e.object.name == name && e.time >= since)
            out << QString::fromStdString(e.reason + ": " + e.message +
                                          (e.object.fieldPath.empty() ? "" : " [" + e.object.fieldPath + "]"));
    return out;
}

} // namespace

class TestContainerCrashes : public QObject {
    Q_OBJECT

private slots:
    // A Deployment's pod: the killed container restarts in the same pod (restartCount 1), is not
    // ready until its readiness probe passes again, and the endpoint follows.
    void killedDeploymentContainerRestartsAndBecomesReadyAgain()
    {
        Simulation sim;
        sim.start(loadYaml(kDeployment));
        sim.runUntil(30);
        auto pods = podsLabelled(sim, "app", "web");
        QCOMPARE(pods.size(), std::size_t(1));
        const std::string name = pods[0]->metadata.name;
        QCOMPARE(sim.endpoints().endpointsOf("default", "web").ready.size(), std::size_t(1));

        QVERIFY(!sim.killContainer("default", name, "nginx"));
        const ContainerStatus &killed = app(sim, name);
        QCOMPARE(killed.state.kind, ContainerState::Kind::Terminated);
        QCOMPARE(killed.state.exitCode, 137); // 128 + SIGKILL
        QCOMPARE(killed.state.reason, std::string("Error"));
        QCOMPARE(killed.state.finishedAt, 30.0);
        QCOMPARE(kubectlPodStatus(*pod(sim, name)), std::string("Error"));
        QCOMPARE(pod(sim, name)->status.phase, std::string("Running")); // restartPolicy Always
        QVERIFY(!isPodReady(*pod(sim, name)));
        sim.runUntil(30.5);
        QCOMPARE(sim.endpoints().endpointsOf("default", "web").ready.size(), std::size_t(0));
        QCOMPARE(sim.endpoints().endpointsOf("default", "web").notReady.size(), std::size_t(1));

        // The first restart does not wait: the kubelet restarts it at its next relist.
        QCOMPARE(nextRestart(sim, name, 60), 30 + durations::kPlegRelist);
        sim.runUntil(32);
        const ContainerStatus &restarted = app(sim, name);
        QCOMPARE(restarted.restartCount, 1);
        QCOMPARE(restarted.state.kind, ContainerState::Kind::Running);
        QVERIFY(restarted.hasLastState);
        QCOMPARE(restarted.lastState.exitCode, 137);
        QCOMPARE(restarted.lastState.reason, std::string("Error"));
        QCOMPARE(kubectlPodStatus(*pod(sim, name)), std::string("Running"));
        QCOMPARE(kubectlReadyColumn(*pod(sim, name)), std::string("0/1"));
        // v1.35 wording (reference section 3); no BackOff for the first restart.
        QCOMPARE(
            eventsSince(sim, name, 30),
            QStringList({"Pulled: Container image \"nginx:1.25\" already present on machine [spec.containers{nginx}]",
                         "Created: Container created [spec.containers{nginx}]",
                         "Started: Container started [spec.containers{nginx}]"}));

        double startedAt = restarted.state.startedAt;
        sim.runUntil(startedAt + 4.9);
        QVERIFY(!isPodReady(*pod(sim, name)));
        sim.runUntil(startedAt + 5.5); // initialDelaySeconds 5
        QVERIFY(isPodReady(*pod(sim, name)));
        QCOMPARE(sim.endpoints().endpointsOf("default", "web").ready.size(), std::size_t(1));
        QCOMPARE(podsLabelled(sim, "app", "web").size(), std::size_t(1)); // the same pod, not a replacement
    }

    // `sh -c 'exit 1'` with restartPolicy Always: restarted at once after the first exit, then
    // 10, 20, 40, 80, 160, 300, 300 s after each exit (measured from its finishedAt).
    void crashLoopBackOffDelaysDouble()
    {
        Simulation sim;
        sim.start(loadYaml(barePod("crash", "Always", "[sh, -c, 'exit 1']")));
        std::vector<double> delays;
        QStringList statuses, messages;
        int restarts = 0;
        bool wasBackingOff = false;
        while (sim.now() < 1200 && sim.step()) {
            auto p = pod(sim, "crash");
            if (!p || p->status.containerStatuses.empty())
                continue;
            const ContainerStatus &st = p->status.containerStatuses[0];
            QString status = QString::fromStdString(kubectlPodStatus(*p));
            if (statuses.isEmpty() || statuses.back() != status)
                statuses << status;
            bool backingOff = st.state.reason == "CrashLoopBackOff";
            if (backingOff && !wasBackingOff)
                messages << QString::fromStdString(st.state.message);
            wasBackingOff = backingOff;
            if (st.restartCount > restarts) {
                restarts = st.restartCount;
                delays.push_back(std::round((sim.now() - st.lastState.finishedAt) * 1000) / 1000); // to the ms
            }
        }
        QVERIFY(delays.size() >= 8);
        delays.resize(8);
        QCOMPARE(delays, std::vector<double>({durations::kPlegRelist, 10, 20, 40, 80, 160, 300, 300}));

        const std::string ref = "crash_default(" + pod(sim, "crash")->metadata.uid + ")";
        QStringList expected;
        for (const char *d : {"10s", "20s", "40s", "1m20s", "2m40s", "5m0s", "5m0s"})
            expected << QString::fromStdString("back-off " + std::string(d) +
                                               " restarting failed container=app pod=" + ref);
        QCOMPARE(messages.mid(0, 7), expected);

        QStringList backOffs = eventsOf(sim, "crash").filter("BackOff:");
        QVERIFY(backOffs.size() >= 7);
        QCOMPARE(backOffs[0],
                 QString::fromStdString("BackOff: Back-off restarting failed container app in pod " + ref));
        for (const auto &e : sim.events().events())
            if (e.reason == "BackOff") {
                QCOMPARE(e.type, std::string("Warning"));
                QCOMPARE(e.object.fieldPath, std::string("spec.containers{app}"));
            }

        // kubectl get pods -w: Error after each exit, CrashLoopBackOff while it waits.
        qsizetype firstRunning = statuses.indexOf("Running");
        QVERIFY(firstRunning >= 0);
        QCOMPARE(statuses.mid(firstRunning, 8), QStringList({"Running", "Error", "Running", "Error", "CrashLoopBackOff",
                                                             "Running", "Error", "CrashLoopBackOff"}));
        QCOMPARE(pod(sim, "crash")->status.phase, std::string("Running"));
    }

    // The back-off entry expires once the container ran more than 10 min after its last restart
    // (kubelet.go HasExpiredFunc: finishedAt - lastUpdate > 600 s): that exit restarts at once, as
    // the very first one does, and the next one waits 10 s again. After 5 min it does not expire.
    void backOffResetsAfterTenMinutesWithoutACrash()
    {
        Simulation sim;
        sim.start(loadYaml(barePod("srv", "Always", "[sh, -c, 'exec httpd -f']")));
        sim.runUntil(20);
        auto killAndMeasure = [&sim] {
            double at = sim.now();
            if (auto err = sim.killContainer("default", "srv", "app"))
                qFatal("kill failed: %s", err->message.c_str());
            double restarted = nextRestart(sim, "srv", at + 1000);
            sim.runUntil(sim.now() + 2); // running again
            return restarted - at;
        };
        QCOMPARE(killAndMeasure(), durations::kPlegRelist); // entry: 10 s
        QCOMPARE(killAndMeasure(), 10.0);                   // entry: 20 s
        QCOMPARE(killAndMeasure(), 20.0);                   // entry: 40 s
        sim.runUntil(sim.now() + 300);                      // 5 min: not forgotten
        QCOMPARE(killAndMeasure(), 40.0);                   // entry: 80 s
        sim.runUntil(sim.now() + 601);                      // more than 10 min
        QCOMPARE(killAndMeasure(), durations::kPlegRelist); // expired: at once, entry 10 s again
        QCOMPARE(killAndMeasure(), 10.0);
        QCOMPARE(app(sim, "srv").restartCount, 6);
    }

    // restartPolicy Never: the killed container stays terminated; once no container runs the pod
    // is Failed (getPhase), kubectl shows Error, and nothing restarts.
    void neverPolicyPodFails()
    {
        Simulation sim;
        sim.start(
            loadYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: once}\nspec:\n  restartPolicy: Never\n"
                     "  containers:\n  - {name: app, image: nginx:1.25}\n  - {name: helper, image: nginx:1.25}\n"));
        sim.runUntil(20);
        QVERIFY(!sim.killContainer("default", "once", "app"));
        sim.runUntil(40);
        auto p = pod(sim, "once");
        QCOMPARE(p->status.phase, std::string("Running")); // helper still runs
        QCOMPARE(kubectlPodStatus(*p), std::string("Error"));
        QCOMPARE(kubectlReadyColumn(*p), std::string("1/2"));
        QVERIFY(!isPodReady(*p));

        QVERIFY(!sim.killContainer("default", "once", "helper"));
        sim.runUntil(200);
        p = pod(sim, "once");
        QCOMPARE(p->status.phase, std::string("Failed"));
        QCOMPARE(kubectlPodStatus(*p), std::string("Error"));
        QCOMPARE(p->status.containerStatuses[0].restartCount, 0);
        QCOMPARE(p->status.containerStatuses[0].state.exitCode, 137);
        QCOMPARE(p->status.containerStatuses[1].state.reason, std::string("Error"));
        QCOMPARE(findCondition(*p, "Ready")->reason, std::string("PodCompleted"));
        QVERIFY(eventsOf(sim, "once").filter("BackOff").isEmpty());
        QCOMPARE(eventsOf(sim, "once").filter("Started:").size(), 2);
        // kubectl exec refuses a finished pod itself.
        auto err = sim.killContainer("default", "once", "app");
        QVERIFY(err);
        QCOMPARE(err->message, std::string("cannot exec into a container in a completed pod; current phase is Failed"));
    }

    // restartPolicy OnFailure restarts a killed container (exit 137 is a failure).
    void onFailurePolicyRestartsAKilledContainer()
    {
        Simulation sim;
        sim.start(loadYaml(barePod("retry", "OnFailure", "[sh, -c, 'sleep 3600']")));
        sim.runUntil(20);
        QVERIFY(!sim.killContainer("default", "retry", "app"));
        sim.runUntil(25);
        QCOMPARE(app(sim, "retry").restartCount, 1);
        QCOMPARE(app(sim, "retry").state.kind, ContainerState::Kind::Running);
        QCOMPARE(pod(sim, "retry")->status.phase, std::string("Running"));
    }

    // A native sidecar restarts whatever the pod's restartPolicy; a regular init container killed
    // while it runs fails as the pod's restartPolicy says.
    void initContainersAndSidecars()
    {
        Simulation sim;
        sim.start(
            loadYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: side}\nspec:\n  restartPolicy: Never\n"
                     "  initContainers:\n  - {name: log, image: busybox:1.36, restartPolicy: Always, command: [sh, -c, "
                     "'tail -f /dev/null']}\n"
                     "  containers:\n  - {name: app, image: nginx:1.25}\n---\n"
                     "apiVersion: v1\nkind: Pod\nmetadata: {name: init-never}\nspec:\n  restartPolicy: Never\n"
                     "  initContainers:\n  - {name: migrate, image: busybox:1.36, command: [sh, -c, 'sleep 30']}\n"
                     "  containers:\n  - {name: app, image: nginx:1.25}\n---\n"
                     "apiVersion: v1\nkind: Pod\nmetadata: {name: init-always}\nspec:\n"
                     "  initContainers:\n  - {name: migrate, image: busybox:1.36, command: [sh, -c, 'sleep 30']}\n"
                     "  containers:\n  - {name: app, image: nginx:1.25}\n"));
        sim.runUntil(10);
        QVERIFY(!sim.killContainer("default", "side", "log"));
        QVERIFY(!sim.killContainer("default", "init-never", "migrate"));
        QVERIFY(!sim.killContainer("default", "init-always", "migrate"));
        sim.runUntil(15);

        auto side = pod(sim, "side");
        QCOMPARE(side->status.initContainerStatuses[0].restartCount, 1);
        QCOMPARE(side->status.initContainerStatuses[0].state.kind, ContainerState::Kind::Running);
        QCOMPARE(side->status.phase, std::string("Running"));

        auto never = pod(sim, "init-never");
        QCOMPARE(never->status.phase, std::string("Failed"));
        QCOMPARE(kubectlPodStatus(*never), std::string("Init:Error"));
        QCOMPARE(never->status.initContainerStatuses[0].state.exitCode, 137);

        auto always = pod(sim, "init-always");
        QCOMPARE(always->status.initContainerStatuses[0].restartCount, 1);
        QCOMPARE(kubectlPodStatus(*always), std::string("Init:0/1"));
        sim.runUntil(60); // the restarted init container finishes; the app starts
        QCOMPARE(kubectlPodStatus(*pod(sim, "init-always")), std::string("Running"));
    }

    // A Job pod (restartPolicy Never) whose container is killed fails; the Job controller counts it
    // and replaces it after its 10 s back-off; the second failure exceeds backoffLimit 1.
    void killedJobPodsExhaustBackoffLimit()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("batch", "Never", 1)));
        sim.runUntil(10);
        auto first = jobPods(sim, "batch");
        QCOMPARE(first.size(), std::size_t(1));
        QVERIFY(!sim.killContainer("default", first[0]->metadata.name, "work"));
        sim.runUntil(12);
        QCOMPARE(first[0]->status.phase, std::string("Failed"));
        const auto *jobs = sim.controllers().find<JobController>();
        QCOMPARE(jobs->statusOf("default", "batch")->failed, 1);
        QCOMPARE(jobPods(sim, "batch").size(), std::size_t(1)); // the replacement waits its back-off
        sim.runUntil(30);
        auto pods = jobPods(sim, "batch");
        QCOMPARE(pods.size(), std::size_t(2));
        double created = 0;
        for (const auto &e : sim.events().events())
            if (e.reason == "SuccessfulCreate" && e.object.name == "batch")
                created = e.time;
        QVERIFY2(created >= 20 && created < 22, "the replacement comes 10 s after the failure");

        std::string second =
            pods[0]->metadata.name == first[0]->metadata.name ? pods[1]->metadata.name : pods[0]->metadata.name;
        QVERIFY(!sim.killContainer("default", second, "work"));
        sim.runUntil(60);
        const JobStatus *st = jobs->statusOf("default", "batch");
        QVERIFY(st->failedJob());
        QCOMPARE(st->failed, 2);
        QCOMPARE(st->condition("Failed")->reason, std::string("BackoffLimitExceeded"));
        QVERIFY(eventsOf(sim, "batch").contains("BackoffLimitExceeded: Job has reached the specified backoff limit"));
        QCOMPARE(jobPods(sim, "batch").size(), std::size_t(2)); // no third pod
    }

    // restartPolicy OnFailure: the kubelet restarts the container in place, and the Job controller
    // sums the restarts against backoffLimit.
    void killedOnFailureJobContainerRestartsCountAgainstTheLimit()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("retry", "OnFailure", 2)));
        sim.runUntil(10);
        auto pods = jobPods(sim, "retry");
        QCOMPARE(pods.size(), std::size_t(1));
        const std::string name = pods[0]->metadata.name;
        QVERIFY(!sim.killContainer("default", name, "work"));
        sim.runUntil(20);
        QCOMPARE(app(sim, name).restartCount, 1);
        const auto *jobs = sim.controllers().find<JobController>();
        QVERIFY(!jobs->statusOf("default", "retry")->finished());

        QVERIFY(!sim.killContainer("default", name, "work"));
        sim.runUntil(60);
        const JobStatus *st = jobs->statusOf("default", "retry");
        QVERIFY(st->failedJob());
        QCOMPARE(st->condition("Failed")->reason, std::string("BackoffLimitExceeded"));
        QVERIFY(!pod(sim, name)); // a failed Job's active pods are deleted
        QCOMPARE(int(eventsOf(sim, "retry").filter("SuccessfulCreate").size()), 1);
    }

    // The errors `kubectl exec POD -c CONTAINER -- kill 1` would meet.
    void errorsForUnknownPodsAndContainers()
    {
        Simulation sim;
        sim.start(
            loadYaml(barePod("web", "Always", "[sh, -c, 'exec httpd -f']") + "---\n" +
                     "apiVersion: v1\nkind: Pod\nmetadata: {name: nowhere}\n"
                     "spec: {nodeSelector: {disk: ssd}, containers: [{name: app, image: nginx:1.25}]}\n---\n"
                     "apiVersion: v1\nkind: Pod\nmetadata: {name: noimage}\n"
                     "spec: {containers: [{name: app, image: example.com/missing:1, imagePullPolicy: Never}]}\n"));
        sim.runUntil(20);

        auto err = sim.killContainer("default", "nope", "app");
        QVERIFY(err);
        QCOMPARE(err->code, 404);
        QCOMPARE(err->message, std::string("pods \"nope\" not found"));

        err = sim.killContainer("default", "web", "sidecar");
        QVERIFY(err);
        QCOMPARE(err->code, 400);
        QCOMPARE(err->message, std::string("container sidecar is not valid for pod web"));

        err = sim.killContainer("default", "nowhere", "app");
        QVERIFY(err);
        QCOMPARE(err->message, std::string("pod nowhere does not have a host assigned"));

        err = sim.killContainer("default", "noimage", "app");
        QVERIFY(err);
        QCOMPARE(err->message, std::string("unable to upgrade connection: container not found (\"app\")"));

        // No name: kubectl's default container, the first.
        QVERIFY(!sim.killContainer("default", "web", ""));
        err = sim.killContainer("default", "web", "app"); // not running again yet
        QVERIFY(err);
        QCOMPARE(err->message, std::string("unable to upgrade connection: container not found (\"app\")"));
        QCOMPARE(app(sim, "web").state.exitCode, 137);
    }
};

QTEST_GUILESS_MAIN(TestContainerCrashes)
#include "tst_container_crashes.moc"
