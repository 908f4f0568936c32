// API server validation (src/manifest/validation.cpp) against Kubernetes' own messages.
// Sources quoted below are from kubernetes/kubernetes (v1.35 line):
//   staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go    (errors.go: message formats)
//   staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go      (name and label messages)
//   staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go       (objectmeta.go)
//   staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (meta/v1 validation.go)
//   pkg/apis/core/validation/validation.go                                  (core)
//   pkg/apis/apps/validation/validation.go                                  (apps)
//   pkg/apis/batch/validation/validation.go, github.com/robfig/cron/v3 parser.go (batch, cron)
//   pkg/apis/policy/validation/validation.go, pkg/apis/scheduling/validation/validation.go,
//   pkg/apis/networking/validation/validation.go, pkg/apis/storage/validation/validation.go
// Expected errors are "path: message" strings in the order the Go validators append them.

#include "cluster/api/apps.h"
#include "cluster/api/batch.h"
#include "cluster/api/core.h"
#include "cluster/api/other.h"
#include "cluster/api/policy.h"
#include "cluster/api/storage.h"
#include "manifest/validation.h"
#include "manifest/yaml_tree.h"

#include <QtTest>

#include <memory>
#include <string>

using namespace podscape;

Q_DECLARE_METATYPE(podscape::ObjectPtr)

namespace {

// Messages of apimachinery's validation.go, used verbatim by many rows.
const QString kSubdomain =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
    "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QString kLabel =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
    "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const QString kDns1035 =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
    "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation "
    "is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QString kQualifiedNamePart =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const QString kLabelValue =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start "
    "and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
    "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QString kPortRange = "must be between 1 and 65535, inclusive";
const QString kMismatch = "`selector` does not match template `labels`";

Quantity qty(const char *text)
{
    return *Quantity::parse(text);
}

template <typename T> std::shared_ptr<T> object(const char *apiVersion, const char *kind, const char *name)
{
    auto obj = std::make_shared<T>();
    obj->apiVersion = apiVersion;
    obj->kind = kind;
    obj->metadata.name = name;
    return obj;
}

// Applies an edit to a fresh object and hands it over as an ObjectPtr.
template <typename T, typename Fn> ObjectPtr edit(std::shared_ptr<T> obj, Fn fn)
{
    fn(*obj);
    return obj;
}

Container container(const char *name = "app", const char *image = "nginx:1.25")
{
    Container c;
    c.name = name;
    c.image = image;
    return c;
}

PodTemplateSpec podTemplate(const Labels &labels = {{"app", "web"}})
{
    PodTemplateSpec t;
    t.metadata.labels = labels;
    t.spec.containers = {container()};
    return t;
}

LabelSelector selector(const Labels &labels = {{"app", "web"}})
{
    return LabelSelector{labels, {}};
}

std::shared_ptr<Pod> pod()
{
    auto p = object<Pod>("v1", "Pod", "web");
    p->spec.containers = {container()};
    return p;
}

std::shared_ptr<Deployment> deployment()
{
    auto d = object<Deployment>("apps/v1", "Deployment", "web");
    d->spec.selector = selector();
    d->spec.template_ = podTemplate();
    return d;
}

std::shared_ptr<ReplicaSet> replicaSet()
{
    auto rs = object<ReplicaSet>("apps/v1", "ReplicaSet", "web");
    rs->spec.selector = selector();
    rs->spec.template_ = podTemplate();
    return rs;
}

std::shared_ptr<StatefulSet> statefulSet()
{
    auto s = object<StatefulSet>("apps/v1", "StatefulSet", "db");
    s->spec.selector = selector({{"app", "db"}});
    s->spec.template_ = podTemplate({{"app", "db"}});
    return s;
}

std::shared_ptr<DaemonSet> daemonSet()
{
    auto d = object<DaemonSet>("apps/v1", "DaemonSet", "agent");
    d->spec.selector = selector({{"app", "agent"}});
    d->spec.template_ = podTemplate({{"app", "agent"}});
    return d;
}

std::shared_ptr<Job> job()
{
    auto j = object<Job>("batch/v1", "Job", "pi");
    j->spec.template_ = podTemplate({{"app", "pi"}});
    j->spec.template_.spec.restartPolicy = "Never";
    return j;
}

std::shared_ptr<CronJob> cronJob(const char *schedule = "*/5 * * * *")
{
    auto c = object<CronJob>("batch/v1", "CronJob", "report");
    c->spec.schedule = schedule;
    c->spec.jobSpec.template_ = podTemplate({{"app", "report"}});
    c->spec.jobSpec.template_.spec.restartPolicy = "OnFailure";
    return c;
}

std::shared_ptr<Service> service()
{
    auto s = object<Service>("v1", "Service", "web");
    s->spec.selector = Labels{{"app", "web"}};
    ServicePort port;
    port.port = 80;
    s->spec.ports = {port};
    return s;
}

ServicePort servicePort(const char *name, std::int32_t port)
{
    ServicePort p;
    p.name = name;
    p.port = port;
    return p;
}

std::shared_ptr<PersistentVolumeClaim> claim()
{
    auto c = object<PersistentVolumeClaim>("v1", "PersistentVolumeClaim", "data");
    c->spec.accessModes = {"ReadWriteOnce"};
    c->spec.resources.requests["storage"] = qty("1Gi");
    return c;
}

std::shared_ptr<PersistentVolume> volume()
{
    auto v = object<PersistentVolume>("v1", "PersistentVolume", "pv1");
    v->spec.accessModes = {"ReadWriteOnce"};
    v->spec.capacity["storage"] = qty("10Gi");
    v->spec.sourceType = "hostPath";
    return v;
}

std::shared_ptr<Ingress> ingress()
{
    auto i = object<Ingress>("networking.k8s.io/v1", "Ingress", "web");
    IngressPath path;
    path.path = "/";
    path.pathType = "Prefix";
    path.backend.serviceName = "web";
    path.backend.servicePortNumber = 80;
    i->spec.rules = {IngressRule{"shop.example.com", {path}}};
    return i;
}

QStringList render(const std::vector<FieldError> &errors)
{
    QStringList out;
    for (const auto &e : errors)
        out << QString::fromStdString(e.path + ": " + e.message);
    return out;
}

std::shared_ptr<yaml::Document> parse(const char *text)
{
    auto parsed = yaml::parseDocument(text, 1);
    auto *doc = std::get_if<std::shared_ptr<yaml::Document>>(&parsed);
    return doc ? *doc : nullptr;
}

// Gives an object its document, as the loader does.
template <typename T> std::shared_ptr<T> withDocument(std::shared_ptr<T> obj, const char *text)
{
    obj->document = parse(text);
    obj->node = obj->document ? obj->document->root : nullptr;
    return obj;
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT

private:
    static void addColumns()
    {
        QTest::addColumn<ObjectPtr>("object");
        QTest::addColumn<QStringList>("expected");
    }
    static void check()
    {
        QFETCH(ObjectPtr, object);
        QFETCH(QStringList, expected);
        QCOMPARE(render(validateObject(*object)), expected);
    }

private slots:
    // ---------------------------------------------------------------------------------------------
    void objectMeta_data()
    {
        addColumns();
        // objectmeta.go ValidateObjectMetaAccessor: Required(name, "name or generateName is required").
        QTest::newRow("name missing") << edit(object<ConfigMap>("v1", "ConfigMap", ""), [](ConfigMap &) {})
                                      << QStringList{"metadata.name: Required value: name or generateName is required"};
        // core ValidateConfigMapName = NameIsDNSSubdomain.
        QTest::newRow("subdomain name") << edit(object<ConfigMap>("v1", "ConfigMap", "My_Config"), [](ConfigMap &) {})
                                        << QStringList{"metadata.name: Invalid value: \"My_Config\": " + kSubdomain};
        // generateName alone is fine: the registry generates the name before validating.
        QTest::newRow("generateName only")
            << edit(object<ConfigMap>("v1", "ConfigMap", ""), [](ConfigMap &c) { c.metadata.generateName = "web-"; })
            << QStringList{};
        // generic.go maskTrailingDash: "Web-" is checked as "Wea".
        QTest::newRow("generateName invalid")
            << edit(object<ConfigMap>("v1", "ConfigMap", ""), [](ConfigMap &c) { c.metadata.generateName = "Web-"; })
            << QStringList{"metadata.generateName: Invalid value: \"Web-\": " + kSubdomain};
        // core ValidateServiceName = NameIsDNS1035Label.
        QTest::newRow("service name") << edit(service(), [](Service &s) { s.metadata.name = "1web"; })
                                      << QStringList{"metadata.name: Invalid value: \"1web\": " + kDns1035};
        // ValidateNamespaceName = NameIsDNSLabel; a valid subdomain yields "must not contain dots".
        QTest::newRow("namespace name") << edit(object<Namespace>("v1", "Namespace", "shop.eu"), [](Namespace &) {
        }) << QStringList{"metadata.name: Invalid value: \"shop.eu\": must not contain dots"};
        // apps ValidateStatefulSetName = NameIsDNSLabel.
        QTest::newRow("statefulset name")
            << edit(statefulSet(), [](StatefulSet &s) { s.metadata.name = "db.v1"; })
            << QStringList{"metadata.name: Invalid value: \"db.v1\": must not contain dots"};
        QTest::newRow("namespace field") << edit(object<ConfigMap>("v1", "ConfigMap", "cfg"), [](ConfigMap &c) {
            c.metadata.namespace_ = "Shop";
        }) << QStringList{"metadata.namespace: Invalid value: \"Shop\": " + kLabel};
        // meta/v1 ValidateLabels reports under the map path, for keys and values alike.
        QTest::newRow("label key") << edit(pod(), [](Pod &p) {
            p.metadata.labels = {{"bad key", "x"}};
        }) << QStringList{"metadata.labels: Invalid value: \"bad key\": " + kQualifiedNamePart};
        QTest::newRow("label value") << edit(pod(), [](Pod &p) {
            p.metadata.labels = {{"app", "-web"}};
        }) << QStringList{"metadata.labels: Invalid value: \"-web\": " + kLabelValue};
        // errors.go prints string values with %q.
        QTest::newRow("label value quoted") << edit(pod(), [](Pod &p) {
            p.metadata.labels = {{"note", "a\nb"}};
        }) << QStringList{"metadata.labels: Invalid value: \"a\\nb\": " + kLabelValue};
        QTest::newRow("annotation key")
            << edit(pod(),
                    [](Pod &p) {
                        p.metadata.annotations = {{"a/b/c", "x"}};
                    })
            << QStringList{"metadata.annotations: Invalid value: \"a/b/c\": a valid label key must consist of "
                           "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                           "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                           "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and "
                           "'/' (e.g. 'example.com/MyName')"};
        // core validateKubeFinalizerName.
        QTest::newRow("finalizer") << edit(pod(), [](Pod &p) { p.metadata.finalizers = {"cleanup"}; })
                                   << QStringList{"metadata.finalizers[0]: Invalid value: \"cleanup\": name is neither "
                                                  "a standard finalizer name nor is it fully qualified"};
        // objectmeta.go validateOwnerReference: the path names the list, not the item.
        QTest::newRow("owner reference") << edit(pod(), [](Pod &p) {
            p.metadata.ownerReferences = {OwnerReference{"apps/v1", "ReplicaSet", "web-1", "", true, false}};
        }) << QStringList{"metadata.ownerReferences.uid: Invalid value: \"\": must not be empty"};
    }
    void objectMeta() { check(); }

    // ---------------------------------------------------------------------------------------------
    void podSpec_data()
    {
        addColumns();
        QTest::newRow("valid") << ObjectPtr(pod()) << QStringList{};
        // core validateContainers: Required(containers, "").
        QTest::newRow("no containers") << edit(pod(), [](Pod &p) { p.spec.containers.clear(); })
                                       << QStringList{"spec.containers: Required value"};
        // validateContainerCommon: ValidateDNS1123Label(name), Required(image).
        QTest::newRow("container name") << edit(pod(), [](Pod &p) { p.spec.containers[0].name = "Web_1"; })
                                        << QStringList{"spec.containers[0].name: Invalid value: \"Web_1\": " + kLabel};
        QTest::newRow("image missing") << edit(pod(), [](Pod &p) { p.spec.containers[0].image.clear(); })
                                       << QStringList{"spec.containers[0].image: Required value"};
        // validateInitContainers: names are unique across init and regular containers.
        QTest::newRow("duplicate across init") << edit(pod(), [](Pod &p) { p.spec.initContainers = {container()}; })
                                               << QStringList{"spec.initContainers[0].name: Duplicate value: \"app\""};
        QTest::newRow("duplicate containers") << edit(pod(), [](Pod &p) { p.spec.containers.push_back(container()); })
                                              << QStringList{"spec.containers[1].name: Duplicate value: \"app\""};
        // validateContainerPorts with IsValidPortNum.
        QTest::newRow("port range") << edit(pod(), [](Pod &p) {
            p.spec.containers[0].ports = {ContainerPort{"", 70000, 0, "", "TCP"}};
        }) << QStringList{"spec.containers[0].ports[0].containerPort: Invalid value: 70000: " + kPortRange};
        QTest::newRow("port missing") << edit(pod(), [](Pod &p) {
            p.spec.containers[0].ports = {ContainerPort{"http", 0, 0, "", "TCP"}};
        }) << QStringList{"spec.containers[0].ports[0].containerPort: Required value"};
        QTest::newRow("port protocol") << edit(pod(),
                                               [](Pod &p) {
                                                   p.spec.containers[0].ports = {ContainerPort{"", 80, 0, "", "HTTP"}};
                                               })
                                       << QStringList{
                                              "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": "
                                              "supported values: \"SCTP\", \"TCP\", \"UDP\""};
        // validateRestartPolicy, validatePullPolicy, validateDNSPolicy (only when set: they default).
        QTest::newRow("restartPolicy") << edit(pod(), [](Pod &p) { p.spec.restartPolicy = "Sometimes"; })
                                       << QStringList{
                                              "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: "
                                              "\"Always\", \"OnFailure\", \"Never\""};
        QTest::newRow("imagePullPolicy") << edit(pod(), [](Pod &p) { p.spec.containers[0].imagePullPolicy = "Maybe"; })
                                         << QStringList{
                                                "spec.containers[0].imagePullPolicy: Unsupported value: \"Maybe\": "
                                                "supported values: \"Always\", \"IfNotPresent\", \"Never\""};
        QTest::newRow("dnsPolicy") << edit(pod(), [](Pod &p) { p.spec.dnsPolicy = "Google"; })
                                   << QStringList{
                                          "spec.dnsPolicy: Unsupported value: \"Google\": supported values: "
                                          "\"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""};
        // ValidateVolumes: Duplicate(name); ValidateVolumeMounts: NotFound(name).
        QTest::newRow("duplicate volume") << edit(pod(), [](Pod &p) {
            Volume v;
            v.name = "data";
            p.spec.volumes = {v, v};
        }) << QStringList{"spec.volumes[1].name: Duplicate value: \"data\""};
        QTest::newRow("mount unknown volume") << edit(pod(), [](Pod &p) {
            p.spec.containers[0].volumeMounts = {VolumeMount{"cache", "/cache", "", false}};
        }) << QStringList{"spec.containers[0].volumeMounts[0].name: Not found: \"cache\""};
        // An invalid volume is left out of the mountable set, so its mount is not found either.
        QTest::newRow("mount invalid volume")
            << edit(pod(),
                    [](Pod &p) {
                        Volume v;
                        v.name = "Data";
                        p.spec.volumes = {v};
                        p.spec.containers[0].volumeMounts = {VolumeMount{"Data", "/data", "", false}};
                    })
            << QStringList{"spec.volumes[0].name: Invalid value: \"Data\": " + kLabel,
                           "spec.containers[0].volumeMounts[0].name: Not found: \"Data\""};
        QTest::newRow("configMap volume name") << edit(pod(), [](Pod &p) {
            Volume v;
            v.name = "cfg";
            v.type = Volume::Type::ConfigMap;
            p.spec.volumes = {v};
        }) << QStringList{"spec.volumes[0].configMap.name: Required value"};
        // ValidateVolumeMounts passes the list path to validateLocalDescendingPath.
        QTest::newRow("subPath absolute") << edit(pod(), [](Pod &p) {
            Volume v;
            v.name = "data";
            p.spec.volumes = {v};
            p.spec.containers[0].volumeMounts = {VolumeMount{"data", "/data", "/etc", false}};
        }) << QStringList{"spec.containers[0].volumeMounts.subPath: Invalid value: \"/etc\": must be a relative path"};
        // validateResourceRequirements: requests <= limits, reported at the requests path.
        QTest::newRow("request above limit")
            << edit(pod(),
                    [](Pod &p) {
                        p.spec.containers[0].resources.requests["cpu"] = qty("1");
                        p.spec.containers[0].resources.limits["cpu"] = qty("500m");
                    })
            << QStringList{"spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal "
                           "to cpu limit of 500m"};
        QTest::newRow("extended resource")
            << edit(pod(), [](Pod &p) { p.spec.containers[0].resources.requests["example.com/gpu"] = qty("1"); })
            << QStringList{"spec.containers[0].resources.limits: Required value: Limit must "
                           "be set for non overcommitable resources"};
        QTest::newRow("resource name")
            << edit(pod(), [](Pod &p) { p.spec.containers[0].resources.limits["gpu"] = qty("1"); })
            << QStringList{"spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be "
                           "a standard resource type or fully qualified",
                           "spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be "
                           "a standard resource for containers"};
        QTest::newRow("negative quantity")
            << edit(pod(), [](Pod &p) { p.spec.containers[0].resources.requests["memory"] = qty("-1Mi"); })
            << QStringList{"spec.containers[0].resources.requests[memory]: Invalid value: "
                           "\"-1Mi\": must be greater than or equal to 0"};
        // ValidateTolerations.
        QTest::newRow("toleration operator")
            << edit(pod(),
                    [](Pod &p) {
                        p.spec.tolerations = {Toleration{"gpu", "Foo", "", "", {}}};
                    })
            << QStringList{"spec.tolerations[0].operator: Unsupported value: \"Foo\": supported "
                           "values: \"Equal\", \"Exists\""};
        QTest::newRow("toleration effect")
            << edit(pod(),
                    [](Pod &p) {
                        p.spec.tolerations = {Toleration{"gpu", "Exists", "", "Sometimes", {}}};
                    })
            << QStringList{"spec.tolerations[0].effect: Unsupported value: \"Sometimes\": "
                           "supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""};
        QTest::newRow("toleration exists value")
            << edit(pod(),
                    [](Pod &p) {
                        p.spec.tolerations = {Toleration{"gpu", "Exists", "yes", "", {}}};
                    })
            << QStringList{"spec.tolerations[0].operator: Invalid value: \"yes\": value must "
                           "be empty when `operator` is 'Exists'"};
        QTest::newRow("toleration empty key")
            << edit(pod(),
                    [](Pod &p) {
                        p.spec.tolerations = {Toleration{"", "Equal", "", "", {}}};
                    })
            << QStringList{"spec.tolerations[0].operator: Invalid value: \"Equal\": operator must "
                           "be Exists when `key` is empty, which means \"match all values and all keys\""};
        QTest::newRow("toleration seconds")
            << edit(pod(),
                    [](Pod &p) {
                        p.spec.tolerations = {Toleration{"gpu", "Exists", "", "NoSchedule", 60}};
                    })
            << QStringList{"spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must "
                           "be 'NoExecute' when `tolerationSeconds` is set"};
        // validateHandler, validateLivenessProbe, validateInitContainers.
        QTest::newRow("probe handler") << edit(pod(), [](Pod &p) {
            p.spec.containers[0].livenessProbe = Probe{};
        }) << QStringList{"spec.containers[0].livenessProbe: Required value: must specify a handler type"};
        QTest::newRow("liveness threshold") << edit(pod(), [](Pod &p) {
            Probe probe;
            probe.handler.type = Handler::Type::TcpSocket;
            probe.handler.port = IntOrString::fromInt(8080);
            probe.successThreshold = 2;
            p.spec.containers[0].livenessProbe = probe;
        }) << QStringList{"spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"};
        QTest::newRow("http probe port")
            << edit(pod(),
                    [](Pod &p) {
                        Probe probe;
                        probe.handler.type = Handler::Type::HttpGet;
                        probe.handler.port = IntOrString::fromString("Web--Port");
                        p.spec.containers[0].readinessProbe = probe;
                    })
            << QStringList{
                   "spec.containers[0].readinessProbe.httpGet.port: Invalid value: \"Web--Port\": must contain only "
                   "alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                   "spec.containers[0].readinessProbe.httpGet.port: Invalid value: \"Web--Port\": must not contain "
                   "consecutive hyphens"};
        QTest::newRow("init container probe")
            << edit(pod(),
                    [](Pod &p) {
                        Container init = container("setup", "busybox");
                        init.readinessProbe = Probe{};
                        p.spec.initContainers = {init};
                    })
            << QStringList{
                   "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without "
                   "restartPolicy=Always"};
        QTest::newRow("init restartPolicy") << edit(pod(),
                                                    [](Pod &p) {
                                                        Container init = container("setup", "busybox");
                                                        init.restartPolicy = "OnFailure";
                                                        p.spec.initContainers = {init};
                                                    })
                                            << QStringList{"spec.initContainers[0].restartPolicy: Unsupported value: "
                                                           "\"OnFailure\": supported values: \"Always\""};
        QTest::newRow("regular restartPolicy")
            << edit(pod(), [](Pod &p) { p.spec.containers[0].restartPolicy = "Always"; })
            << QStringList{"spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers"};
        // ValidateEnv, ValidateEnvFrom, validateConfigMapKeySelector.
        QTest::newRow("env name") << edit(pod(), [](Pod &p) { p.spec.containers[0].env = {EnvVar{}}; })
                                  << QStringList{"spec.containers[0].env[0].name: Required value"};
        QTest::newRow("env key ref") << edit(pod(), [](Pod &p) {
            EnvVar v;
            v.name = "DB";
            v.source = EnvVar::Source::ConfigMapKey;
            v.keyRef.name = "db";
            p.spec.containers[0].env = {v};
        }) << QStringList{"spec.containers[0].env[0].valueFrom.configMapKeyRef.key: Required value"};
        QTest::newRow("env field ref")
            << edit(pod(),
                    [](Pod &p) {
                        EnvVar v;
                        v.name = "PHASE";
                        v.source = EnvVar::Source::Field;
                        v.fieldPath = "status.phase";
                        p.spec.containers[0].env = {v};
                    })
            << QStringList{
                   "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: \"status.phase\": "
                   "supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", "
                   "\"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", "
                   "\"status.podIPs\""};
        QTest::newRow("envFrom name") << edit(pod(), [](Pod &p) { p.spec.containers[0].envFrom = {EnvFromSource{}}; })
                                      << QStringList{"spec.containers[0].envFrom[0].configMapRef.name: Required value"};
        // AccumulateUniqueHostPorts: "<protocol>/<hostIP>/<port>".
        QTest::newRow("host port conflict") << edit(pod(), [](Pod &p) {
            p.spec.containers[0].ports = {ContainerPort{"", 80, 8080, "", "TCP"}};
            Container sidecar = container("sidecar", "envoy:1");
            sidecar.ports = {ContainerPort{"", 81, 8080, "", "TCP"}};
            p.spec.containers.push_back(sidecar);
        }) << QStringList{"spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\""};
        // ValidateNodeSelector, validateTopologySpreadConstraints.
        QTest::newRow("node affinity")
            << edit(pod(), [](Pod &p) { p.spec.affinity.emplace().nodeAffinity.emplace().required.emplace(); })
            << QStringList{
                   "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: "
                   "Required value: must have at least one node selector term"};
        QTest::newRow("pod affinity topologyKey")
            << edit(pod(),
                    [](Pod &p) {
                        PodAffinityTerm term;
                        term.labelSelector = selector();
                        p.spec.affinity.emplace().podAntiAffinity.emplace().required = {term};
                    })
            << QStringList{
                   "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
                   "Required value: can not be empty",
                   "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
                   "Invalid value: \"\": name part must be non-empty",
                   "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
                   "Invalid value: \"\": " +
                       kQualifiedNamePart};
        QTest::newRow("topology spread")
            << edit(pod(),
                    [](Pod &p) {
                        TopologySpreadConstraint c;
                        c.maxSkew = 0;
                        c.topologyKey = "zone";
                        p.spec.topologySpreadConstraints = {c};
                    })
            << QStringList{
                   "spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
                   "spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: \"\": supported values: "
                   "\"DoNotSchedule\", \"ScheduleAnyway\""};
        // validateContainerOnlyForPod, ValidatePodCreate.
        QTest::newRow("image whitespace")
            << edit(pod(), [](Pod &p) { p.spec.containers[0].image = "nginx "; })
            << QStringList{"spec.containers[0].image: Invalid value: \"nginx \": must not have "
                           "leading or trailing whitespace"};
        QTest::newRow("nodeName with gates") << edit(pod(), [](Pod &p) {
            p.spec.nodeName = "node-1";
            p.spec.schedulingGates = {"example.com/wait"};
        }) << QStringList{"spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared"};
        QTest::newRow("activeDeadlineSeconds")
            << edit(pod(), [](Pod &p) { p.spec.activeDeadlineSeconds = 0; })
            << QStringList{"spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 "
                           "and 2147483647, inclusive"};
        // ValidatePodSpecificAnnotations: pod deletion cost must be a 32-bit integer.
        QTest::newRow("deletion cost")
            << edit(pod(),
                    [](Pod &p) {
                        p.metadata.annotations = {{"controller.kubernetes.io/pod-deletion-cost", "007"}};
                    })
            << QStringList{"metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: "
                           "Invalid value: \"007\": must be a 32bit integer"};
    }
    void podSpec() { check(); }

    // ---------------------------------------------------------------------------------------------
    void workloads_data()
    {
        addColumns();
        QTest::newRow("deployment valid") << ObjectPtr(deployment()) << QStringList{};
        // apps ValidateDeploymentSpec: a nil selector converts to labels.Nothing(), which matches no labels.
        QTest::newRow("deployment no selector")
            << edit(deployment(), [](Deployment &d) { d.spec.selector.reset(); })
            << QStringList{"spec.selector: Required value", "spec.template.metadata.labels: Invalid value: "
                                                            "map[string]string{\"app\":\"web\"}: " +
                                                                kMismatch};
        QTest::newRow("deployment mismatch") << edit(deployment(),
                                                     [](Deployment &d) {
                                                         d.spec.selector = selector({{"app", "api"}});
                                                     })
                                             << QStringList{"spec.template.metadata.labels: Invalid value: "
                                                            "map[string]string{\"app\":\"web\"}: " +
                                                            kMismatch};
        QTest::newRow("deployment no labels")
            << edit(deployment(), [](Deployment &d) { d.spec.template_.metadata.labels.clear(); })
            << QStringList{"spec.template.metadata.labels: Invalid value: "
                           "map[string]string(nil): " +
                           kMismatch};
        QTest::newRow("deployment empty selector")
            << edit(deployment(), [](Deployment &d) { d.spec.selector = LabelSelector{}; })
            << QStringList{"spec.selector: Invalid value: &LabelSelector{MatchLabels:"
                           "map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}: "
                           "empty selector is invalid for deployment"};
        QTest::newRow("deployment selector values")
            << edit(
                   deployment(),
                   [](Deployment &d) {
                       d.spec.selector->matchExpressions = {LabelSelectorRequirement{"tier", SelectorOperator::In, {}}};
                   })
            << QStringList{
                   "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` "
                   "is 'In' or 'NotIn'",
                   "spec.selector: Invalid value: &LabelSelector{MatchLabels:map[string]string{app: web,},"
                   "MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:tier,Operator:In,"
                   "Values:[],},},}: invalid label selector"};
        // ValidateNonnegativeField.
        QTest::newRow("deployment replicas")
            << edit(deployment(), [](Deployment &d) { d.spec.replicas = -1; })
            << QStringList{"spec.replicas: Invalid value: -1: must be greater than or equal to 0"};
        // ValidateRollingUpdateDeployment.
        QTest::newRow("deployment surge and unavailable")
            << edit(deployment(),
                    [](Deployment &d) {
                        d.spec.maxSurge = IntOrString::fromInt(0);
                        d.spec.maxUnavailable = IntOrString::fromString("0%");
                    })
            << QStringList{
                   "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0%: may not be 0 when `maxSurge` is 0"};
        QTest::newRow("deployment percent")
            << edit(deployment(), [](Deployment &d) { d.spec.maxUnavailable = IntOrString::fromString("150%"); })
            << QStringList{"spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 150%: "
                           "must not be greater than 100%"};
        QTest::newRow("deployment recreate")
            << edit(deployment(),
                    [](Deployment &d) {
                        d.spec.strategyType = "Recreate";
                        d.spec.maxSurge = IntOrString::fromInt(1);
                    })
            << QStringList{
                   "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"};
        QTest::newRow("deployment strategy type")
            << edit(deployment(), [](Deployment &d) { d.spec.strategyType = "BlueGreen"; })
            << QStringList{"spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"
                           "\"BlueGreen\", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: "
                           "supported values: \"Recreate\", \"RollingUpdate\""};
        // ValidatePodTemplateSpecForReplicaSet: restartPolicy must be Always.
        QTest::newRow("deployment restartPolicy")
            << edit(deployment(), [](Deployment &d) { d.spec.template_.spec.restartPolicy = "Never"; })
            << QStringList{"spec.template.spec.restartPolicy: Unsupported value: \"Never\": "
                           "supported values: \"Always\""};
        QTest::newRow("deployment container")
            << edit(deployment(), [](Deployment &d) { d.spec.template_.spec.containers[0].name = "App"; })
            << QStringList{"spec.template.spec.containers[0].name: Invalid value: \"App\": " + kLabel};
        // ValidatePodTemplateSpec reports template labels under the template's own path.
        QTest::newRow("deployment template label") << edit(deployment(), [](Deployment &d) {
            d.spec.selector = LabelSelector{};
            d.spec.selector->matchExpressions = {LabelSelectorRequirement{"app", SelectorOperator::Exists, {}}};
            d.spec.template_.metadata.labels = {{"app", "web!"}};
        }) << QStringList{"spec.template.labels: Invalid value: \"web!\": " + kLabelValue};
        QTest::newRow("deployment progress deadline")
            << edit(deployment(), [](Deployment &d) { d.spec.minReadySeconds = 600; })
            << QStringList{"spec.progressDeadlineSeconds: Invalid value: 600: must be "
                           "greater than minReadySeconds"};
        QTest::newRow("replicaset mismatch") << edit(replicaSet(),
                                                     [](ReplicaSet &rs) {
                                                         rs.spec.template_.metadata.labels = {{"app", "api"}};
                                                     })
                                             << QStringList{"spec.template.metadata.labels: Invalid value: "
                                                            "map[string]string{\"app\":\"api\"}: " +
                                                            kMismatch};
        // ValidateStatefulSetSpec: the pod spec itself is not validated.
        QTest::newRow("statefulset valid") << ObjectPtr(statefulSet()) << QStringList{};
        QTest::newRow("statefulset pod spec unchecked")
            << edit(statefulSet(), [](StatefulSet &s) { s.spec.template_.spec.containers.clear(); }) << QStringList{};
        QTest::newRow("statefulset no selector")
            << edit(statefulSet(), [](StatefulSet &s) { s.spec.selector.reset(); })
            << QStringList{"spec.selector: Required value", "spec.template.metadata.labels: Invalid value: "
                                                            "map[string]string{\"app\":\"db\"}: " +
                                                                kMismatch};
        QTest::newRow("statefulset policy")
            << edit(statefulSet(), [](StatefulSet &s) { s.spec.podManagementPolicy = "Random"; })
            << QStringList{"spec.podManagementPolicy: Invalid value: \"Random\": must be "
                           "'OrderedReady' or 'Parallel'"};
        QTest::newRow("statefulset restartPolicy")
            << edit(statefulSet(), [](StatefulSet &s) { s.spec.template_.spec.restartPolicy = "OnFailure"; })
            << QStringList{"spec.template.spec.restartPolicy: Unsupported value: "
                           "\"OnFailure\": supported values: \"Always\""};
        // ValidateDaemonSetSpec: no Required for the selector, only the mismatch.
        QTest::newRow("daemonset no selector") << edit(daemonSet(), [](DaemonSet &d) { d.spec.selector.reset(); })
                                               << QStringList{"spec.template.metadata.labels: Invalid value: "
                                                              "map[string]string{\"app\":\"agent\"}: " +
                                                              kMismatch};
        QTest::newRow("daemonset unavailable 0")
            << edit(daemonSet(), [](DaemonSet &d) { d.spec.maxUnavailable = IntOrString::fromInt(0); })
            << QStringList{"spec.updateStrategy.rollingUpdate.maxUnavailable: Required "
                           "value: cannot be 0 when maxSurge is 0"};
        QTest::newRow("daemonset surge and unavailable")
            << edit(daemonSet(), [](DaemonSet &d) { d.spec.maxSurge = IntOrString::fromInt(1); })
            << QStringList{"spec.updateStrategy.rollingUpdate.maxSurge: Invalid "
                           "value: 1: may not be set when maxUnavailable is non-zero"};
        // core ValidateReplicationControllerSpec: the selector defaults to the template labels.
        QTest::newRow("replicationcontroller template")
            << edit(object<ReplicationController>("v1", "ReplicationController", "web"), [](ReplicationController &) {})
            << QStringList{"spec.selector: Required value", "spec.template: Required value"};
    }
    void workloads() { check(); }

    // ---------------------------------------------------------------------------------------------
    void batch_data()
    {
        addColumns();
        QTest::newRow("job valid") << ObjectPtr(job()) << QStringList{};
        // batch validateJobSpec: an unset restartPolicy has been defaulted to Always.
        QTest::newRow("job restartPolicy unset")
            << edit(job(), [](Job &j) { j.spec.template_.spec.restartPolicy.clear(); })
            << QStringList{"spec.template.spec.restartPolicy: Required value: valid values: "
                           "\"OnFailure\", \"Never\""};
        QTest::newRow("job restartPolicy invalid")
            << edit(job(), [](Job &j) { j.spec.template_.spec.restartPolicy = "Later"; })
            << QStringList{"spec.template.spec.restartPolicy: Unsupported value: \"Later\": "
                           "supported values: \"Always\", \"OnFailure\", \"Never\"",
                           "spec.template.spec.restartPolicy: Unsupported value: \"Later\": "
                           "supported values: \"OnFailure\", \"Never\""};
        QTest::newRow("job backoffLimit")
            << edit(job(), [](Job &j) { j.spec.backoffLimit = -1; })
            << QStringList{"spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0"};
        // validateGeneratedSelector: without manualSelector the selector must be the generated one
        // (Kubernetes prints the Job's uid after controller-uid; a manifest has none yet).
        QTest::newRow("job selector not generated")
            << edit(job(),
                    [](Job &j) {
                        j.spec.selector = selector({{"app", "pi"}});
                    })
            << QStringList{"spec.selector: Invalid value: &LabelSelector{MatchLabels:"
                           "map[string]string{app: pi,batch.kubernetes.io/controller-uid: ,},"
                           "MatchExpressions:[]LabelSelectorRequirement{},}: `selector` not auto-generated"};
        QTest::newRow("job manual selector missing")
            << edit(job(), [](Job &j) { j.spec.manualSelector = true; })
            << QStringList{"spec.selector: Required value", "spec.template.metadata.labels: Invalid value: "
                                                            "map[string]string{\"app\":\"pi\"}: " +
                                                                kMismatch};
        QTest::newRow("job indexed completions")
            << edit(job(), [](Job &j) { j.spec.completionMode = "Indexed"; })
            << QStringList{"spec.completions: Required value: when completion mode is Indexed"};
        QTest::newRow("cronjob valid") << ObjectPtr(cronJob()) << QStringList{};
        QTest::newRow("cronjob descriptor") << ObjectPtr(cronJob("@hourly")) << QStringList{};
        QTest::newRow("cronjob names") << ObjectPtr(cronJob("0 9 * jan-mar mon-fri")) << QStringList{};
        // validateScheduleFormat wraps robfig/cron's errors.
        QTest::newRow("cron fields")
            << ObjectPtr(cronJob("* * *"))
            << QStringList{"spec.schedule: Invalid value: \"* * *\": expected exactly 5 fields, found 3: [* * *]"};
        QTest::newRow("cron range")
            << ObjectPtr(cronJob("61 * * * *"))
            << QStringList{"spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61"};
        QTest::newRow("cron minimum")
            << ObjectPtr(cronJob("0 0 0 * *"))
            << QStringList{"spec.schedule: Invalid value: \"0 0 0 * *\": beginning of range (0) below minimum (1): 0"};
        QTest::newRow("cron step")
            << ObjectPtr(cronJob("*/0 * * * *"))
            << QStringList{
                   "spec.schedule: Invalid value: \"*/0 * * * *\": step of range should be a positive number: */0"};
        QTest::newRow("cron int") << ObjectPtr(cronJob("a * * * *"))
                                  << QStringList{
                                         "spec.schedule: Invalid value: \"a * * * *\": failed to parse int from a: "
                                         "strconv.Atoi: parsing \"a\": invalid syntax"};
        QTest::newRow("cron descriptor")
            << ObjectPtr(cronJob("@fortnightly"))
            << QStringList{"spec.schedule: Invalid value: \"@fortnightly\": unrecognized descriptor: @fortnightly"};
        QTest::newRow("cron every")
            << ObjectPtr(cronJob("@every 5x"))
            << QStringList{"spec.schedule: Invalid value: \"@every 5x\": failed to parse duration @every 5x: "
                           "time: unknown unit \"x\" in duration \"5x\""};
        QTest::newRow("cron TZ")
            << ObjectPtr(cronJob("CRON_TZ=UTC 0 * * * *"))
            << QStringList{"spec.schedule: Invalid value: \"CRON_TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ "
                           "in schedule, use timeZone field instead"};
        QTest::newRow("cron empty") << ObjectPtr(cronJob("")) << QStringList{"spec.schedule: Required value"};
        QTest::newRow("cron timeZone") << edit(cronJob(), [](CronJob &c) {
            c.spec.timeZone = "Bad Zone";
        }) << QStringList{"spec.timeZone: Invalid value: \"Bad Zone\": unknown time zone Bad Zone"};
        QTest::newRow("cron concurrency")
            << edit(cronJob(), [](CronJob &c) { c.spec.concurrencyPolicy = "Sometimes"; })
            << QStringList{"spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported "
                           "values: \"Allow\", \"Forbid\", \"Replace\""};
        QTest::newRow("cron job template restartPolicy")
            << edit(cronJob(), [](CronJob &c) { c.spec.jobSpec.template_.spec.restartPolicy.clear(); })
            << QStringList{"spec.jobTemplate.spec.template.spec.restartPolicy: Required "
                           "value: valid values: \"OnFailure\", \"Never\""};
        QTest::newRow("cron job template selector")
            << edit(cronJob(),
                    [](CronJob &c) {
                        c.spec.jobSpec.selector = selector({{"app", "report"}});
                    })
            << QStringList{"spec.jobTemplate.spec.selector: Invalid value: &LabelSelector{"
                           "MatchLabels:map[string]string{app: report,},MatchExpressions:"
                           "[]LabelSelectorRequirement{},}: `selector` will be auto-generated"};
        QTest::newRow("cron name length") << edit(cronJob(), [](CronJob &c) { c.metadata.name = std::string(53, 'a'); })
                                          << QStringList{"metadata.name: Invalid value: \"" + QString(53, 'a') +
                                                         "\": must be no more than 52 characters"};
    }
    void batch() { check(); }

    // ---------------------------------------------------------------------------------------------
    void services_data()
    {
        addColumns();
        QTest::newRow("valid") << ObjectPtr(service()) << QStringList{};
        // core ValidateService: ports are required except for headless and ExternalName Services.
        QTest::newRow("no ports") << edit(service(), [](Service &s) { s.spec.ports.clear(); })
                                  << QStringList{"spec.ports: Required value"};
        QTest::newRow("headless no ports") << edit(service(), [](Service &s) {
            s.spec.ports.clear();
            s.spec.clusterIP = "None";
        }) << QStringList{};
        QTest::newRow("externalName missing") << edit(service(), [](Service &s) {
            s.spec.type = "ExternalName";
            s.spec.ports.clear();
        }) << QStringList{"spec.externalName: Required value"};
        QTest::newRow("externalName invalid") << edit(service(), [](Service &s) {
            s.spec.type = "ExternalName";
            s.spec.externalName = "DB.example.com.";
        }) << QStringList{"spec.externalName: Invalid value: \"DB.example.com\": " + kSubdomain};
        // validateServicePort: the targetPort defaults to the port and is validated too.
        QTest::newRow("port zero") << edit(service(), [](Service &s) { s.spec.ports[0].port = 0; })
                                   << QStringList{"spec.ports[0].port: Invalid value: 0: " + kPortRange,
                                                  "spec.ports[0].targetPort: Invalid value: 0: " + kPortRange};
        QTest::newRow("port too large") << edit(service(), [](Service &s) {
            s.spec.ports[0].port = 65536;
            s.spec.ports[0].targetPort = IntOrString::fromInt(8080);
            s.spec.ports[0].hasTargetPort = true;
        }) << QStringList{"spec.ports[0].port: Invalid value: 65536: " + kPortRange};
        QTest::newRow("type") << edit(service(), [](Service &s) { s.spec.type = "Internal"; })
                              << QStringList{
                                     "spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\", "
                                     "\"ExternalName\", \"LoadBalancer\", \"NodePort\""};
        QTest::newRow("unnamed ports") << edit(service(), [](Service &s) {
            s.spec.ports = {servicePort("", 80), servicePort("", 443)};
        }) << QStringList{"spec.ports[0].name: Required value", "spec.ports[1].name: Required value"};
        QTest::newRow("duplicate names") << edit(service(), [](Service &s) {
            s.spec.ports = {servicePort("http", 80), servicePort("http", 8080)};
        }) << QStringList{"spec.ports[1].name: Duplicate value: \"http\""};
        QTest::newRow("duplicate ports")
            << edit(service(),
                    [](Service &s) {
                        s.spec.ports = {servicePort("http", 80), servicePort("web", 80)};
                    })
            << QStringList{"spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", "
                           "AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, "
                           "IntVal:0, StrVal:\"\"}, NodePort:0}"};
        QTest::newRow("nodePort on ClusterIP")
            << edit(service(), [](Service &s) { s.spec.ports[0].nodePort = 30080; })
            << QStringList{"spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"};
        QTest::newRow("headless LoadBalancer")
            << edit(service(),
                    [](Service &s) {
                        s.spec.type = "LoadBalancer";
                        s.spec.clusterIP = "None";
                    })
            << QStringList{
                   "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services"};
        QTest::newRow("externalTrafficPolicy")
            << edit(service(), [](Service &s) { s.spec.externalTrafficPolicy = "Local"; })
            << QStringList{"spec.externalTrafficPolicy: Invalid value: \"Local\": may only be "
                           "set for externally-accessible services"};
        QTest::newRow("selector value") << edit(service(), [](Service &s) {
            s.spec.selector = Labels{{"app", "web app"}};
        }) << QStringList{"spec.selector: Invalid value: \"web app\": " + kLabelValue};
    }
    void services() { check(); }

    // ---------------------------------------------------------------------------------------------
    void coreObjects_data()
    {
        addColumns();
        // core ValidatePersistentVolumeClaimSpec: the storage request's path is spec.resources[storage].
        QTest::newRow("pvc valid") << ObjectPtr(claim()) << QStringList{};
        QTest::newRow("pvc empty") << edit(claim(),
                                           [](PersistentVolumeClaim &c) {
                                               c.spec.accessModes.clear();
                                               c.spec.resources.requests.clear();
                                           })
                                   << QStringList{
                                          "spec.accessModes: Required value: at least 1 access mode is required",
                                          "spec.resources[storage]: Required value"};
        QTest::newRow("pvc access mode")
            << edit(claim(), [](PersistentVolumeClaim &c) { c.spec.accessModes = {"ReadWriteSometimes"}; })
            << QStringList{"spec.accessModes: Unsupported value: \"ReadWriteSometimes\": supported values: "
                           "\"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\""};
        QTest::newRow("pvc rwop") << edit(claim(), [](PersistentVolumeClaim &c) {
            c.spec.accessModes = {"ReadWriteOncePod", "ReadOnlyMany"};
        }) << QStringList{"spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"};
        QTest::newRow("pvc zero storage")
            << edit(claim(), [](PersistentVolumeClaim &c) { c.spec.resources.requests["storage"] = qty("0"); })
            << QStringList{"spec.resources[storage]: Invalid value: \"0\": must be greater than zero"};
        // ValidatePersistentVolumeSpec.
        QTest::newRow("pv valid") << ObjectPtr(volume()) << QStringList{};
        QTest::newRow("pv empty")
            << edit(volume(),
                    [](PersistentVolume &v) {
                        v.spec.accessModes.clear();
                        v.spec.capacity.clear();
                        v.spec.sourceType.clear();
                    })
            << QStringList{"spec.accessModes: Required value", "spec.capacity: Required value",
                           "spec.capacity: Unsupported value: core.ResourceList(nil): supported values: \"storage\"",
                           "spec: Required value: must specify a volume type"};
        QTest::newRow("pv local") << edit(volume(), [](PersistentVolume &v) {
            v.spec.sourceType = "local";
        }) << QStringList{"spec.nodeAffinity: Required value: Local volume requires node affinity"};
        QTest::newRow("pv reclaim") << edit(volume(),
                                            [](PersistentVolume &v) { v.spec.persistentVolumeReclaimPolicy = "Keep"; })
                                    << QStringList{
                                           "spec.persistentVolumeReclaimPolicy: Unsupported value: \"Keep\": supported "
                                           "values: \"Delete\", \"Recycle\", \"Retain\""};
        // ValidateNode passes the metadata path to validateNodeTaints.
        QTest::newRow("node taint effect") << edit(object<Node>("v1", "Node", "node-1"), [](Node &n) {
            n.spec.taints = {Taint{"dedicated", "gpu", "", {}}};
        }) << QStringList{"metadata.taints[0].effect: Required value"};
        QTest::newRow("node duplicate taint")
            << edit(object<Node>("v1", "Node", "node-1"),
                    [](Node &n) {
                        n.spec.taints = {Taint{"dedicated", "gpu", "NoSchedule", {}},
                                         Taint{"dedicated", "db", "NoSchedule", {}}};
                    })
            << QStringList{"metadata.taints[1]: Duplicate value: core.Taint{Key:\"dedicated\", Value:\"db\", Effect:"
                           "\"NoSchedule\", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair"};
        // ValidateSecret: type-specific keys.
        QTest::newRow("secret tls") << edit(object<Secret>("v1", "Secret", "cert"), [](Secret &s) {
            s.type = "kubernetes.io/tls";
            s.keys = {"tls.crt"};
        }) << QStringList{"data[tls.key]: Required value"};
        QTest::newRow("secret key")
            << edit(object<Secret>("v1", "Secret", "db"), [](Secret &s) { s.keys = {"pass word"}; })
            << QStringList{"data[pass word]: Invalid value: \"pass word\": a valid config key must consist "
                           "of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  "
                           "or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"};
        QTest::newRow("configmap binary duplicate")
            << edit(object<ConfigMap>("v1", "ConfigMap", "cfg"),
                    [](ConfigMap &c) {
                        c.data = {{"app.conf", "x"}};
                        c.binaryDataKeys = {"app.conf"};
                    })
            << QStringList{"data[app.conf]: Invalid value: \"app.conf\": duplicate of key present in binaryData"};
        // ValidateLimitRange: quantities are fmt.Stringers, printed unquoted.
        QTest::newRow("limitrange min above max")
            << edit(object<LimitRange>("v1", "LimitRange", "limits"),
                    [](LimitRange &l) {
                        LimitRangeItem item;
                        item.type = "Container";
                        item.min["cpu"] = qty("2");
                        item.max["cpu"] = qty("1");
                        l.limits = {item};
                    })
            << QStringList{"spec.limits[0].min[cpu]: Invalid value: 2: min value 2 is greater than max value 1"};
        QTest::newRow("limitrange type")
            << edit(object<LimitRange>("v1", "LimitRange", "limits"),
                    [](LimitRange &l) {
                        LimitRangeItem item;
                        item.type = "Node";
                        l.limits = {item};
                    })
            << QStringList{
                   "spec.limits[0].type: Invalid value: \"Node\": must be a standard limit type or fully qualified"};
        // ValidateResourceQuotaResourceName, validateResourceQuotaScopes (duplicates are dropped, as
        // ErrorList.ToAggregate does).
        QTest::newRow("quota resource")
            << edit(object<ResourceQuota>("v1", "ResourceQuota", "quota"),
                    [](ResourceQuota &r) { r.hard["gpu"] = qty("1"); })
            << QStringList{
                   "spec.hard[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified",
                   "spec.hard[gpu]: Invalid value: \"gpu\": must be a standard resource for quota"};
        QTest::newRow("quota scope") << edit(object<ResourceQuota>("v1", "ResourceQuota", "quota"),
                                             [](ResourceQuota &r) {
                                                 r.hard["cpu"] = qty("1");
                                                 r.hard["memory"] = qty("1Gi");
                                                 r.scopes = {"BestEffort"};
                                             })
                                     << QStringList{
                                            "spec.scopes: Invalid value: []core.ResourceQuotaScope{\"BestEffort\"}: "
                                            "unsupported scope applied to resource"};
    }
    void coreObjects() { check(); }

    // ---------------------------------------------------------------------------------------------
    void otherObjects_data()
    {
        addColumns();
        auto pdb = [] {
            auto p = object<PodDisruptionBudget>("policy/v1", "PodDisruptionBudget", "web");
            p->spec.selector = selector();
            return p;
        };
        // policy ValidatePodDisruptionBudgetSpec (Kubernetes prints pointer addresses in the spec dump).
        QTest::newRow("pdb both")
            << edit(pdb(),
                    [](PodDisruptionBudget &p) {
                        p.spec.minAvailable = IntOrString::fromInt(1);
                        p.spec.maxUnavailable = IntOrString::fromInt(1);
                    })
            << QStringList{
                   "spec: Invalid value: "
                   "policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000000000), "
                   "Selector:(*v1.LabelSelector)(0xc000000000), MaxUnavailable:(*intstr.IntOrString)(0xc000000000), "
                   "UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and "
                   "maxUnavailable cannot be both set"};
        QTest::newRow("pdb percent") << edit(pdb(), [](PodDisruptionBudget &p) {
            p.spec.minAvailable = IntOrString::fromString("120%");
        }) << QStringList{"spec.minAvailable: Invalid value: 120%: must not be greater than 100%"};
        // The generic registry checks a PDB's name as a path segment only.
        QTest::newRow("pdb name") << edit(pdb(), [](PodDisruptionBudget &p) { p.metadata.name = "My_PDB"; })
                                  << QStringList{};
        QTest::newRow("pdb name slash") << edit(pdb(), [](PodDisruptionBudget &p) { p.metadata.name = "a/b"; })
                                        << QStringList{"metadata.name: Invalid value: \"a/b\": may not contain '/'"};
        // scheduling ValidatePriorityClass.
        QTest::newRow("priorityclass value")
            << edit(object<PriorityClass>("scheduling.k8s.io/v1", "PriorityClass", "high"),
                    [](PriorityClass &p) { p.value = 2000000000; })
            << QStringList{"value: Forbidden: maximum allowed value of a user defined "
                           "priority is 1000000000"};
        QTest::newRow("priorityclass system")
            << edit(object<PriorityClass>("scheduling.k8s.io/v1", "PriorityClass", "system-high"),
                    [](PriorityClass &) {})
            << QStringList{"metadata.name: Forbidden: priority class names with 'system-' prefix "
                           "are reserved for system use only. error: system-high is not a "
                           "known system priority class"};
        QTest::newRow("priorityclass preemption")
            << edit(object<PriorityClass>("scheduling.k8s.io/v1", "PriorityClass", "low"),
                    [](PriorityClass &p) { p.preemptionPolicy = "Always"; })
            << QStringList{"preemptionPolicy: Unsupported value: \"Always\": supported "
                           "values: \"PreemptLowerPriority\", \"Never\""};
        // networking ValidateIngressSpec / validateIngressBackend.
        QTest::newRow("ingress valid") << ObjectPtr(ingress()) << QStringList{};
        QTest::newRow("ingress empty") << edit(ingress(), [](Ingress &i) { i.spec.rules.clear(); })
                                       << QStringList{"spec: Invalid value: []networking.IngressRule(nil): either "
                                                      "`defaultBackend` or `rules` must be specified"};
        QTest::newRow("ingress port") << edit(ingress(), [](Ingress &i) {
            i.spec.rules[0].paths[0].backend.servicePortNumber = 0;
        }) << QStringList{"spec.rules[0].http.paths[0].backend: Required value: port name or number is required"};
        QTest::newRow("ingress pathType")
            << edit(ingress(), [](Ingress &i) { i.spec.rules[0].paths[0].pathType.clear(); })
            << QStringList{"spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified"};
        QTest::newRow("ingress path") << edit(ingress(), [](Ingress &i) {
            i.spec.rules[0].paths[0].path = "shop";
        }) << QStringList{"spec.rules[0].http.paths[0].path: Invalid value: \"shop\": must be an absolute path"};
        QTest::newRow("ingress service name")
            << edit(ingress(), [](Ingress &i) { i.spec.rules[0].paths[0].backend.serviceName = "2web"; })
            << QStringList{"spec.rules[0].http.paths[0].backend.service.name: Invalid value: "
                           "\"2web\": " +
                           kDns1035};
        QTest::newRow("ingress host ip") << edit(ingress(), [](Ingress &i) {
            i.spec.rules[0].host = "10.0.0.1";
        }) << QStringList{"spec.rules[0].host: Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address"};
        QTest::newRow("ingress no backend")
            << edit(ingress(), [](Ingress &i) { i.spec.rules[0].paths[0].backend = IngressBackend{}; })
            << QStringList{"spec.rules[0].http.paths[0].backend: Invalid value: \"\": resource or "
                           "service backend is required"};
        // storage ValidateStorageClass.
        QTest::newRow("storageclass provisioner")
            << edit(object<StorageClass>("storage.k8s.io/v1", "StorageClass", "fast"), [](StorageClass &) {})
            << QStringList{"provisioner: Required value"};
        QTest::newRow("storageclass binding")
            << edit(object<StorageClass>("storage.k8s.io/v1", "StorageClass", "fast"),
                    [](StorageClass &s) {
                        s.provisioner = "ebs.csi.aws.com";
                        s.volumeBindingMode = "Lazy";
                    })
            << QStringList{"volumeBindingMode: Unsupported value: \"Lazy\": supported values: \"Immediate\", "
                           "\"WaitForFirstConsumer\""};
        // Kinds Podscape does not simulate are not validated.
        QTest::newRow("unstructured") << edit(object<UnstructuredObject>("rbac.authorization.k8s.io/v1", "Role",
                                                                         "Bad_Name"),
                                              [](UnstructuredObject &) {})
                                      << QStringList{};
    }
    void otherObjects() { check(); }

    // ---------------------------------------------------------------------------------------------
    // locateField walks maps, lists and [key] steps, stopping at the deepest node that exists.
    void locateField()
    {
        auto doc = parse("apiVersion: apps/v1\n"
                         "kind: Deployment\n"
                         "metadata:\n"
                         "  name: web\n"
                         "  labels: {app.kubernetes.io/name: web}\n"
                         "spec:\n"
                         "  template:\n"
                         "    spec:\n"
                         "      containers:\n"
                         "      - name: app\n"
                         "        image: nginx\n");
        QVERIFY(doc && doc->root);
        auto at = [&](const char *path) {
            const yaml::Node *n = podscape::locateField(doc->root, path);
            return n ? QString("%1:%2").arg(n->line).arg(n->column) : QString("null");
        };
        QCOMPARE(at("metadata.name"), QString("4:9"));
        QCOMPARE(at("metadata.labels[app.kubernetes.io/name]"), QString("5:36"));
        QCOMPARE(at("spec.template.spec.containers[0].image"), QString("11:16"));
        QCOMPARE(at("spec.template.spec.containers[0].ports[0].containerPort"), at("spec.template.spec.containers[0]"));
        QCOMPARE(at("spec.template.spec.containers[3].image"), at("spec.template.spec.containers"));
        QCOMPARE(at("spec.selector"), at("spec"));
        QCOMPARE(at(""), QString("1:1"));
        QCOMPARE(podscape::locateField(nullptr, "metadata.name"), static_cast<const yaml::Node *>(nullptr));
    }

    // Errors point at the value in the document, or at 0:0 without one.
    void errorPositions()
    {
        auto cm = withDocument(object<ConfigMap>("v1", "ConfigMap", "My_Config"),
                               "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Config\n");
        auto errors = validateObject(*cm);
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors[0].line, 4);
        QCOMPARE(errors[0].column, 9);
        auto bare = object<ConfigMap>("v1", "ConfigMap", "My_Config");
        errors = validateObject(*bare);
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors[0].line, 0);
        QCOMPARE(errors[0].column, 0);
    }

    // The document tells what the decoder's defaults hide (an absent toleration operator, template
    // labels written as {}); a volume without a source is an emptyDir, as the API server defaults it.
    void readsTheManifestAsWritten()
    {
        auto p = pod();
        p->spec.tolerations = {Toleration{"", "Equal", "gpu", "", {}}};
        withDocument(p, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n"
                        "    image: nginx\n  tolerations:\n  - value: gpu\n");
        auto errors = validateObject(*p);
        QCOMPARE(render(errors),
                 QStringList{"spec.tolerations[0].operator: Invalid value: \"\": operator must be Exists "
                             "when `key` is empty, which means \"match all values and all keys\""});
        QCOMPARE(errors[0].line, 10);

        auto v = pod();
        Volume data;
        data.name = "data";
        v->spec.volumes = {data};
        withDocument(v, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n"
                        "    image: nginx\n  volumes:\n  - name: data\n");
        QCOMPARE(render(validateObject(*v)), QStringList{}); // core/v1 SetDefaults_Volume: an emptyDir

        auto d = deployment();
        d->spec.selector.reset();
        d->spec.template_.metadata.labels.clear();
        withDocument(d, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n"
                        "    metadata:\n      labels: {}\n    spec:\n      containers:\n      - name: app\n"
                        "        image: nginx\n");
        QCOMPARE(render(validateObject(*d)),
                 (QStringList{"spec.selector: Required value", "spec.template.metadata.labels: Invalid value: "
                                                               "map[string]string{}: " +
                                                                   kMismatch}));
    }
};

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
