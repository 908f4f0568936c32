// Playback: opening files (and keeping what is loaded when a file is bad), stepping forward to
// the next visible change, stepping back by replaying to the same state, reset, speed, reload;
// the recent-files list, dropped files, and reloading when a file changes on disk.
#include "app/cluster_session.h"
#include "app/manifest_watcher.h"
#include "app/recent_files.h"
#include "sim/simulation.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <fstream>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

// What the user sees, in a form two runs can be compared by.
QString snapshot(const ClusterSession &session)
{
    QStringList lines{QString::number(session.virtualTime(), 'f', 6), QString::number(session.events()->rowCount())};
    for (const PodRow &row : session.pods()->rows())
        lines.append(QStringList{row.key, row.node, row.status, row.ready, row.ip, QString::number(row.rect.x()),
                                 QString::number(row.rect.y())}
                         .join(' '));
    return lines.join('\n');
}

QString writeFile(QTemporaryDir &dir, const QString &name, const std::string &text)
{
    QString path = dir.filePath(name);
    std::ofstream(path.toStdString()) << text;
    return path;
}

// As editors save: a temporary file renamed over the old one (the watched inode goes away).
void replaceFile(QTemporaryDir &dir, const QString &name, const std::string &text)
{
    QString temp = writeFile(dir, "." + name + ".swp.yaml", text);
    QVERIFY(std::rename(temp.toLocal8Bit().constData(), dir.filePath(name).toLocal8Bit().constData()) == 0);
}

std::string deployment(const std::string &image)
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n"
           "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
           "    spec: {containers: [{name: nginx, image: \"" +
           image + "\"}]}\n";
}

std::string pod(const std::string &name)
{
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + "}\nspec: {containers: [{name: a, image: nginx}]}\n";
}

// The Running pods whose only container runs `image`.
int runningWithImage(const ClusterSession &session, const std::string &image)
{
    int count = 0;
    for (const auto &p : session.simulation()->store().list<Pod>()) {
        const PodRow *row =
            session.pods()->find(QString::fromStdString(p->metadata.namespace_ + "/" + p->metadata.name));
        if (row && row->status == "Running" && p->spec.containers.at(0).image == image)
            ++count;
    }
    return count;
}

QStringList recentPaths(const ClusterSession &session, int index)
{
    return session.recentFiles().at(index).toMap()["paths"].toStringList();
}

// The running pods of the web Deployment, by node.
QStringList webPodsOn(const ClusterSession &session, const QString &node)
{
    QStringList out;
    for (const PodRow &row : session.pods()->rows())
        if (row.name.startsWith("web-") && row.node == node && row.category != "terminating")
            out.append(row.key);
    return out;
}

const PodRow *firstRunningWebPod(const ClusterSession &session)
{
    for (const PodRow &row : session.pods()->rows())
        if (row.name.startsWith("web-") && row.status == "Running")
            return &row;
    return nullptr;
}

} // namespace

class TestClusterSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The recent-files list goes to ~/.qttest, never to the user's settings.
        QStandardPaths::setTestModeEnabled(true);
        RecentFiles::clear();
    }

    void cleanupTestCase() { RecentFiles::clear(); }

    void opensPausedAtTimeZero()
    {
        ClusterSession session;
        QSignalSpy files(&session, &ClusterSession::filesChanged);
        QVERIFY(session.open({kDemo}));
        QCOMPARE(files.count(), 1);
        QCOMPARE(session.virtualTime(), 0.0);
        QCOMPARE(session.isPlaying(), false);
        QCOMPARE(session.nodes()->rowCount(), 4); // the default cluster
        QVERIFY(session.errors().isEmpty());
    }

    void stepForwardStopsAtTheNextChange()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        QString before = snapshot(session);
        session.stepForward();
        QVERIFY(session.stepCount() > 0);
        QVERIFY(snapshot(session) != before);
    }

    void stepBackReplaysToTheSameState()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        std::vector<QString> seen{snapshot(session)};
        for (int i = 0; i < 12; ++i) {
            session.stepForward();
            seen.push_back(snapshot(session));
        }
        for (int i = 11; i >= 0; --i) {
            session.stepBack();
            QCOMPARE(snapshot(session), seen[std::size_t(i)]);
        }
        QCOMPARE(session.stepCount(), 0);
        QCOMPARE(session.canStepBack(), false);
    }

    void stepBackAfterPlaying()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(2); // the pods are being created: every step changes something
        QString played = snapshot(session);
        session.stepForward();
        QVERIFY(snapshot(session) != played);
        session.stepBack();
        // Back at what was shown at 2 s; the clock reads the time of the change that led there.
        QStringList now = snapshot(session).split('\n');
        QStringList then = played.split('\n');
        QCOMPARE(now.mid(1), then.mid(1));
        QVERIFY(session.virtualTime() <= 2);
    }

    void resetGoesBackToTheStart()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        QString start = snapshot(session);
        session.advanceTo(20);
        session.reset();
        QCOMPARE(snapshot(session), start);
    }

    void speedIsClamped()
    {
        ClusterSession session;
        session.setSpeed(100);
        QCOMPARE(session.speed(), 16.0);
        session.setSpeed(0.01);
        QCOMPARE(session.speed(), 0.25);
    }

    void playingAdvancesTheClock()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.setSpeed(16);
        session.play();
        QTRY_VERIFY_WITH_TIMEOUT(session.virtualTime() > 2, 3000);
        session.pause();
        double paused = session.virtualTime();
        QTest::qWait(100);
        QCOMPARE(session.virtualTime(), paused);
    }

    void badInputIsReportedWithItsPlace()
    {
        QTemporaryDir dir;
        QString bad = writeFile(
            dir, "bad.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: three\n");
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(10);
        int pods = session.pods()->rowCount();
        // Nothing usable in the file: what is loaded stays, and the error says where.
        QVERIFY(!session.open({bad}));
        QCOMPARE(session.pods()->rowCount(), pods);
        QCOMPARE(session.errors().size(), 1);
        QVERIFY2(session.errors().first().startsWith(bad + ":5:"), qPrintable(session.errors().first()));
    }

    void refusedObjectsAreListed()
    {
        QTemporaryDir dir;
        QString file = writeFile(dir, "pods.yaml",
                                 "apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name}\n"
                                 "spec: {containers: [{name: a, image: nginx}]}\n");
        ClusterSession session;
        QVERIFY(session.open({file}));
        session.advanceTo(5);
        QCOMPARE(session.errors().size(), 1);
        QVERIFY2(session.errors().first().startsWith(file + ":1: "), qPrintable(session.errors().first()));
    }

    void reloadAppliesAndSurvivesStepBack()
    {
        QTemporaryDir dir;
        std::string pod =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: one}\nspec: {containers: [{name: a, image: nginx}]}\n";
        QString file = writeFile(dir, "app.yaml", pod);
        ClusterSession session;
        QVERIFY(session.open({file}));
        session.advanceTo(10);
        writeFile(dir, "app.yaml",
                  pod + "---\n" +
                      "apiVersion: v1\nkind: Pod\nmetadata: {name: two}\n"
                      "spec: {containers: [{name: a, image: nginx}]}\n");
        session.reload();
        session.advanceTo(10.5); // pod two is coming up: every step changes something
        QVERIFY(session.pods()->find("default/two"));
        session.stepForward();
        QString stepped = snapshot(session);
        session.stepForward();
        session.stepBack();
        QVERIFY(session.pods()->find("default/two")); // the replay applied the reload again
        QCOMPARE(snapshot(session), stepped);
    }

    void actionsRunAtTheirTimesInEveryReplay()
    {
        QTemporaryDir dir;
        QString actions = writeFile(dir, "actions.yaml",
                                    "- at: 20s\n  scale: {kind: Deployment, name: web, replicas: 5}\n"
                                    "- at: 25s\n  node: {name: worker-9, action: fail}\n");
        ClusterSession session;
        QVERIFY(session.loadActions(actions));
        QVERIFY(session.open({kDemo}));
        session.advanceTo(19);
        QCOMPARE(session.pods()->rowCount(), 5);
        session.advanceTo(30);
        QCOMPARE(session.pods()->rowCount(), 7); // two more web pods
        // A step that fails (no such node) is reported at its place in the actions file.
        QVERIFY2(session.errors().filter(actions + ":3:").size() == 1, qPrintable(session.errors().join('\n')));
        session.stepForward();
        session.stepBack();
        session.stepForward();
        QCOMPARE(session.pods()->rowCount(), 7);
    }

    void badActionsAreReported()
    {
        QTemporaryDir dir;
        QString actions = writeFile(dir, "actions.yaml", "- at: soon\n  scale: {kind: Deployment, name: web}\n");
        ClusterSession session;
        QVERIFY(!session.loadActions(actions));
        QVERIFY(session.open({kDemo}));
        QVERIFY(!session.errors().isEmpty());
        QVERIFY2(session.errors().first().startsWith(actions + ":1:"), qPrintable(session.errors().first()));
    }

    void eventLogHasEveryEventOnce()
    {
        QTemporaryDir dir;
        QString log = dir.filePath("events.jsonl");
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        QVERIFY(session.recordEventsTo(log));
        session.advanceTo(10);
        int events = session.events()->rowCount();
        session.stepBack(); // a replay writes nothing it already wrote
        session.advanceTo(10);
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), events);
        QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        for (const char *key : {"time", "type", "reason", "object", "message", "source"})
            QVERIFY2(first.contains(key), key);
    }

    void inspectionFollowsTheSelectionAndTheClock()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(1);
        QSignalSpy inspected(&session, &ClusterSession::inspectionChanged);
        session.setSelectedPod("default/myapp-pod");
        QCOMPARE(inspected.count(), 1);
        QCOMPARE(session.inspection()["status"].toString(), QStringLiteral("ContainerCreating"));
        session.advanceTo(30);
        QCOMPARE(session.inspection()["status"].toString(), QStringLiteral("Running"));
        session.setSelectedPod(QString());
        QVERIFY(session.inspection().isEmpty());
    }

    void inspectingANodeClearsThePod()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        session.setSelectedPod("default/myapp-pod");
        session.setSelectedNode("control-plane");
        QVERIFY(session.selectedPod().isEmpty());
        QVariantMap node = session.inspection();
        QCOMPARE(node["kind"].toString(), QStringLiteral("Node"));
        QCOMPARE(node["status"].toString(), QStringLiteral("Ready"));
        QVERIFY(node["labels"].toStringList().contains(QStringLiteral("kubernetes.io/hostname=control-plane")));
        QCOMPARE(node["taints"].toStringList(), QStringList{"node-role.kubernetes.io/control-plane:NoSchedule"});
        bool readyIsHealthy = false;
        for (const QVariant &c : node["conditions"].toList())
            if (c.toMap()["type"] == QLatin1String("Ready"))
                readyIsHealthy = c.toMap()["healthy"].toBool();
        QVERIFY(readyIsHealthy);
        session.setSelectedPod("default/myapp-pod");
        QVERIFY(session.selectedNode().isEmpty());
        QCOMPARE(session.inspection()["kind"].toString(), QStringLiteral("Pod"));
    }

    void checkPlacementGivesTheSchedulersReasonAndChangesNothing()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        QString before = snapshot(session);
        int steps = session.stepCount();
        QVariantMap verdict = session.checkPlacement("default/analytics", "worker-1");
        QCOMPARE(verdict["fits"].toBool(), false);
        QVERIFY2(verdict["message"].toString().contains("Insufficient cpu"), qPrintable(verdict["message"].toString()));
        QCOMPARE(verdict["plugin"].toString(), QStringLiteral("NodeResourcesFit"));
        QCOMPARE(session.checkPlacement("default/myapp-pod", "worker-3")["fits"].toBool(), true);
        QCOMPARE(snapshot(session), before);
        QCOMPARE(session.stepCount(), steps);
        QVERIFY(session.simulation()->evictions().empty());
    }

    void evictToANodePlacesTheReplacementThere()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        const PodRow *web = firstRunningWebPod(session);
        QVERIFY(web);
        QString key = web->key, from = web->node;
        QString to = from == "worker-1" ? "worker-2" : "worker-1";
        QCOMPARE(session.checkPlacement(key, to)["fits"].toBool(), true);
        int before = int(webPodsOn(session, to).size());
        QVariantMap result = session.evictPod(key, to);
        QCOMPARE(result["allowed"].toBool(), true);
        QCOMPARE(result["replaced"].toBool(), true);
        QVERIFY(!session.noticeIsError());
        QVERIFY2(session.notice().contains(to), qPrintable(session.notice()));
        session.advanceTo(60);
        QCOMPARE(int(webPodsOn(session, to).size()), before + 1);
        QVERIFY(!webPodsOn(session, from).contains(key));
    }

    void aSecondEvictionIsRefusedByTheBudget()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        QStringList web;
        for (const PodRow &row : session.pods()->rows())
            if (row.name.startsWith("web-"))
                web.append(row.key);
        QCOMPARE(web.size(), 3);
        QCOMPARE(session.evictPod(web[0])["allowed"].toBool(), true);
        QVariantMap refused = session.evictPod(web[1]);
        QCOMPARE(refused["allowed"].toBool(), false);
        QCOMPARE(refused["reason"].toString(), QStringLiteral("TooManyRequests"));
        QCOMPARE(refused["message"].toString(),
                 QStringLiteral("Cannot evict pod as it would violate the pod's disruption budget."));
        QVERIFY(session.noticeIsError());
        QVERIFY2(session.notice().contains("Cannot evict pod as it would violate the pod's disruption budget."),
                 qPrintable(session.notice()));
        QVERIFY2(session.notice().contains(refused["cause"].toString()), qPrintable(session.notice()));
        QCOMPARE(session.pods()->find(web[1])->category, QStringLiteral("running"));
    }

    void aBarePodIsNotReplaced()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        QVariantMap result = session.evictPod("default/myapp-pod");
        QCOMPARE(result["allowed"].toBool(), true);
        QCOMPARE(result["replaced"].toBool(), false);
        QVERIFY2(session.notice().contains("nothing replaces it"), qPrintable(session.notice()));
        session.advanceTo(120);
        QVERIFY(!session.pods()->find("default/myapp-pod"));
        for (const PodRow &row : session.pods()->rows())
            QVERIFY(!row.name.startsWith("myapp"));
    }

    void nodeActionsShowOnTheNodeCards()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(10);
        QVERIFY(session.nodeAction("worker-1", "cordon"));
        QCOMPARE(session.nodes()->find("worker-1")->unschedulable, true);
        QCOMPARE(session.nodes()->find("worker-1")->status, QStringLiteral("Ready,SchedulingDisabled"));
        QVERIFY(session.nodeAction("worker-1", "uncordon"));
        QCOMPARE(session.nodes()->find("worker-1")->unschedulable, false);
        QVERIFY(session.nodeAction("worker-2", "fail"));
        session.advanceTo(80); // the node lifecycle controller's grace period is 50 s
        QCOMPARE(session.nodes()->find("worker-2")->ready, false);
        QCOMPARE(session.nodes()->find("worker-2")->status, QStringLiteral("NotReady"));
        QVERIFY(session.nodeAction("worker-2", "recover"));
        session.advanceTo(100);
        QCOMPARE(session.nodes()->find("worker-2")->ready, true);
        QVERIFY(session.addNode());
        QCOMPARE(session.nodes()->rowCount(), 5);
        QVERIFY(session.nodeAction("worker-3", "remove"));
        QVERIFY(!session.nodes()->find("worker-3"));
        QVERIFY(!session.nodeAction("nope", "cordon"));
        QVERIFY(session.noticeIsError());
        QCOMPARE(session.notice(), QStringLiteral("nodes \"nope\" not found"));
    }

    void actionsSurviveStepBack()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(1); // the pods are still starting: every step shows something new
        QVERIFY(session.nodeAction("worker-1", "cordon"));
        for (int i = 0; i < 3; ++i)
            session.stepForward();
        QString stepped = snapshot(session);
        session.stepForward();
        QVERIFY(snapshot(session) != stepped);
        session.stepBack();
        QCOMPARE(snapshot(session), stepped);
        QCOMPARE(session.nodes()->find("worker-1")->unschedulable, true);
        // Back past the action undoes it.
        while (session.nodes()->find("worker-1")->unschedulable && session.canStepBack())
            session.stepBack();
        QVERIFY(session.virtualTime() <= 1);
    }

    void killingAContainerRestartsIt()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        QCOMPARE(session.pods()->find("default/myapp-pod")->restarts, 0);
        QVERIFY2(session.killContainer("default/myapp-pod", ""), qPrintable(session.notice()));
        session.advanceTo(60);
        QCOMPARE(session.pods()->find("default/myapp-pod")->restarts, 1);
        QVERIFY(!session.killContainer("default/myapp-pod", "nope"));
        QVERIFY(session.noticeIsError());
    }

    void recentFilesAreMostRecentFirstWithoutDuplicates()
    {
        RecentFiles::clear();
        QTemporaryDir dir;
        QString a = writeFile(dir, "a.yaml", pod("a"));
        QString b = writeFile(dir, "b.yaml", pod("b"));
        QString c = writeFile(dir, "c.yaml", pod("c"));
        ClusterSession session;
        session.setRememberRecent(true);
        QSignalSpy changed(&session, &ClusterSession::recentFilesChanged);
        QVERIFY(session.open({a}));
        QVERIFY(session.open({b}));
        QVERIFY(session.open({QUrl::fromLocalFile(a).toString(), c})); // a FileDialog's URLs
        QVERIFY(session.open({c, a}));                                 // the same set again
        QVERIFY(session.open({a}));
        QCOMPARE(changed.count(), 5);
        QCOMPARE(session.recentFiles().size(), 3);
        QCOMPARE(recentPaths(session, 0), QStringList{a});
        QCOMPARE(recentPaths(session, 1), (QStringList{c, a}));
        QCOMPARE(recentPaths(session, 2), QStringList{b});
        QVariantMap entry = session.recentFiles().at(1).toMap();
        QCOMPARE(entry["label"].toString(), QStringLiteral("c.yaml, a.yaml"));
        QCOMPARE(entry["detail"].toString(), c + '\n' + a);
        QCOMPARE(entry["available"].toBool(), true);

        // Kept in the settings (the test ones): the next run reads the same list.
        QSettings settings;
        settings.sync();
        QVERIFY2(settings.fileName().contains(".qttest"), qPrintable(settings.fileName()));
        QFile stored(settings.fileName());
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QVERIFY(stored.readAll().contains(b.toUtf8()));
        ClusterSession next;
        next.setRememberRecent(true);
        QCOMPARE(next.recentFiles(), session.recentFiles());
    }

    void recentFilesKeepTheLatestTen()
    {
        RecentFiles::clear();
        QTemporaryDir dir;
        ClusterSession session;
        session.setRememberRecent(true);
        for (int i = 0; i < 12; ++i)
            QVERIFY(session.open({writeFile(dir, QString("p%1.yaml").arg(i), pod("p" + std::to_string(i)))}));
        QCOMPARE(session.recentFiles().size(), RecentFiles::kLimit);
        QCOMPARE(recentPaths(session, 0), QStringList{dir.filePath("p11.yaml")});
        QCOMPARE(recentPaths(session, 9), QStringList{dir.filePath("p2.yaml")});
    }

    void recentFilesShowWhatIsGoneDisabled()
    {
        RecentFiles::clear();
        QTemporaryDir dir;
        QString a = writeFile(dir, "a.yaml", pod("a"));
        QDir(dir.path()).mkdir("deploy");
        writeFile(dir, "deploy/b.yaml", pod("b"));
        ClusterSession session;
        session.setRememberRecent(true);
        QVERIFY(session.open({dir.filePath("deploy")}));
        QVERIFY(session.open({a}));
        QFile::remove(a);
        QCOMPARE(session.recentFiles().size(), 2);
        QCOMPARE(session.recentFiles().at(0).toMap()["available"].toBool(), false);
        QCOMPARE(session.recentFiles().at(1).toMap()["label"].toString(), QStringLiteral("deploy/"));
        QCOMPARE(session.recentFiles().at(1).toMap()["available"].toBool(), true);
        session.clearRecentFiles();
        QVERIFY(session.recentFiles().isEmpty());
    }

    void recentFilesLeaveOutResourcesAndSessionsThatDoNotRemember()
    {
        RecentFiles::clear();
        RecentFiles::add({QStringLiteral(":/Podscape/resources/demo")}); // the bundled demo
        QVERIFY(RecentFiles::sets().isEmpty());
        ClusterSession session; // rememberRecent is off unless the window turns it on
        QVERIFY(session.open({kDemo}));
        QVERIFY(RecentFiles::sets().isEmpty());
        QVERIFY(session.recentFiles().isEmpty());
    }

    void droppableTakesLocalManifestsOnly()
    {
        QTemporaryDir dir;
        QString yaml = writeFile(dir, "a.yaml", pod("a"));
        QString json = writeFile(dir, "b.JSON", "{}");
        QString text = writeFile(dir, "notes.txt", "hello");
        ClusterSession session;
        auto url = [](const QString &path) { return QUrl::fromLocalFile(path).toString(); };
        QCOMPARE(session.droppable({url(yaml), url(text), url(json), "https://example.com/x.yaml", "some text",
                                    url(dir.path()), url(dir.filePath("gone.yaml"))}),
                 (QStringList{yaml, json, dir.path()}));
    }

    void aSaveIsReportedOnce()
    {
        QTemporaryDir dir;
        QString file = writeFile(dir, "app.yaml", pod("one"));
        ManifestWatcher watcher;
        watcher.watch({file});
        QSignalSpy changed(&watcher, &ManifestWatcher::changed);
        // An editor's save: a temporary file renamed over the old one, then touched up in place,
        // over a little time; one report when it is over.
        replaceFile(dir, "app.yaml", pod("two"));
        QTest::qWait(ManifestWatcher::kDebounceMs / 8);
        writeFile(dir, "app.yaml", pod("three"));
        QTest::qWait(ManifestWatcher::kDebounceMs / 8);
        writeFile(dir, "app.yaml", pod("four"));
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 3000);
        QCOMPARE(changed.first().at(0).toStringList(), QStringList{file});
        QTest::qWait(2 * ManifestWatcher::kDebounceMs);
        QCOMPARE(changed.count(), 1);
        // The renamed-over file is watched again: a write in place, which its folder does not
        // see, is reported too.
        replaceFile(dir, "app.yaml", pod("five"));
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 3000);
        writeFile(dir, "app.yaml", pod("six"));
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 3, 3000);
        // Another file in the same folder changes nothing that is open.
        writeFile(dir, "other.yaml", pod("other"));
        QTest::qWait(2 * ManifestWatcher::kDebounceMs);
        QCOMPARE(changed.count(), 3);
    }

    void aFileChangedOnDiskIsAppliedAgain()
    {
        QTemporaryDir dir;
        QString file = writeFile(dir, "02-web.yaml", deployment("nginx:1.27"));
        ClusterSession session;
        QVERIFY(session.watchFiles()); // on by default
        QVERIFY(session.open({file}));
        session.advanceTo(30);
        QCOMPARE(runningWithImage(session, "nginx:1.27"), 2);
        replaceFile(dir, "02-web.yaml", deployment("nginx:1.28"));
        QTRY_COMPARE_WITH_TIMEOUT(session.notice(), QStringLiteral("02-web.yaml changed on disk: applied again."),
                                  5000);
        QVERIFY(!session.noticeIsError());
        session.advanceTo(session.virtualTime() + 90);
        // kubectl apply: the changed template rolls out through a second ReplicaSet.
        QCOMPARE(session.simulation()->store().list<ReplicaSet>().size(), std::size_t(2));
        QCOMPARE(runningWithImage(session, "nginx:1.28"), 2);
        QCOMPARE(runningWithImage(session, "nginx:1.27"), 0);
    }

    void aFileAddedToAWatchedFolderIsApplied()
    {
        QTemporaryDir dir;
        writeFile(dir, "one.yaml", pod("one"));
        ClusterSession session;
        QVERIFY(session.open({dir.path()}));
        session.advanceTo(10);
        writeFile(dir, "two.yaml", pod("two"));
        QTRY_COMPARE_WITH_TIMEOUT(session.notice(), QStringLiteral("two.yaml added on disk: applied."), 5000);
        // A new subfolder is read too, as the folder walk does.
        QVERIFY(QDir(dir.path()).mkdir("more"));
        writeFile(dir, "more/three.yml", pod("three"));
        QTRY_COMPARE_WITH_TIMEOUT(session.notice(), QStringLiteral("three.yml added on disk: applied."), 5000);
        session.advanceTo(session.virtualTime() + 10);
        for (const char *name : {"default/one", "default/two", "default/three"})
            QVERIFY2(session.pods()->find(name) && session.pods()->find(name)->status == "Running", name);
    }

    void aBrokenEditIsReportedAndLosesNothing()
    {
        QTemporaryDir dir;
        QString file = writeFile(dir, "02-web.yaml", deployment("nginx:1.27"));
        ClusterSession session;
        QVERIFY(session.open({file}));
        session.advanceTo(30);
        replaceFile(dir, "02-web.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web\nspec: {}\n");
        QTRY_VERIFY_WITH_TIMEOUT(session.noticeIsError(), 5000);
        QVERIFY2(session.notice().startsWith("02-web.yaml changed on disk: applied again, but the files have errors"),
                 qPrintable(session.notice()));
        QCOMPARE(session.errors().size(), 1);
        QRegularExpression place("^" + QRegularExpression::escape(file) + ":\\d+:\\d+: ");
        QVERIFY2(place.match(session.errors().first()).hasMatch(), qPrintable(session.errors().first()));
        session.advanceTo(session.virtualTime() + 60);
        QCOMPARE(runningWithImage(session, "nginx:1.27"), 2);
        QVERIFY(session.simulation()->store().get<Deployment>("default", "web"));
        // Fixed again: the error goes and the edit rolls out.
        replaceFile(dir, "02-web.yaml", deployment("nginx:1.28"));
        QTRY_VERIFY_WITH_TIMEOUT(!session.noticeIsError(), 5000);
        QVERIFY(session.errors().isEmpty());
        session.advanceTo(session.virtualTime() + 90);
        QCOMPARE(runningWithImage(session, "nginx:1.28"), 2);
    }

    void watchingCanBeTurnedOff()
    {
        QTemporaryDir dir;
        QString file = writeFile(dir, "02-web.yaml", deployment("nginx:1.27"));
        ClusterSession session;
        session.setWatchFiles(false);
        QVERIFY(session.open({file}));
        session.advanceTo(30);
        replaceFile(dir, "02-web.yaml", deployment("nginx:1.28"));
        QTest::qWait(3 * ManifestWatcher::kDebounceMs);
        QVERIFY(session.notice().isEmpty());
        QCOMPARE(session.simulation()->store().list<ReplicaSet>().size(), std::size_t(1));
        // On again, it watches from what is on disk now; the next save is applied.
        session.setWatchFiles(true);
        replaceFile(dir, "02-web.yaml", deployment("nginx:1.29"));
        QTRY_VERIFY_WITH_TIMEOUT(session.notice().contains("changed on disk"), 5000);
        // Opening files again starts another cluster: the notice about this one goes.
        QVERIFY(session.open({file}));
        QVERIFY(session.notice().isEmpty());
    }

    void opensTheBundledDemoFromResources()
    {
        ClusterSession session;
        // The resource path main.cpp uses is only in the GUI binary; a folder on disk stands in
        // here for the same walk.
        QVERIFY(session.open({QUrl::fromLocalFile(kDemo).toString()}));
        session.advanceTo(5);
        QCOMPARE(session.pods()->rowCount(), 5);
    }
};

QTEST_GUILESS_MAIN(TestClusterSession)
#include "tst_cluster_session.moc"
