// How long a simulated container runs, from its command (README "Simulated containers").
#include "sim/container_behaviour.h"

#include <QtTest>

using namespace podscape;

namespace {

Pod podWith(const std::vector<std::string> &command, const std::string &restartPolicy = "Always")
{
    Pod pod;
    pod.metadata.namespace_ = "default";
    pod.spec.restartPolicy = restartPolicy;
    Container c;
    c.name = "app";
    c.image = "busybox:1.36";
    c.command = command;
    pod.spec.containers.push_back(c);
    return pod;
}

std::optional<double> runSeconds(const Pod &pod)
{
    return behaviourOf(pod, pod.spec.containers.front()).runSeconds;
}

}  // namespace

class TestContainerBehaviour : public QObject {
    Q_OBJECT

private slots:
    void sleepDecides()
    {
        QCOMPARE(runSeconds(podWith({"sh", "-c", "echo Hello Kubernetes! && sleep 3600"})), std::optional<double>(3600));
        QCOMPARE(runSeconds(podWith({"sleep", "infinity"})), std::nullopt);
        QCOMPARE(runSeconds(podWith({"sh", "-c", "sleep 1m; sleep 30"})), std::optional<double>(90));
    }

    void shortShellOneLinersEnd()
    {
        QVERIFY(runSeconds(podWith({"sh", "-c", "date; echo Hello"})));
        QVERIFY(runSeconds(podWith({"/bin/sh", "-c", "cp /a /b && ls /b"})));
        Pod failing = podWith({"sh", "-c", "echo oops; exit 3"});
        QVERIFY(runSeconds(failing));
        QCOMPARE(behaviourOf(failing, failing.spec.containers.front()).exitCode, 3);
    }

    // A one-liner that starts a script or a server serves until stopped, as it would for real.
    void shellStartingAServerServes()
    {
        QCOMPARE(runSeconds(podWith({"sh", "-c", "/root/apache-tomcat-7.0.42-v2/bin/start.sh"})), std::nullopt);
        QCOMPARE(runSeconds(podWith({"sh", "-c", "nginx -g 'daemon off;'"})), std::nullopt);
        QCOMPARE(runSeconds(podWith({"sh", "-c", "while true; do echo hi; done"})), std::nullopt);
        QCOMPARE(runSeconds(podWith({"nginx"})), std::nullopt);
    }

    // Init containers and Jobs' containers are tasks.
    void tasksFinish()
    {
        Pod pod = podWith({"nginx"});
        Container init;
        init.name = "copy";
        init.image = "alpine";
        init.command = {"/bin/cp", "-n", "/usr/local/bin/argocd", "/shared/argocd-dex"};
        pod.spec.initContainers.push_back(init);
        QVERIFY(behaviourOf(pod, pod.spec.initContainers.front()).runSeconds);
        Pod job = podWith({"perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"}, "Never");
        QCOMPARE(runSeconds(job), std::nullopt);  // not a Job's pod: runs
        job.metadata.ownerReferences.push_back({"batch/v1", "Job", "pi", "uid-1", true, true});
        QVERIFY(runSeconds(job));
    }

    // kube-webhook-certgen create writes its Secret when it succeeds.
    void certgenCreatesItsSecret()
    {
        Pod pod = podWith({});
        pod.metadata.namespace_ = "ingress-nginx";
        Container &c = pod.spec.containers.front();
        c.image = "registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.6.9";
        c.args = {"create", "--host=ingress-nginx-controller-admission", "--namespace=$(POD_NAMESPACE)",
                  "--secret-name=ingress-nginx-admission"};
        auto writes = apiWritesOnSuccess(pod, c);
        QCOMPARE(writes.size(), std::size_t(1));
        QCOMPARE(writes.front()->kind, std::string("Secret"));
        QCOMPARE(writes.front()->metadata.name, std::string("ingress-nginx-admission"));
        QCOMPARE(writes.front()->metadata.namespace_, std::string("ingress-nginx"));
        c.args.front() = "patch";
        QVERIFY(apiWritesOnSuccess(pod, c).empty());
    }
};

QTEST_GUILESS_MAIN(TestContainerBehaviour)
#include "tst_container_behaviour.moc"
