// The manifest loader: everything `kubectl apply -f` accepts, typed objects with their source
// position, and errors as file:line:col that never stop the other documents.
#include "cluster/api/apps.h"
#include "cluster/api/core.h"
#include "manifest/loader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace podscape;

namespace {

LoadResult load(const std::string &text, const std::string &file = "test.yaml")
{
    return ManifestLoader().loadText(text, file);
}

QStringList errorsOf(const LoadResult &r)
{
    QStringList out;
    for (const auto &e : r.errors)
        out << QString::fromStdString(e.toString());
    return out;
}

QStringList kindsOf(const LoadResult &r)
{
    QStringList out;
    for (const auto &o : r.objects)
        out << QString::fromStdString(o->kind + "/" + o->metadata.name);
    return out;
}

void writeFile(const QString &path, const std::string &content)
{
    QDir().mkpath(QFileInfo(path).path());
    std::ofstream(path.toStdString(), std::ios::binary) << content;
}

const char *kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
          name: http
        resources:
          requests: {cpu: 0.25, memory: 64Mi}
          limits: {cpu: "1", memory: 128974848}
)";

}  // namespace

class TestLoader : public QObject {
    Q_OBJECT

private slots:
    // kubectl's stream splitter cuts at every "---" line, so a %YAML directive ends up alone and
    // go-yaml refuses it ("did not find expected <document start>", kubernetes#135998); the
    // document after the marker still loads.
    void refusesADirectiveCutFromItsDocumentAsKubectlDoes()
    {
        LoadResult r = load("%YAML 1.1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept}\n");
        QCOMPARE(errorsOf(r), QStringList{"test.yaml:2:1: yaml: did not find expected <document start>"});
        QCOMPARE(r.objects.size(), std::size_t(1));
        QCOMPARE(r.objects[0]->metadata.name, std::string("kept"));
    }

    void decodesTypedObjects()
    {
        auto r = load(kDeployment);
        QCOMPARE(errorsOf(r), QStringList());
        QCOMPARE(r.objects.size(), std::size_t(1));
        auto d = std::dynamic_pointer_cast<Deployment>(r.objects[0]);
        QVERIFY(d);
        QCOMPARE(*d->spec.replicas, 3);
        QVERIFY(d->spec.selector && d->spec.selector->matches({{"app", "web"}}));
        const Container &c = d->spec.template_.spec.containers.at(0);
        QCOMPARE(c.image, std::string("nginx:1.25"));
        QCOMPARE(c.ports.at(0).containerPort, 80);
        QCOMPARE(c.resources.requests.at("cpu").toString(), std::string("250m"));
        QCOMPARE(c.resources.limits.at("memory").toString(), std::string("128974848"));
        QCOMPARE(d->source.file, std::string("test.yaml"));
        QCOMPARE(d->source.line, 1);
    }

    void splitsMultiDocumentYaml()
    {
        std::string text = "# leading comment\n---\n"
                           "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
                           "---\n---\n# only a comment\n---\n"
                           "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n"
                           "...\n"
                           "--- \napiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n";
        auto r = load(text);
        QCOMPARE(errorsOf(r), QStringList());
        QCOMPARE(kindsOf(r), (QStringList{"ConfigMap/a", "ConfigMap/b", "Namespace/c"}));
        QCOMPARE(r.objects[1]->source.line, 10);
        QCOMPARE(r.objects[2]->source.line, 15);
        QCOMPARE(r.documents, 3);
    }

    void readsJsonIncludingTabIndentation()
    {
        std::string text = "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Service\",\n\t\"metadata\": {\"name\": \"api\"},\n"
                           "\t\"spec\": {\n\t\t\"selector\": {\"app\": \"api\"},\n"
                           "\t\t\"ports\": [{\"port\": 80, \"targetPort\": \"http\"}]\n\t}\n}\n";
        auto r = load(text, "svc.json");
        QCOMPARE(errorsOf(r), QStringList());
        auto svc = std::dynamic_pointer_cast<Service>(r.objects.at(0));
        QVERIFY(svc);
        QCOMPARE(svc->spec.ports.at(0).targetPort, IntOrString::fromString("http"));
        QCOMPARE(svc->source.line, 1);
    }

    void expandsListKinds()
    {
        std::string text = "apiVersion: v1\nkind: List\nitems:\n"
                           "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: one}\n"
                           "- apiVersion: v1\n  kind: ConfigMapList\n  items:\n"
                           "  - {apiVersion: v1, kind: ConfigMap, metadata: {name: two}}\n";
        auto r = load(text);
        QCOMPARE(errorsOf(r), QStringList());
        QCOMPARE(kindsOf(r), (QStringList{"ConfigMap/one", "ConfigMap/two"}));
        QCOMPARE(r.objects[0]->source.line, 4);
        QCOMPARE(r.objects[0]->source.column, 3);
    }

    void acceptsCrlfAndByteOrderMark()
    {
        std::string text = "\xEF\xBB\xBF" "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\n"
                           "data:\r\n  key: value\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: two}\r\n";
        auto r = load(text);
        QCOMPARE(errorsOf(r), QStringList());
        QCOMPARE(kindsOf(r), (QStringList{"ConfigMap/crlf", "ConfigMap/two"}));
        auto cm = std::dynamic_pointer_cast<ConfigMap>(r.objects[0]);
        QCOMPARE(cm->data.at("key"), std::string("value"));
        QCOMPARE(r.objects[1]->source.line, 8);
    }

    void reportsMissingKindAndApiVersionAsKubectlDoes()
    {
        // apimachinery runtime.NewMissingKindErr / NewMissingVersionErr: "Object 'Kind' is missing in '%s'".
        auto r = load("apiVersion: v1\nmetadata: {name: x}\n---\nkind: Pod\nmetadata: {name: why}\n"
                      "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n");
        QCOMPARE(errorsOf(r),
                 (QStringList{R"(test.yaml:1:1: Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}')",
                              R"(test.yaml:4:1: Object 'apiVersion' is missing in '{"kind":"Pod","metadata":{"name":"why"}}')"}));
        QCOMPARE(kindsOf(r), QStringList{"ConfigMap/ok"});
    }

    void reportsRemovedApiVersionsAndKeepsTheRest()
    {
        auto r = load("apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: old}\n---\n"
                      "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: psp}\n---\n"
                      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n");
        QCOMPARE(errorsOf(r),
                 (QStringList{R"(test.yaml:1:13: no matches for kind "Deployment" in version "extensions/v1beta1")",
                              R"(test.yaml:5:13: no matches for kind "PodSecurityPolicy" in version "policy/v1beta1")"}));
        QCOMPARE(kindsOf(r), QStringList{"ConfigMap/ok"});
    }

    void listsUnsimulatedAndCustomKinds()
    {
        auto r = load("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\n---\n"
                      "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: guestbook, namespace: argocd}\n");
        QCOMPARE(errorsOf(r), QStringList());
        QCOMPARE(kindsOf(r), (QStringList{"ClusterRole/reader", "Application/guestbook"}));
        QVERIFY(!r.objects[0]->isSimulated());
        QVERIFY(!r.objects[0]->isNamespaced());
        QVERIFY(!r.objects[1]->isSimulated());
        QCOMPARE(r.objects[1]->metadata.namespace_, std::string("argocd"));
    }

    void reportsTypeErrorsAtTheValue_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("error");
        QTest::newRow("replicas word") << "replicas: 3" << "replicas: three"
                                       << R"(web.yaml:7:13: spec.replicas: expected an integer, got "three")";
        QTest::newRow("replicas quoted") << "replicas: 3" << "replicas: \"3\""
                                         << R"(web.yaml:7:13: spec.replicas: expected an integer, got "3")";
        QTest::newRow("image number") << "image: nginx:1.25" << "image: 1.25"
                                      << R"(web.yaml:16:16: spec.template.spec.containers[0].image: expected a string, got 1.25)";
        QTest::newRow("label bool") << "labels: {app: web}\nspec" << "labels: {app: yes}\nspec"
                                    << R"(web.yaml:5:17: metadata.labels[app]: expected a string, got yes)";
        QTest::newRow("bad quantity") << "memory: 64Mi" << "memory: 64MB"
                                      << "web.yaml:21:41: spec.template.spec.containers[0].resources.requests[memory]: "
                                         "quantities must match the regular expression "
                                         "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
        QTest::newRow("containers map") << "containers:\n      - name: nginx" << "containers:\n        name: nginx"
                                        << "web.yaml:15:9: spec.template.spec.containers: expected a list, got a map";
    }
    void reportsTypeErrorsAtTheValue()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, error);
        QString text = QString::fromUtf8(kDeployment);
        QVERIFY(text.contains(from));
        text.replace(text.indexOf(from), from.size(), to);
        auto r = load(text.toStdString() + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n", "web.yaml");
        QCOMPARE(errorsOf(r).value(0), error);
        QCOMPARE(kindsOf(r), QStringList{"ConfigMap/ok"});
    }

    void reportsValidationErrorsInTheApiServersWords()
    {
        // staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (RFC 1123 subdomain message).
        auto r = load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Config\n");
        QCOMPARE(errorsOf(r).size(), 1);
        QVERIFY2(errorsOf(r)[0].startsWith(R"(test.yaml:4:9: ConfigMap "My_Config" is invalid: metadata.name: Invalid value: "My_Config": a lowercase RFC 1123 subdomain must consist of)"),
                 qPrintable(errorsOf(r)[0]));
    }

    void syntaxErrorsStopOnlyTheirDocument()
    {
        auto r = load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
                      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [b}\n---\n"
                      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        QCOMPARE(kindsOf(r), (QStringList{"ConfigMap/a", "ConfigMap/c"}));
        QCOMPARE(r.errors.size(), std::size_t(1));
        QVERIFY(r.errors[0].line >= 7 && r.errors[0].line <= 8);
    }

    void loadsFoldersRecursivelyInNameOrder()
    {
        QTemporaryDir dir;
        const std::string cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %1}\n";
        auto cmNamed = [&](const char *name) { return QString::fromStdString(cm).arg(name).toStdString(); };
        writeFile(dir.filePath("b.yaml"), cmNamed("b"));
        writeFile(dir.filePath("a.yml"), cmNamed("a"));
        writeFile(dir.filePath("sub/c.json"), R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}})");
        writeFile(dir.filePath("notes.txt"), "not a manifest");
        writeFile(dir.filePath("empty.yaml"), "");
        auto r = ManifestLoader().loadPaths({dir.path().toStdString()});
        QCOMPARE(errorsOf(r), QStringList());
        QCOMPARE(kindsOf(r), (QStringList{"ConfigMap/a", "ConfigMap/b", "ConfigMap/c"}));
        QCOMPARE(r.files.size(), std::size_t(4));
    }

    void aMissingPathLosesNothingElse()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("ok.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
        auto r = ManifestLoader().loadPaths({dir.filePath("missing.yaml").toStdString(), dir.filePath("ok.yaml").toStdString()});
        QCOMPARE(kindsOf(r), QStringList{"Namespace/shop"});
        QCOMPARE(errorsOf(r), QStringList{dir.filePath("missing.yaml") + ": the path \"" + dir.filePath("missing.yaml") +
                                          "\" does not exist"});
    }

    void keepsSecretKeysButNotValues()
    {
        auto r = load("apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {password: cGFzcw==}\n"
                      "stringData: {user: admin}\n");
        auto s = std::dynamic_pointer_cast<Secret>(r.objects.at(0));
        QVERIFY(s);
        QCOMPARE(s->keys, (std::vector<std::string>{"password", "user"}));
    }

    void decodesPodDetails()
    {
        auto r = load(R"(apiVersion: v1
kind: Pod
metadata: {name: myapp-pod, labels: {app: myapp}}
spec:
  initContainers:
  - {name: init, image: busybox, command: [sh, -c, "sleep 2"]}
  - {name: proxy, image: envoy, restartPolicy: Always}
  containers:
  - name: myapp-container
    image: busybox
    command: ['sh', '-c', 'echo Hello Kubernetes! && sleep 3600']
    env:
    - {name: A, value: "1"}
    - name: B
      valueFrom: {configMapKeyRef: {name: cfg, key: b}}
    volumeMounts: [{name: shared, mountPath: /data}]
    readinessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 5}
  volumes:
  - {name: shared, emptyDir: {}}
  - {name: cfg, configMap: {name: cfg}}
  - {name: claim, persistentVolumeClaim: {claimName: data}}
  - {name: nfs, nfs: {server: x, path: /}}
  tolerations: [{key: dedicated, operator: Exists, effect: NoSchedule}]
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: cores, operator: Gt, values: ["2"]}]
)");
        QCOMPARE(errorsOf(r), QStringList());
        auto pod = std::dynamic_pointer_cast<Pod>(r.objects.at(0));
        QVERIFY(pod);
        QCOMPARE(pod->spec.initContainers.size(), std::size_t(2));
        QVERIFY(pod->spec.initContainers[1].isSidecar());
        const Container &c = pod->spec.containers.at(0);
        QCOMPARE(c.command.at(2), std::string("echo Hello Kubernetes! && sleep 3600"));
        QCOMPARE(int(c.env.at(1).source), int(EnvVar::Source::ConfigMapKey));
        QCOMPARE(c.readinessProbe->handler.port, IntOrString::fromInt(8080));
        QCOMPARE(c.readinessProbe->periodSeconds, 5);
        QCOMPARE(int(pod->spec.volumes.at(1).type), int(Volume::Type::ConfigMap));
        QCOMPARE(pod->spec.volumes.at(2).sourceName, std::string("data"));
        QCOMPARE(pod->spec.volumes.at(3).otherType, std::string("nfs"));
        QCOMPARE(pod->spec.tolerations.at(0).operator_, std::string("Exists"));
        QVERIFY(pod->spec.affinity->nodeAffinity->required->matches({{"cores", "4"}}, "n1"));
        QVERIFY(!pod->spec.affinity->nodeAffinity->required->matches({{"cores", "2"}}, "n1"));
    }
};

QTEST_APPLESS_MAIN(TestLoader)
#include "tst_loader.moc"
