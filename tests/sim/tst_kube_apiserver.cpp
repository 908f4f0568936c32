// kube-apiserver's admission chain: the scheme's defaults, NamespaceLifecycle, LimitRanger,
// ServiceAccount, DefaultTolerationSeconds, Priority and ResourceQuota, with their messages.
#include "manifest/loader.h"
#include "sim/simulation.h"

#include <QtTest>

using namespace podscape;

namespace {

std::shared_ptr<Pod> loadPod(const std::string &text)
{
    LoaderOptions options;
    options.validate = false;
    auto r = ManifestLoader(options).loadText(text, "pod.yaml");
    if (r.objects.empty())
        qFatal("no object");
    auto pod = std::dynamic_pointer_cast<Pod>(r.objects.back()->clone());
    if (pod->metadata.namespace_.empty())
        pod->metadata.namespace_ = "default";
    return pod;
}

ObjectPtr loadOne(const std::string &text)
{
    LoaderOptions options;
    options.validate = false;
    auto obj = ManifestLoader(options).loadText(text, "x.yaml").objects.at(0)->clone();
    if (obj->isNamespaced() && obj->metadata.namespace_.empty())
        obj->metadata.namespace_ = "default";
    return obj;
}

// A started cluster with nothing else in it.
std::unique_ptr<Simulation> cluster()
{
    auto sim = std::make_unique<Simulation>();
    sim->start({});
    sim->runUntil(1);
    return sim;
}

}  // namespace

class TestKubeApiServer : public QObject {
    Q_OBJECT

private slots:
    void appliesTheSchemeDefaults()
    {
        auto sim = cluster();
        auto pod = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                           "  - {name: a, image: nginx:1.25, resources: {limits: {cpu: 500m}}}\n"
                           "  - {name: b, image: 'registry.local:5000/app'}\n");
        auto result = sim->apiServer().create(pod);
        QVERIFY(result.ok());
        QCOMPARE(pod->spec.restartPolicy, std::string("Always"));
        QCOMPARE(*pod->spec.terminationGracePeriodSeconds, std::int64_t(30));
        QCOMPARE(pod->spec.dnsPolicy, std::string("ClusterFirst"));
        QCOMPARE(pod->spec.schedulerName, std::string("default-scheduler"));
        QCOMPARE(pod->spec.containers[0].imagePullPolicy, std::string("IfNotPresent"));
        QCOMPARE(pod->spec.containers[1].imagePullPolicy, std::string("Always"));  // a registry port is no tag
        QCOMPARE(pod->spec.containers[0].resources.requests.at("cpu").toString(), std::string("500m"));
        QCOMPARE(pod->spec.serviceAccountName, std::string("default"));
        QCOMPARE(*pod->spec.priority, 0);
        QCOMPARE(pod->status.qosClass, std::string("Burstable"));
        QVERIFY(pod->spec.volumes.back().name.starts_with("kube-api-access-"));
        QCOMPARE(pod->spec.containers[1].volumeMounts.back().mountPath,
                 std::string("/var/run/secrets/kubernetes.io/serviceaccount"));
        // DefaultTolerationSeconds: not-ready and unreachable, NoExecute, 300 s.
        QCOMPARE(pod->spec.tolerations.size(), std::size_t(2));
        QCOMPARE(pod->spec.tolerations[0].key, std::string("node.kubernetes.io/not-ready"));
        QCOMPARE(*pod->spec.tolerations[1].tolerationSeconds, std::int64_t(300));
    }

    void keepsTolerationsThePodAlreadyHas()
    {
        auto sim = cluster();
        auto pod = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                           "  tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, "
                           "tolerationSeconds: 30}]\n  containers: [{name: a, image: nginx}]\n");
        QVERIFY(sim->apiServer().create(pod).ok());
        QCOMPARE(pod->spec.tolerations.size(), std::size_t(2));
        QCOMPARE(*pod->spec.tolerations[0].tolerationSeconds, std::int64_t(30));
        QCOMPARE(pod->spec.tolerations[1].key, std::string("node.kubernetes.io/not-ready"));
    }

    void limitRangerDefaultsAndRefuses()
    {
        auto sim = cluster();
        QVERIFY(sim->apiServer().create(loadOne("apiVersion: v1\nkind: LimitRange\nmetadata: {name: lr}\nspec:\n"
                                                "  limits:\n  - type: Container\n    max: {cpu: 500m}\n"
                                                "    defaultRequest: {memory: 64Mi}\n")).ok());
        auto ok = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec: {containers: [{name: a, image: nginx}]}\n");
        QVERIFY(sim->apiServer().create(ok).ok());
        QCOMPARE(ok->spec.containers[0].resources.limits.at("cpu").toString(), std::string("500m"));
        QCOMPARE(ok->spec.containers[0].resources.requests.at("memory").toString(), std::string("64Mi"));
        // plugin/pkg/admission/limitranger/admission.go: "maximum %s usage per %s is %s, but limit is %s"
        auto big = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                           "  - {name: a, image: nginx, resources: {limits: {cpu: '1'}}}\n");
        auto result = sim->apiServer().create(big);
        QVERIFY(!result.ok());
        QCOMPARE(result.error->message, std::string("pods \"p\" is forbidden: [maximum cpu usage per Container is 500m, "
                                                    "but limit is 1]"));
        QVERIFY(!sim->store().get<Pod>("default", "p"));
    }

    void resourceQuotaRefusesWithItsMessage()
    {
        auto sim = cluster();
        QVERIFY(sim->apiServer().create(loadOne("apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: mem-cpu-demo}\n"
                                                "spec: {hard: {requests.memory: 1Gi, pods: '10'}}\n")).ok());
        auto first = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: first}\nspec:\n  containers:\n"
                             "  - {name: a, image: nginx, resources: {requests: {memory: 600Mi}}}\n");
        QVERIFY(sim->apiServer().create(first).ok());
        auto second = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: quota-mem-cpu-demo-2}\nspec:\n  containers:\n"
                              "  - {name: a, image: nginx, resources: {requests: {memory: 700Mi}}}\n");
        auto result = sim->apiServer().create(second);
        QVERIFY(!result.ok());
        // The example of kubernetes-behaviour.md section 10 (resourcequota/controller.go).
        QCOMPARE(result.error->message,
                 std::string("pods \"quota-mem-cpu-demo-2\" is forbidden: exceeded quota: mem-cpu-demo, requested: "
                             "requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi"));
        auto undeclared = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}\n");
        result = sim->apiServer().create(undeclared);
        QCOMPARE(result.error->message,
                 std::string("pods \"p\" is forbidden: failed quota: mem-cpu-demo: must specify requests.memory"));
    }

    void priorityComesFromThePriorityClass()
    {
        auto sim = cluster();
        QVERIFY(sim->apiServer().create(loadOne("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\n"
                                                "metadata: {name: high}\nvalue: 1000\npreemptionPolicy: Never\n")).ok());
        auto pod = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
                           "spec: {priorityClassName: high, containers: [{name: a, image: nginx}]}\n");
        QVERIFY(sim->apiServer().create(pod).ok());
        QCOMPARE(*pod->spec.priority, 1000);
        QCOMPARE(pod->spec.preemptionPolicy, std::string("Never"));
        auto missing = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: q}\n"
                               "spec: {priorityClassName: nope, containers: [{name: a, image: nginx}]}\n");
        QCOMPARE(sim->apiServer().create(missing).error->message,
                 std::string("pods \"q\" is forbidden: no PriorityClass with name nope was found"));
    }

    void servicesGetClusterIPsFromTheServiceRange()
    {
        auto sim = cluster();
        auto svc = std::static_pointer_cast<Service>(
            loadOne("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
                    "spec: {type: NodePort, selector: {app: web}, ports: [{port: 80}]}\n"));
        QVERIFY(sim->apiServer().create(svc).ok());
        QVERIFY(svc->spec.clusterIP.starts_with("10."));
        int second = std::stoi(svc->spec.clusterIP.substr(3, svc->spec.clusterIP.find('.', 3) - 3));
        QVERIFY(second >= 96 && second <= 111);  // 10.96.0.0/12
        QCOMPARE(svc->spec.ports[0].targetPort, IntOrString::fromInt(80));
        QVERIFY(svc->spec.ports[0].nodePort >= 30000 && svc->spec.ports[0].nodePort <= 32767);
    }

    void refusesDuplicatesAndUnknownNamespaces()
    {
        auto sim = cluster();
        auto pod = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}\n");
        QVERIFY(sim->apiServer().create(pod).ok());
        auto again = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}\n");
        QCOMPARE(sim->apiServer().create(again).error->message, std::string("pods \"p\" already exists"));
        auto lost = loadPod("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n"
                            "spec: {containers: [{name: a, image: nginx}]}\n");
        QCOMPARE(sim->apiServer().create(lost).error->message, std::string("namespaces \"shop\" not found"));
        QCOMPARE(sim->apiServer().create(lost).error->code, 404);
    }
};

QTEST_GUILESS_MAIN(TestKubeApiServer)
#include "tst_kube_apiserver.moc"
