// The guided walkthrough tells the notes' stories on the real run: every stop is a step the
// simulation took, in the order Kubernetes takes them, the cluster is paused there, and Back
// returns to exactly the earlier state.
#include "app/cluster_session.h"
#include "app/walkthrough.h"
#include "sim/simulation.h"

#include <QtTest>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

int indexOf(const Walkthrough &w, const char *component, const char *stage, int from = 0)
{
    for (int i = from; i < w.count(); ++i)
        if (w.stops()[std::size_t(i)].component == QLatin1String(component) &&
            w.stops()[std::size_t(i)].stage == QLatin1String(stage))
            return i;
    return -1;
}

QStringList stagesOf(const Walkthrough &w)
{
    QStringList out;
    for (const auto &s : w.stops())
        out.append(s.component + ':' + s.stage);
    return out;
}

// Steps through to the end; every stop must be explained in the notes' words, not the fallback.
void walkToTheEnd(Walkthrough &w, ClusterSession &session)
{
    for (int i = 0; i < w.count(); ++i) {
        QCOMPARE(w.index(), i);
        QVERIFY(!session.isPlaying());
        QVERIFY2(session.virtualTime() >= w.time() - 1e-9, qPrintable(w.title()));
        QVERIFY2(!w.narration().isEmpty(), qPrintable(w.title()));
        const auto &stop = w.stops()[std::size_t(i)];
        QVERIFY2(w.title() != stop.component + QStringLiteral(": ") + stop.stage,
                 qPrintable(QStringLiteral("no narration for ") + w.title()));
        w.next();
    }
}

} // namespace

class TestWalkthrough : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        session_ = std::make_unique<ClusterSession>();
        QVERIFY(session_->open({kDemo}));
        walkthrough_.setSession(session_.get());
    }

    void fourStories()
    {
        QVariantList stories = Walkthrough::stories();
        QCOMPARE(stories.size(), 4);
        QCOMPARE(stories[0].toMap()["id"].toString(), QStringLiteral("create"));
    }

    // kubectl → API server (authentication, authorization, admission) → etcd → scheduler (queue,
    // filter, score, bind) → etcd → kubelet (CNI, CRI, CSI, probes) → ready, on the notes' pod.
    void creatingAPodInTheNotesOrder()
    {
        QVERIFY(walkthrough_.start("create"));
        QCOMPARE(walkthrough_.subject(), QStringLiteral("default/myapp-pod"));
        QCOMPARE(walkthrough_.index(), 0);
        QCOMPARE(walkthrough_.component(), QStringLiteral("kubectl"));
        const char *order[][2] = {{"kubectl", "create"},
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
                                  {"kubelet", "CRI: container started"},
                                  {"kubelet", "pod ready"}};
        int at = 0;
        for (auto &[component, stage] : order) {
            int found = indexOf(walkthrough_, component, stage, at);
            QVERIFY2(found >= at, qPrintable(QStringLiteral("%1 %2 in %3").arg(component, stage, stagesOf(walkthrough_).join(", "))));
            at = found;
        }
        // The canvas is in step: before the bind the pod has no node, after the binding it has.
        int bind = indexOf(walkthrough_, "kube-scheduler", "queued");
        while (walkthrough_.index() < bind)
            walkthrough_.next();
        auto pod = session_->simulation()->store().get<Pod>("default", "myapp-pod");
        QVERIFY(pod && pod->spec.nodeName.empty());
        int bound = indexOf(walkthrough_, "etcd", "binding persisted");
        while (walkthrough_.index() < bound)
            walkthrough_.next();
        pod = session_->simulation()->store().get<Pod>("default", "myapp-pod");
        QVERIFY(!pod->spec.nodeName.empty());
        QVERIFY(pod->status.podIP.empty()); // no container, no IP yet: "it exists only in etcd"
        // Back replays to exactly the earlier step.
        double timeAtBind = session_->virtualTime();
        walkthrough_.next();
        walkthrough_.next();
        walkthrough_.back();
        walkthrough_.back();
        QCOMPARE(walkthrough_.index(), bound);
        QCOMPARE(session_->virtualTime(), timeAtBind);
    }

    void everyCreateStepIsNarrated()
    {
        QVERIFY(walkthrough_.start("create"));
        walkToTheEnd(walkthrough_, *session_);
        auto pod = session_->simulation()->store().get<Pod>("default", "myapp-pod");
        QCOMPARE(pod->status.phase, std::string("Running"));
    }

    // The reverse: the endpoint goes before the app has shut down, and the record leaves etcd last.
    void deletingAPodInReverse()
    {
        QVERIFY(walkthrough_.start("delete"));
        QVERIFY2(walkthrough_.subject().startsWith(QLatin1String("default/web-")), qPrintable(walkthrough_.subject()));
        QStringList stages = stagesOf(walkthrough_);
        int deleted = stages.indexOf("kube-apiserver:delete");
        int endpoint = stages.indexOf(QRegularExpression("endpoints-controller:.*"));
        int sigterm = stages.indexOf("kubelet:SIGTERM");
        int stopped = stages.indexOf(QRegularExpression("kubelet:(containers stopped|container exited)"));
        int gone = stages.indexOf("etcd:deleted");
        QVERIFY2(deleted == 0, qPrintable(stages.join(", ")));
        QVERIFY2(endpoint > deleted && sigterm > deleted && stopped > sigterm && gone > stopped,
                 qPrintable(stages.join(", ")));
        walkToTheEnd(walkthrough_, *session_);
        QVERIFY(!session_->simulation()->store().get<Pod>("default", walkthrough_.stops().front().subject.mid(8).toStdString()));
    }

    // An eviction: the pod goes, and its ReplicaSet's replacement comes up.
    void anEvictionAndTheReplacement()
    {
        QVERIFY(walkthrough_.start("evict"));
        QStringList stages = stagesOf(walkthrough_);
        QVERIFY2(stages.first() == QLatin1String("kube-apiserver:eviction"), qPrintable(stages.join(", ")));
        int create = stages.indexOf("replicaset-controller:create");
        QVERIFY2(create > 0, qPrintable(stages.join(", ")));
        QString replacement = walkthrough_.stops()[std::size_t(create)].subject;
        QVERIFY(replacement != walkthrough_.stops().front().subject);
        QVERIFY(stages.lastIndexOf("kubelet:pod ready") > create);
        walkToTheEnd(walkthrough_, *session_);
    }

    // A node failure: NotReady after the grace period, the pods evicted after their toleration,
    // and a controller's replacement on another node.
    void aNodeFailure()
    {
        QVERIFY(walkthrough_.start("nodeFailure"));
        QStringList stages = stagesOf(walkthrough_);
        QVERIFY2(stages.first() == QLatin1String("kubelet:fail"), qPrintable(stages.join(", ")));
        int notReady = stages.indexOf("kube-controller-manager:NodeNotReady");
        int evicted = stages.indexOf("kube-controller-manager:TaintManagerEviction");
        int create = stages.indexOf("replicaset-controller:create");
        QVERIFY2(notReady > 0 && evicted > notReady && create > evicted, qPrintable(stages.join(", ")));
        // 50 s without status, then 300 s of toleration.
        QVERIFY(walkthrough_.stops()[std::size_t(notReady)].time - walkthrough_.stops().front().time >= 50);
        QVERIFY(walkthrough_.stops()[std::size_t(evicted)].time - walkthrough_.stops()[std::size_t(notReady)].time >= 290);
        walkToTheEnd(walkthrough_, *session_);
    }

    void nothingToTellOn()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("cm.yaml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: only\n");
        f.close();
        QVERIFY(session_->open({f.fileName()}));
        QVERIFY(!walkthrough_.start("create"));
        QVERIFY(!walkthrough_.error().isEmpty());
        QVERIFY(!walkthrough_.active());
        QVERIFY(!walkthrough_.start("evict"));
    }

private:
    std::unique_ptr<ClusterSession> session_;
    Walkthrough walkthrough_;
};

QTEST_GUILESS_MAIN(TestWalkthrough)
#include "tst_walkthrough.moc"
