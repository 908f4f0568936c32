// kubectl's STATUS column (pkg/printers/internalversion/printers.go, printPod).
#include "cluster/pod_status.h"

#include <QtTest>

using namespace podscape;

namespace {

ContainerState state(ContainerState::Kind kind, const std::string &reason = {}, int exitCode = 0)
{
    ContainerState s;
    s.kind = kind;
    s.reason = reason;
    s.exitCode = exitCode;
    return s;
}

ContainerStatus status(const std::string &name, ContainerState s, bool ready = false)
{
    ContainerStatus st;
    st.name = name;
    st.state = s;
    st.ready = ready;
    st.started = s.kind == ContainerState::Kind::Running;
    return st;
}

Pod podWith(int inits, int apps)
{
    Pod p;
    for (int i = 0; i < inits; ++i)
        p.spec.initContainers.push_back(Container{.name = "init" + std::to_string(i)});
    for (int i = 0; i < apps; ++i)
        p.spec.containers.push_back(Container{.name = "app" + std::to_string(i)});
    return p;
}

using K = ContainerState::Kind;

}  // namespace

class TestPodStatus : public QObject {
    Q_OBJECT

private slots:
    void pendingWithoutStatusesShowsThePhase()
    {
        Pod p = podWith(0, 1);
        QCOMPARE(kubectlPodStatus(p), std::string("Pending"));
    }

    void containerCreating()
    {
        Pod p = podWith(0, 1);
        p.status.containerStatuses = {status("app0", state(K::Waiting, "ContainerCreating"))};
        QCOMPARE(kubectlPodStatus(p), std::string("ContainerCreating"));
    }

    void initProgressAndInitErrors()
    {
        Pod p = podWith(2, 1);
        p.status.initContainerStatuses = {status("init0", state(K::Terminated, "Completed", 0)),
                                          status("init1", state(K::Running))};
        p.status.containerStatuses = {status("app0", state(K::Waiting, "PodInitializing"))};
        QCOMPARE(kubectlPodStatus(p), std::string("Init:1/2"));
        p.status.initContainerStatuses[1] = status("init1", state(K::Waiting, "CrashLoopBackOff"));
        QCOMPARE(kubectlPodStatus(p), std::string("Init:CrashLoopBackOff"));
        p.status.initContainerStatuses[1] = status("init1", state(K::Terminated, "", 3));
        QCOMPARE(kubectlPodStatus(p), std::string("Init:ExitCode:3"));
    }

    void sidecarsThatStartedDoNotHoldTheStatus()
    {
        Pod p = podWith(1, 1);
        p.spec.initContainers[0].restartPolicy = "Always";
        p.status.initContainerStatuses = {status("init0", state(K::Running), true)};
        p.status.containerStatuses = {status("app0", state(K::Running), true)};
        p.status.phase = "Running";
        p.status.conditions = {{"Initialized", "True", "", "", 0}, {"Ready", "True", "", "", 0}};
        QCOMPARE(kubectlPodStatus(p), std::string("Running"));
        QCOMPARE(kubectlReadyColumn(p), std::string("2/2"));
    }

    void firstContainerInSpecOrderWins()
    {
        Pod p = podWith(0, 2);
        p.status.phase = "Running";
        p.status.containerStatuses = {status("app0", state(K::Waiting, "CrashLoopBackOff")),
                                      status("app1", state(K::Waiting, "ErrImagePull"))};
        QCOMPARE(kubectlPodStatus(p), std::string("CrashLoopBackOff"));
    }

    void completedWithARunningContainer()
    {
        Pod p = podWith(0, 2);
        p.status.phase = "Running";
        p.status.containerStatuses = {status("app0", state(K::Terminated, "Completed")),
                                      status("app1", state(K::Running), true)};
        QCOMPARE(kubectlPodStatus(p), std::string("NotReady"));
        p.status.conditions = {{"Ready", "True", "", "", 0}};
        QCOMPARE(kubectlPodStatus(p), std::string("Running"));
    }

    void terminatingAndEvicted()
    {
        Pod p = podWith(0, 1);
        p.status.phase = "Running";
        p.status.containerStatuses = {status("app0", state(K::Running), true)};
        p.metadata.deletionTimestamp = 10.0;
        QCOMPARE(kubectlPodStatus(p), std::string("Terminating"));
        Pod evicted = podWith(0, 1);
        evicted.status.phase = "Failed";
        evicted.status.reason = "Evicted";
        QCOMPARE(kubectlPodStatus(evicted), std::string("Evicted"));
    }
};

QTEST_APPLESS_MAIN(TestPodStatus)
#include "tst_pod_status.moc"
