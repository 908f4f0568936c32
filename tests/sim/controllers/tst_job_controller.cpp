// The Job controller and the TTL-after-finished controller (DESIGN 3.4, reference section 9):
// completions and parallelism, backoffLimit with the pod-failure back-off, activeDeadlineSeconds,
// ttlSecondsAfterFinished, Indexed completion mode, suspend, the generated labels, status and events.
#include "app/simulation_json.h"
#include "controller_test_support.h"
#include "sim/controllers/controller.h"
#include "sim/controllers/job_controller.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace podscape;
using namespace podscape::controllertest;

namespace {

const char *kAlphabet = "[bcdfghjklmnpqrstvwxz2456789]{5}";

// A Job as `kubectl create job NAME --image=busybox --dry-run=client -o yaml -- sh -c COMMAND`
// writes it, with extra spec lines (each "  key: value\n").
std::string jobYaml(const std::string &name, const std::string &command, const std::string &specLines = {},
                    const std::string &restartPolicy = "Never")
{
    return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  creationTimestamp: null\n  name: " + name + "\nspec:\n" +
           specLines +
           "  template:\n    metadata:\n      creationTimestamp: null\n    spec:\n      containers:\n"
           "      - command:\n        - sh\n        - -c\n        - " +
           command + "\n        image: busybox\n        name: " + name +
           "\n        resources: {}\n      restartPolicy: " + restartPolicy + "\nstatus: {}\n";
}

const JobStatus *statusOf(const Simulation &sim, const std::string &name)
{
    const auto *jobs = sim.controllers().find<JobController>();
    return jobs ? jobs->statusOf("default", name) : nullptr;
}

std::vector<std::shared_ptr<Pod>> podsOf(Simulation &sim, const std::string &job)
{
    auto owner = sim.store().get<Job>("default", job);
    return owner ? ownedBy<Pod>(sim, *owner) : std::vector<std::shared_ptr<Pod>>{};
}

int countActive(const std::vector<std::shared_ptr<Pod>> &pods)
{
    int n = 0;
    for (const auto &p : pods)
        n += isPodActive(*p) ? 1 : 0;
    return n;
}

int countPhase(const std::vector<std::shared_ptr<Pod>> &pods, const std::string &phase)
{
    int n = 0;
    for (const auto &p : pods)
        n += p->status.phase == phase ? 1 : 0;
    return n;
}

QStringList jobEvents(const Simulation &sim, const std::string &name)
{
    return eventsOf(sim, name, "job-controller");
}

int countPrefix(const QStringList &list, const QString &prefix)
{
    int n = 0;
    for (const auto &s : list)
        n += s.startsWith(prefix) ? 1 : 0;
    return n;
}

// When each event with this reason happened (about the named object).
std::vector<double> eventTimes(const Simulation &sim, const std::string &name, const std::string &reason)
{
    std::vector<double> out;
    for (const auto &e : sim.events().events())
        if (e.object.name == name && e.reason == reason)
            out.push_back(e.time);
    return out;
}

} // namespace

class TestJobController : public QObject {
    Q_OBJECT

private slots:
    // completions 5, parallelism 2: never more than 2 pods at once, and done with 5 successes.
    void completionsWithParallelism()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("pi", "sleep 5", "  completions: 5\n  parallelism: 2\n")));
        int maxActive = 0;
        while (sim.now() < 120 && sim.step())
            maxActive = std::max(maxActive, countActive(podsOf(sim, "pi")));
        sim.runUntil(120);
        QCOMPARE(maxActive, 2);
        auto pods = podsOf(sim, "pi");
        QCOMPARE(int(pods.size()), 5);
        QCOMPARE(countPhase(pods, "Succeeded"), 5);
        QRegularExpression name(QString("^pi-%1$").arg(kAlphabet));
        for (const auto &p : pods) {
            QVERIFY2(name.match(QString::fromStdString(p->metadata.name)).hasMatch(), p->metadata.name.c_str());
            QCOMPARE(kubectlPodStatus(*p), std::string("Completed"));
        }
        const JobStatus *st = statusOf(sim, "pi");
        QVERIFY(st);
        QCOMPARE(st->succeeded, 5);
        QCOMPARE(st->failed, 0);
        QCOMPARE(st->active, 0);
        QVERIFY(st->complete());
        QVERIFY(st->startTime && st->completionTime && *st->completionTime > *st->startTime);
        const JobCondition *criteria = st->condition("SuccessCriteriaMet");
        const JobCondition *complete = st->condition("Complete");
        QVERIFY(criteria && complete);
        QCOMPARE(complete->reason, std::string("CompletionsReached"));
        QCOMPARE(complete->message, std::string("Reached expected number of succeeded pods"));
        QStringList events = jobEvents(sim, "pi");
        QCOMPARE(countPrefix(events, "SuccessfulCreate: Created pod: pi-"), 5);
        QCOMPARE(events.last(), QString("Completed: Job completed"));
        QCOMPARE(countPrefix(events, "Completed:"), 1);
    }

    // The pods carry the generated labels, and the Job's selector is the controller-uid.
    void generatedSelectorAndLabels()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("pi", "sleep 5")));
        sim.runUntil(5);
        auto job = sim.store().get<Job>("default", "pi");
        QVERIFY(job && job->spec.selector);
        const std::string &uid = job->metadata.uid;
        QCOMPARE(job->spec.selector->matchLabels, (Labels{{"batch.kubernetes.io/controller-uid", uid}}));
        auto pods = podsOf(sim, "pi");
        QCOMPARE(int(pods.size()), 1);
        const Labels expected{{"batch.kubernetes.io/controller-uid", uid},
                              {"batch.kubernetes.io/job-name", "pi"},
                              {"controller-uid", uid},
                              {"job-name", "pi"}};
        QCOMPARE(pods[0]->metadata.labels, expected);
        QCOMPARE(pods[0]->metadata.generateName, std::string("pi-"));
        const OwnerReference *ref = pods[0]->metadata.controllerRef();
        QVERIFY(ref && ref->kind == "Job" && ref->uid == uid && ref->blockOwnerDeletion);
    }

    // kubectl's own manifest: a Job's container is a task, so `perl -e 'print 1'` finishes and the
    // Job completes.
    void kubectlCreateJobManifest()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: batch/v1\nkind: Job\nmetadata:\n  creationTimestamp: null\n  name: pi\n"
                           "spec:\n  template:\n    metadata:\n      creationTimestamp: null\n    spec:\n"
                           "      containers:\n      - command:\n        - perl\n        - -e\n        - print 1\n"
                           "        image: perl\n        name: pi\n        resources: {}\n      restartPolicy: Never\n"
                           "status: {}\n"));
        sim.runUntil(60);
        QVERIFY(sim.rejected().empty());
        auto pods = podsOf(sim, "pi");
        QCOMPARE(int(pods.size()), 1);
        const JobStatus *st = statusOf(sim, "pi");
        QVERIFY(st);
        QCOMPARE(st->active, 0);
        QCOMPARE(st->succeeded, 1);
        QVERIFY(st->complete());
        QCOMPARE(kubectlPodStatus(*pods[0]), std::string("Completed"));
    }

    // exit 1 with restartPolicy Never and backoffLimit 2: three pods, 10 s then 20 s apart after
    // each failure, then BackoffLimitExceeded.
    void backoffLimitExceeded()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("fail", "exit 1", "  backoffLimit: 2\n")));
        sim.runUntil(300);
        auto pods = podsOf(sim, "fail");
        QCOMPARE(int(pods.size()), 3);
        QCOMPARE(countPhase(pods, "Failed"), 3);
        QStringList events = jobEvents(sim, "fail");
        QCOMPARE(countPrefix(events, "SuccessfulCreate: Created pod: fail-"), 3);
        QCOMPARE(events.last(), QString("BackoffLimitExceeded: Job has reached the specified backoff limit"));
        std::vector<double> created = eventTimes(sim, "fail", "SuccessfulCreate");
        QCOMPARE(int(created.size()), 3);
        QVERIFY2(created[1] - created[0] >= 10, "the second pod waits 10 s after the first failure");
        QVERIFY2(created[2] - created[1] >= 20, "the third pod waits 20 s after the second failure");
        QVERIFY2(created[2] - created[1] < 40, "the back-off doubles, no more");
        const JobStatus *st = statusOf(sim, "fail");
        QVERIFY(st);
        QCOMPARE(st->failed, 3);
        QCOMPARE(st->succeeded, 0);
        QCOMPARE(st->active, 0);
        QVERIFY(st->failedJob());
        QVERIFY(!st->completionTime);
        QVERIFY(st->condition("FailureTarget"));
        QCOMPARE(st->condition("Failed")->reason, std::string("BackoffLimitExceeded"));
        for (const auto &e : sim.events().events())
            if (e.reason == "BackoffLimitExceeded")
                QCOMPARE(e.type, std::string("Warning"));
    }

    // activeDeadlineSeconds: the running pod is deleted and the Job fails with DeadlineExceeded.
    void activeDeadlineExceeded()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("slow", "sleep 300", "  activeDeadlineSeconds: 20\n")));
        sim.runUntil(15);
        QCOMPARE(countActive(podsOf(sim, "slow")), 1);
        sim.runUntil(120);
        QStringList events = jobEvents(sim, "slow");
        QVERIFY2(events.contains("DeadlineExceeded: Job was active longer than specified deadline"),
                 qPrintable(events.join("\n")));
        QCOMPARE(countPrefix(events, "SuccessfulDelete: Deleted pod: slow-"), 1);
        std::vector<double> deleted = eventTimes(sim, "slow", "SuccessfulDelete");
        const JobStatus *st = statusOf(sim, "slow");
        QVERIFY(st && st->startTime);
        QVERIFY(deleted[0] >= *st->startTime + 20 && deleted[0] < *st->startTime + 21);
        QVERIFY(st->failedJob());
        QCOMPARE(st->condition("Failed")->reason, std::string("DeadlineExceeded"));
        QCOMPARE(st->failed, 1);
        QCOMPARE(st->active, 0);
        QCOMPARE(countActive(podsOf(sim, "slow")), 0);
    }

    // ttlSecondsAfterFinished: the finished Job is deleted after its TTL, its pods with it.
    void ttlAfterFinished()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("short", "sleep 2", "  ttlSecondsAfterFinished: 30\n")));
        double finishedAt = -1;
        while (sim.now() < 60 && sim.step()) {
            const JobStatus *st = statusOf(sim, "short");
            if (st && st->complete()) {
                finishedAt = st->condition("Complete")->lastTransitionTime;
                break;
            }
        }
        QVERIFY(finishedAt > 0);
        sim.runUntil(finishedAt + 29);
        QVERIFY(sim.store().get<Job>("default", "short"));
        QCOMPARE(int(podsOf(sim, "short").size()), 1);
        sim.runUntil(finishedAt + 31);
        QVERIFY(!sim.store().get<Job>("default", "short"));
        sim.runUntil(finishedAt + 40);
        for (const auto &p : sim.store().list<Pod>("default"))
            QVERIFY2(p->metadata.name.rfind("short-", 0) != 0, p->metadata.name.c_str());
    }

    // Indexed: names <job>-<index>-<5 chars>, the index annotation and label, the hostname and the
    // JOB_COMPLETION_INDEX variable; completedIndexes.
    void indexedCompletion()
    {
        Simulation sim;
        sim.start(
            loadYaml(jobYaml("idx", "sleep 3", "  completions: 3\n  parallelism: 3\n  completionMode: Indexed\n")));
        sim.runUntil(5);
        auto pods = podsOf(sim, "idx");
        QCOMPARE(int(pods.size()), 3);
        std::set<int> seen;
        for (const auto &p : pods) {
            auto it = p->metadata.annotations.find("batch.kubernetes.io/job-completion-index");
            QVERIFY(it != p->metadata.annotations.end());
            int ix = std::stoi(it->second);
            seen.insert(ix);
            QCOMPARE(p->metadata.labels.at("batch.kubernetes.io/job-completion-index"), it->second);
            QRegularExpression name(QString("^idx-%1-%2$").arg(ix).arg(kAlphabet));
            QVERIFY2(name.match(QString::fromStdString(p->metadata.name)).hasMatch(), p->metadata.name.c_str());
            QCOMPARE(p->spec.hostname, "idx-" + std::to_string(ix));
            bool hasEnv = false;
            for (const auto &e : p->spec.containers[0].env)
                if (e.name == "JOB_COMPLETION_INDEX" && e.source == EnvVar::Source::Field &&
                    e.fieldPath == "metadata.annotations['batch.kubernetes.io/job-completion-index']")
                    hasEnv = true;
            QVERIFY(hasEnv);
        }
        QCOMPARE(seen, (std::set<int>{0, 1, 2}));
        sim.runUntil(60);
        const JobStatus *st = statusOf(sim, "idx");
        QVERIFY(st && st->complete());
        QCOMPARE(st->succeeded, 3);
        QCOMPARE(st->completedIndexes, std::string("0-2"));
    }

    // With parallelism 1 the indexes run one after the other, lowest first.
    void indexedOneAtATime()
    {
        Simulation sim;
        sim.start(
            loadYaml(jobYaml("ix", "sleep 2", "  completions: 2\n  parallelism: 1\n  completionMode: Indexed\n")));
        sim.runUntil(120);
        const JobStatus *st = statusOf(sim, "ix");
        QVERIFY(st && st->complete());
        QCOMPARE(st->completedIndexes, std::string("0-1"));
        QStringList events = jobEvents(sim, "ix");
        QRegularExpression first(QString("^SuccessfulCreate: Created pod: ix-0-%1$").arg(kAlphabet));
        QRegularExpression second(QString("^SuccessfulCreate: Created pod: ix-1-%1$").arg(kAlphabet));
        QVERIFY(first.match(events.value(0)).hasMatch());
        QVERIFY(second.match(events.value(1)).hasMatch());
    }

    // Without completions, the first success completes the Job once nothing else runs.
    void workQueueWithoutCompletions()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("queue", "sleep 4", "  parallelism: 3\n")));
        sim.runUntil(5);
        QCOMPARE(int(podsOf(sim, "queue").size()), 3);
        sim.runUntil(60);
        const JobStatus *st = statusOf(sim, "queue");
        QVERIFY(st && st->complete());
        QCOMPARE(st->succeeded, 3);
        QCOMPARE(int(podsOf(sim, "queue").size()), 3);
    }

    // suspend: no pods, the Suspended condition; no start time.
    void suspended()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("later", "sleep 2", "  suspend: true\n")));
        sim.runUntil(30);
        QCOMPARE(int(podsOf(sim, "later").size()), 0);
        const JobStatus *st = statusOf(sim, "later");
        QVERIFY(st);
        QVERIFY(!st->startTime);
        const JobCondition *c = st->condition("Suspended");
        QVERIFY(c && c->status == "True" && c->reason == "JobSuspended" && c->message == "Job suspended");
        QCOMPARE(jobEvents(sim, "later"), QStringList{"Suspended: Job suspended"});
        // Resuming (re-applying with suspend false) starts it.
        sim.apply(loadYaml(jobYaml("later", "sleep 2", "  suspend: false\n")));
        sim.runUntil(90);
        st = statusOf(sim, "later");
        QVERIFY(st && st->complete());
        QVERIFY(jobEvents(sim, "later").contains("Resumed: Job resumed"));
    }

    // Deleting a Job removes its pods through their ownerReferences (the garbage collector).
    void deletingTheJobDeletesItsPods()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("gone", "sleep 300", "  parallelism: 2\n  completions: 4\n")));
        sim.runUntil(10);
        QCOMPARE(countActive(podsOf(sim, "gone")), 2);
        std::vector<std::string> names;
        for (const auto &p : podsOf(sim, "gone"))
            names.push_back(p->metadata.name);
        QVERIFY(!sim.remove("Job", "default", "gone"));
        sim.runUntil(60);
        for (const auto &n : names)
            QVERIFY2(!sim.store().get<Pod>("default", n), n.c_str());
        QVERIFY(!statusOf(sim, "gone"));
    }

    // A pod deleted by hand (kubectl delete pod) counts as failed and is replaced after the back-off.
    void deletedPodCountsAsFailed()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("rerun", "sleep 30")));
        sim.runUntil(10);
        auto pods = podsOf(sim, "rerun");
        QCOMPARE(int(pods.size()), 1);
        const std::string first = pods[0]->metadata.name;
        QVERIFY(!sim.remove("Pod", "default", first));
        sim.runUntil(20);
        const JobStatus *st = statusOf(sim, "rerun");
        QVERIFY(st);
        QCOMPARE(st->failed, 1);
        sim.runUntil(120);
        st = statusOf(sim, "rerun");
        QVERIFY(st && st->complete());
        QCOMPARE(st->succeeded, 1);
        QCOMPARE(st->failed, 1);
        QCOMPARE(int(eventTimes(sim, "rerun", "SuccessfulCreate").size()), 2);
    }

    // restartPolicy OnFailure: container restarts count against backoffLimit.
    void onFailureRestartsCountAgainstTheLimit()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("crash", "exit 1", "  backoffLimit: 2\n", "OnFailure")));
        sim.runUntil(300);
        const JobStatus *st = statusOf(sim, "crash");
        QVERIFY(st && st->failedJob());
        QCOMPARE(st->condition("Failed")->reason, std::string("BackoffLimitExceeded"));
        QCOMPARE(int(eventTimes(sim, "crash", "SuccessfulCreate").size()), 1);
    }

    // `podscape simulate -o json`: jobs[] with the status.
    void jsonOutput()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("pi", "sleep 5", "  completions: 2\n")));
        sim.runUntil(60);
        std::vector<Diagnostic> errors;
        QJsonObject root = simulationToJson({sim, errors});
        QCOMPARE(root["epoch"].toString(), QString("2026-01-01T00:00:00Z"));
        QJsonArray jobs = root["jobs"].toArray();
        QCOMPARE(jobs.size(), 1);
        QJsonObject job = jobs[0].toObject();
        QCOMPARE(job["name"].toString(), QString("pi"));
        QCOMPARE(job["completions"].toInt(), 2);
        QCOMPARE(job["succeeded"].toInt(), 2);
        QCOMPARE(job["failed"].toInt(), 0);
        QCOMPARE(job["active"].toInt(), 0);
        QVERIFY(job["completionTime"].isDouble());
        QJsonArray conditions = job["conditions"].toArray();
        QCOMPARE(conditions.size(), 2);
        QCOMPARE(conditions[1].toObject()["type"].toString(), QString("Complete"));
        QVERIFY(job["owner"].isNull());
        QVERIFY(root["cronJobs"].toArray().isEmpty());
    }

    // podFailurePolicy FailJob: the first matching failure fails the Job, whatever backoffLimit says.
    void podFailurePolicyFailJob()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("pf", "exit 42",
                                   "  backoffLimit: 6\n  podFailurePolicy:\n    rules:\n    - action: FailJob\n"
                                   "      onExitCodes:\n        containerName: pf\n        operator: In\n"
                                   "        values:\n        - 42\n")));
        sim.runUntil(60);
        QVERIFY(sim.rejected().empty());
        auto pods = podsOf(sim, "pf");
        QCOMPARE(int(pods.size()), 1);
        const JobStatus *st = statusOf(sim, "pf");
        QVERIFY(st && st->failedJob());
        QCOMPARE(st->failed, 1);
        const std::string message = "Container pf for pod default/" + pods[0]->metadata.name +
                                    " failed with exit code 42 matching FailJob rule at index 0";
        QCOMPARE(st->condition("Failed")->reason, std::string("PodFailurePolicy"));
        QCOMPARE(st->condition("Failed")->message, message);
        QCOMPARE(jobEvents(sim, "pf").last(), QString::fromStdString("PodFailurePolicy: " + message));
    }

    // podFailurePolicy Ignore: matching failures do not count against backoffLimit (the pods are
    // still replaced after the back-off); Count rules and unmatched failures do.
    void podFailurePolicyIgnore()
    {
        Simulation sim;
        sim.start(loadYaml(jobYaml("flaky", "exit 3",
                                   "  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n    - action: Ignore\n"
                                   "      onExitCodes:\n        operator: In\n        values:\n        - 3\n") +
                           "---\n" +
                           jobYaml("counted", "exit 3",
                                   "  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n    - action: Count\n"
                                   "      onExitCodes:\n        operator: NotIn\n        values:\n        - 0\n")));
        sim.runUntil(120);
        const JobStatus *st = statusOf(sim, "flaky");
        QVERIFY(st && !st->finished());
        QCOMPARE(st->failed, 0);
        QVERIFY(podsOf(sim, "flaky").size() >= 3);
        const JobStatus *counted = statusOf(sim, "counted");
        QVERIFY(counted && counted->failedJob());
        QCOMPARE(counted->condition("Failed")->reason, std::string("BackoffLimitExceeded"));
        QCOMPARE(int(podsOf(sim, "counted").size()), 1);
    }

    void indexFormatting()
    {
        QCOMPARE(formatIndexes({}), std::string());
        QCOMPARE(formatIndexes({0, 1, 2, 4, 6, 7}), std::string("0-2,4,6-7"));
        QCOMPARE(parseIndexes("0-2,4,6-7", 7), (std::set<int>{0, 1, 2, 4, 6}));
    }
};

QTEST_GUILESS_MAIN(TestJobController)
#include "tst_job_controller.moc"
