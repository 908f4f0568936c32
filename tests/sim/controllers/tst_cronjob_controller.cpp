// The CronJob controller (DESIGN 3.4, reference section 9): Jobs on the virtual clock named
// <cronjob>-<Unix minutes>, history pruning, concurrencyPolicy Allow / Forbid / Replace, suspend,
// startingDeadlineSeconds, spec.timeZone, an impossible schedule, and the status.
//
// Virtual time 0 is 2026-01-01T00:00:00Z, Unix minute 29453760, so the run for virtual minute N is
// the Job <cronjob>-(29453760 + N).
#include "app/simulation_json.h"
#include "controller_test_support.h"
#include "sim/controllers/controller.h"
#include "sim/controllers/cronjob_controller.h"
#include "sim/controllers/job_controller.h"

#include <QJsonArray>
#include <QtTest>

using namespace podscape;
using namespace podscape::controllertest;

namespace {

constexpr std::int64_t kMinuteZero = 29453760;

// `kubectl create cronjob hello --image=busybox --schedule=SCHEDULE --dry-run=client -o yaml --
// sh -c COMMAND`, with extra spec lines ("  key: value\n").
std::string cronJobYaml(const std::string &name, const std::string &schedule, const std::string &command,
                        const std::string &specLines = {}, const std::string &restartPolicy = "OnFailure",
                        const std::string &jobSpecLines = {})
{
    return "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  creationTimestamp: null\n  name: " + name + "\nspec:\n" +
           specLines + "  jobTemplate:\n    metadata:\n      creationTimestamp: null\n      name: " + name +
           "\n    spec:\n" + jobSpecLines +
           "      template:\n        metadata:\n          creationTimestamp: null\n        spec:\n"
           "          containers:\n          - command:\n            - sh\n            - -c\n            - " +
           command + "\n            image: busybox\n            name: " + name +
           "\n            resources: {}\n          restartPolicy: " + restartPolicy + "\n  schedule: '" + schedule +
           "'\nstatus: {}\n";
}

std::string jobName(const std::string &cronJob, int minute)
{
    return cronJob + "-" + std::to_string(kMinuteZero + minute);
}

const CronJobStatus *statusOf(const Simulation &sim, const std::string &name)
{
    const auto *c = sim.controllers().find<CronJobController>();
    return c ? c->statusOf("default", name) : nullptr;
}

const JobStatus *jobStatusOf(const Simulation &sim, const std::string &name)
{
    const auto *c = sim.controllers().find<JobController>();
    return c ? c->statusOf("default", name) : nullptr;
}

// The Jobs of the CronJob in the store, by name.
QStringList jobsOf(Simulation &sim, const std::string &cronJob)
{
    QStringList out;
    for (const auto &job : sim.store().list<Job>("default")) {
        const OwnerReference *ref = job->metadata.controllerRef();
        if (ref && ref->kind == "CronJob" && ref->name == cronJob)
            out << QString::fromStdString(job->metadata.name);
    }
    out.sort();
    return out;
}

QStringList names(std::initializer_list<std::string> list)
{
    QStringList out;
    for (const auto &s : list)
        out << QString::fromStdString(s);
    return out;
}

QStringList cronEvents(const Simulation &sim, const std::string &name)
{
    return eventsOf(sim, name, "cronjob-controller");
}

QStringList withPrefix(const QStringList &list, const QString &prefix)
{
    QStringList out;
    for (const auto &s : list)
        if (s.startsWith(prefix))
            out << s;
    return out;
}

} // namespace

class TestCronJobController : public QObject {
    Q_OBJECT

private slots:
    // kubectl's `*/1 * * * *` CronJob over six virtual minutes: a Job each minute with the
    // Kubernetes name, and only the newest three successful Jobs kept.
    void everyMinuteWithHistoryLimit()
    {
        Simulation sim;
        sim.start(loadYaml(cronJobYaml("hello", "*/1 * * * *", "date; sleep 20")));
        sim.runUntil(59);
        QVERIFY(jobsOf(sim, "hello").isEmpty());
        sim.runUntil(61);
        QCOMPARE(jobsOf(sim, "hello"), names({jobName("hello", 1)}));
        auto first = sim.store().get<Job>("default", jobName("hello", 1));
        QCOMPARE(first->metadata.annotations.at("batch.kubernetes.io/cronjob-scheduled-timestamp"),
                 std::string("2026-01-01T00:01:00Z"));
        QCOMPARE(first->metadata.controllerRef()->kind, std::string("CronJob"));
        QVERIFY(first->metadata.creationTimestamp && *first->metadata.creationTimestamp >= 60 &&
                *first->metadata.creationTimestamp < 61);
        sim.runUntil(370);
        // Runs 1-5 finished (20 s each), 6 runs; the successful history keeps 3, 4 and 5.
        QCOMPARE(jobsOf(sim, "hello"),
                 names({jobName("hello", 3), jobName("hello", 4), jobName("hello", 5), jobName("hello", 6)}));
        QStringList events = cronEvents(sim, "hello");
        QCOMPARE(withPrefix(events, "SuccessfulCreate:"),
                 names({"SuccessfulCreate: Created job " + jobName("hello", 1),
                        "SuccessfulCreate: Created job " + jobName("hello", 2),
                        "SuccessfulCreate: Created job " + jobName("hello", 3),
                        "SuccessfulCreate: Created job " + jobName("hello", 4),
                        "SuccessfulCreate: Created job " + jobName("hello", 5),
                        "SuccessfulCreate: Created job " + jobName("hello", 6)}));
        QVERIFY(events.contains(QString::fromStdString("SawCompletedJob: Saw completed job: " + jobName("hello", 1) +
                                                       ", status: Complete")));
        QCOMPARE(withPrefix(events, "SuccessfulDelete:"),
                 names({"SuccessfulDelete: Deleted job " + jobName("hello", 1),
                        "SuccessfulDelete: Deleted job " + jobName("hello", 2)}));
        const CronJobStatus *st = statusOf(sim, "hello");
        QVERIFY(st);
        QCOMPARE(st->lastScheduleTime, std::optional<double>(360));
        QCOMPARE(int(st->active.size()), 1);
        QCOMPARE(st->active[0].name, jobName("hello", 6));
        const JobStatus *fifth = jobStatusOf(sim, jobName("hello", 5));
        QVERIFY(fifth && fifth->complete());
        QCOMPARE(st->lastSuccessfulTime, fifth->completionTime);
        // The pruned Jobs' pods went with them.
        for (const auto &p : sim.store().list<Pod>("default")) {
            QVERIFY(p->metadata.name.rfind(jobName("hello", 1), 0) != 0);
            QVERIFY(p->metadata.name.rfind(jobName("hello", 2), 0) != 0);
        }
    }

    // `podscape simulate -o json`: cronJobs[] with the status, and the Jobs' owner.
    void jsonOutput()
    {
        Simulation sim;
        sim.start(loadYaml(cronJobYaml("hello", "*/1 * * * *", "date; sleep 20")));
        sim.runUntil(130);
        std::vector<Diagnostic> errors;
        QJsonObject root = simulationToJson({sim, errors});
        QJsonArray cronJobs = root["cronJobs"].toArray();
        QCOMPARE(cronJobs.size(), 1);
        QJsonObject cj = cronJobs[0].toObject();
        QCOMPARE(cj["schedule"].toString(), QString("*/1 * * * *"));
        QCOMPARE(cj["lastScheduleTime"].toDouble(), 120.0);
        QVERIFY(cj["lastSuccessfulTime"].isDouble());
        QCOMPARE(cj["active"].toArray(), QJsonArray{QString::fromStdString("default/" + jobName("hello", 2))});
        QJsonArray jobs = root["jobs"].toArray();
        QCOMPARE(jobs.size(), 2);
        QCOMPARE(jobs[0].toObject()["owner"].toObject()["kind"].toString(), QString("CronJob"));
    }

    // failedJobsHistoryLimit: 1 by default.
    void failedHistoryLimit()
    {
        Simulation sim;
        sim.start(loadYaml(cronJobYaml("oops", "*/1 * * * *", "exit 1", {}, "Never", "      backoffLimit: 0\n")));
        sim.runUntil(250);
        QCOMPARE(jobsOf(sim, "oops"), names({jobName("oops", 4)}));
        QStringList events = cronEvents(sim, "oops");
        QVERIFY(events.contains(
            QString::fromStdString("SawCompletedJob: Saw completed job: " + jobName("oops", 1) + ", status: Failed")));
        QCOMPARE(withPrefix(events, "SuccessfulDelete:").size(), 3);
        const CronJobStatus *st = statusOf(sim, "oops");
        QVERIFY(st && st->active.empty() && !st->lastSuccessfulTime);
    }

    // successfulJobsHistoryLimit: 0 removes every finished Job.
    void zeroHistory()
    {
        Simulation sim;
        sim.start(loadYaml(cronJobYaml("tidy", "*/1 * * * *", "sleep 5", "  successfulJobsHistoryLimit: 0\n")));
        sim.runUntil(200);
        QVERIFY(jobsOf(sim, "tidy").isEmpty());
        QCOMPARE(withPrefix(cronEvents(sim, "tidy"), "SuccessfulDelete:").size(), 3);
    }

    // Forbid: never two runs at once. The 2nd minute is skipped while the 1st run (90 s) goes on; as
    // in Kubernetes (lastScheduleTime stays at the 1st run), the skipped minute then starts late,
    // as soon as the 1st run has finished, and the 3rd minute is skipped in its turn.
    void forbidSkipsWhileRunning()
    {
        Simulation sim;
        sim.start(loadYaml(cronJobYaml("solo", "*/1 * * * *", "sleep 90", "  concurrencyPolicy: Forbid\n")));
        sim.runUntil(130);
        QCOMPARE(jobsOf(sim, "solo"), names({jobName("solo", 1)}));
        QVERIFY(cronEvents(sim, "solo")
                    .contains("JobAlreadyActive: Not starting job because prior execution is running and concurrency "
                              "policy is Forbid"));
        int maxActive = 0;
        while (sim.now() < 400 && sim.step()) {
            int running = 0;
            for (const auto &name : jobsOf(sim, "solo")) {
                const JobStatus *js = jobStatusOf(sim, name.toStdString());
                running += js && !js->finished() ? 1 : 0;
            }
            maxActive = std::max(maxActive, running);
        }
        QCOMPARE(maxActive, 1);
        QStringList created = withPrefix(cronEvents(sim, "solo"), "SuccessfulCreate:");
        QCOMPARE(created.value(1), QString::fromStdString("SuccessfulCreate: Created job " + jobName("solo", 2)));
        for (const auto &e : sim.events().events())
            if (e.object.name == "solo" && e.reason == "SuccessfulCreate" &&
                e.message == "Created job " + jobName("solo", 2))
                QVERIFY2(e.time > 150 && e.time < 180, "the skipped run starts when the first one is done");
        // Minutes 3 and 6 never run: each was overtaken by the next one while a run went on.
        QStringList jobs = jobsOf(sim, "solo");
        QVERIFY(!jobs.contains(QString::fromStdString(jobName("solo", 3))));
        QVERIFY(jobs.contains(QString::fromStdString(jobName("solo", 4))));
        QVERIFY(withPrefix(cronEvents(sim, "solo"), "JobAlreadyActive:").size() >= 4);
    }

    // Replace: the running Job is deleted for the new one.
    void replaceReplacesTheRunningJob()
    {
        Simulation sim;
        sim.start(loadYaml(cronJobYaml("swap", "*/1 * * * *", "sleep 90", "  concurrencyPolicy: Replace\n")));
        sim.runUntil(130);
        QCOMPARE(jobsOf(sim, "swap"), names({jobName("swap", 2)}));
        QStringList events = cronEvents(sim, "swap");
        int deleted = events.indexOf(QString::fromStdString("SuccessfulDelete: Deleted job " + jobName("swap", 1)));
        int created = events.indexOf(QString::fromStdString("SuccessfulCreate: Created job " + jobName("swap", 2)));
        QVERIFY(deleted >= 0 && created > deleted);
        const CronJobStatus *st = statusOf(sim, "swap");
        QVERIFY(st && st->active.size() == 1 && st->active[0].name == jobName("swap", 2));
        sim.runUntil(160);
        for (const auto &p : sim.store().list<Pod>("default"))
            QVERIFY2(p->metadata.name.rfind(jobName("swap", 1), 0) != 0, p->metadata.name.c_str());
    }

    // Allow (the default): runs overlap.
    void allowRunsConcurrently()
    {
        Simulation sim;
        sim.start(loadYaml(cronJobYaml("many", "*/1 * * * *", "sleep 90")));
        sim.runUntil(130);
        QCOMPARE(jobsOf(sim, "many"), names({jobName("many", 1), jobName("many", 2)}));
        QCOMPARE(int(statusOf(sim, "many")->active.size()), 2);
    }

    // suspend: nothing runs; resuming late starts the missed run at once, unless it is older than
    // startingDeadlineSeconds.
    void suspendAndStartingDeadline()
    {
        Simulation sim;
        sim.start(loadYaml(
            cronJobYaml("late", "*/5 * * * *", "sleep 5", "  suspend: true\n") + "---\n" +
            cronJobYaml("strict", "*/5 * * * *", "sleep 5", "  suspend: true\n  startingDeadlineSeconds: 10\n")));
        sim.runUntil(330);
        QVERIFY(jobsOf(sim, "late").isEmpty());
        QVERIFY(jobsOf(sim, "strict").isEmpty());
        sim.apply(loadYaml(cronJobYaml("late", "*/5 * * * *", "sleep 5") + "---\n" +
                           cronJobYaml("strict", "*/5 * * * *", "sleep 5", "  startingDeadlineSeconds: 10\n")));
        sim.runUntil(340);
        QCOMPARE(jobsOf(sim, "late"), names({jobName("late", 5)}));
        QVERIFY(jobsOf(sim, "strict").isEmpty());
        sim.runUntil(601);
        QCOMPARE(jobsOf(sim, "strict"), names({jobName("strict", 10)}));
    }

    // spec.timeZone: 01:00 in Berlin is midnight UTC; the annotation is in the zone.
    void timeZone()
    {
        // scripts/setup-debian installs tzdata: spec.timeZone needs /usr/share/zoneinfo.
        QVERIFY2(TimeZone::load("Europe/Berlin"), "no Europe/Berlin in /usr/share/zoneinfo (install tzdata)");
        Simulation sim;
        sim.start(loadYaml(cronJobYaml("berlin", "0 1 * * *", "sleep 5", "  timeZone: Europe/Berlin\n") + "---\n" +
                           cronJobYaml("utc", "0 1 * * *", "sleep 5")));
        sim.runUntil(3601);
        QVERIFY(jobsOf(sim, "berlin").isEmpty());
        QCOMPARE(jobsOf(sim, "utc"), names({jobName("utc", 60)}));
        sim.runUntil(86401);
        QCOMPARE(jobsOf(sim, "berlin"), names({jobName("berlin", 1440)}));
        auto job = sim.store().get<Job>("default", jobName("berlin", 1440));
        QCOMPARE(job->metadata.annotations.at("batch.kubernetes.io/cronjob-scheduled-timestamp"),
                 std::string("2026-01-02T01:00:00+01:00"));
    }

    // A schedule the API server accepts but that never fires (30 February): InvalidSchedule.
    // One it cannot parse is refused before the controller sees it.
    void impossibleAndUnparseableSchedules()
    {
        Simulation sim;
        sim.start(loadYaml(cronJobYaml("feb", "0 0 30 2 *", "sleep 5") + "---\n" +
                           cronJobYaml("bad", "61 * * * *", "sleep 5")));
        sim.runUntil(120);
        QVERIFY(jobsOf(sim, "feb").isEmpty());
        QStringList events = cronEvents(sim, "feb");
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.first(),
                 QString("InvalidSchedule: invalid schedule: 0 0 30 2 * : time difference between two schedules is "
                         "less than 1 second"));
        QVERIFY(!sim.store().get<CronJob>("default", "bad"));
        QCOMPARE(int(sim.rejected().size()), 1);
        QVERIFY2(QString::fromStdString(sim.rejected()[0].message).contains("spec.schedule"),
                 sim.rejected()[0].message.c_str());
    }

    // Deleting the CronJob deletes its Jobs and their pods (garbage collector).
    void deletingTheCronJob()
    {
        Simulation sim;
        sim.start(loadYaml(cronJobYaml("bye", "*/1 * * * *", "sleep 300")));
        sim.runUntil(125);
        QCOMPARE(jobsOf(sim, "bye").size(), 2);
        QVERIFY(!sim.remove("CronJob", "default", "bye"));
        sim.runUntil(200);
        QVERIFY(jobsOf(sim, "bye").isEmpty());
        for (const auto &job : sim.store().list<Job>("default"))
            QVERIFY2(job->metadata.name.rfind("bye-", 0) != 0, job->metadata.name.c_str());
        for (const auto &p : sim.store().list<Pod>("default"))
            QVERIFY2(p->metadata.name.rfind("bye-", 0) != 0 || p->metadata.deletionTimestamp, p->metadata.name.c_str());
        QVERIFY(!statusOf(sim, "bye"));
    }
};

QTEST_GUILESS_MAIN(TestCronJobController)
#include "tst_cronjob_controller.moc"
