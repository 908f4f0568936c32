// Real manifests written by other projects (../shared/corpora): every file loads into objects or
// into precise errors for the documents that are wrong, never a crash, and the rest still loads.
#include "manifest/loader.h"

#include <QDirIterator>
#include <QtTest>

#include <map>

using namespace podscape;

namespace {

const QString kCorpora = QStringLiteral(PODSCAPE_CORPORA_DIR);

// Every error the corpora must give, by file (relative to the corpora folder), as the start of
// "line:column: message". Each one is a
// real defect of the input: an API version Kubernetes v1.35 no longer serves, a key written
// twice (kubectl: `mapping key "x" already defined at line N`), `{{ }}` template placeholders
// that YAML reads as maps, or a file that is not a Kubernetes object at all.
std::map<QString, QStringList> expectedErrors()
{
    std::map<QString, QStringList> expected = {
    {"kubernetes-examples/_archived/cloud-controller-manager/persistent-volume-label-initializer-config.yaml",
     {"2:13: no matches for kind \"InitializerConfiguration\" in version \"admissionregistration.k8s.io/v1alpha1\""}},
    {"kubernetes-examples/_archived/cockroachdb/cockroachdb-statefulset.yaml",
     {"57:13: no matches for kind \"PodDisruptionBudget\" in version \"policy/v1beta1\""}},
    {"kubernetes-examples/_archived/newrelic/newrelic-config-template.yaml",
     {"7:11: data[config]: expected a string, got a map"}},
    {"kubernetes-examples/_archived/newrelic-infrastructure/newrelic-config-template.yaml",
     {"7:11: data[config]: expected a string, got a map"}},
    {"kubernetes-examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml",
     {"1:13: no matches for kind \"DaemonSet\" in version \"extensions/v1beta1\""}},
    {"kubernetes-examples/_archived/openshift-origin/etcd-controller.yaml",
     {"12:3: yaml: mapping key \"selector\" already defined at line 6"}},
    {"kubernetes-examples/_archived/openshift-origin/etcd-discovery-controller.yaml",
     {"12:3: yaml: mapping key \"selector\" already defined at line 6"}},
    {"kubernetes-examples/_archived/openshift-origin/openshift-controller.yaml",
     {"12:3: yaml: mapping key \"selector\" already defined at line 8"}},
    {"kubernetes-examples/_archived/persistent-volume-provisioning/quobyte/quobyte-admin-secret.yaml",
     {"9:1: yaml: mapping key \"type\" already defined at line 5"}},
    {"kubernetes-examples/_archived/podsecuritypolicy/rbac/policies.yaml",
     {"1:13: no matches for kind \"PodSecurityPolicy\" in version \"policy/v1beta1\"",
      "26:13: no matches for kind \"PodSecurityPolicy\" in version \"policy/v1beta1\""}},
    {"kubernetes-examples/_archived/scheduler-policy/scheduler-policy-config-with-extender.json",
     {"3:16: no matches for kind \"Policy\" in version \"v1\""}},
    {"kubernetes-examples/_archived/scheduler-policy/scheduler-policy-config.json",
     {"3:17: no matches for kind \"Policy\" in version \"v1\""}},
    {"kubernetes-examples/_archived/storage/vitess/etcd-controller-template.yaml",
     {"6:13: spec.replicas: expected an integer, got a map",
      "11:15: spec.template.metadata.labels[cell]: expected a string, got a map"}},
    {"kubernetes-examples/_archived/storage/vitess/etcd-service-template.yaml",
     {"7:11: metadata.labels[cell]: expected a string, got a map", "14:11: spec.selector[cell]: expected a string, got a map"}},
    {"kubernetes-examples/_archived/storage/vitess/vtgate-controller-template.yaml",
     {"6:13: spec.replicas: expected an integer, got a map"}},
    {"kubernetes-examples/_archived/storage/vitess/vttablet-pod-template.yaml",
     {"4:9: Pod \"vttablet-{{uid}}\" is invalid: metadata.name: Invalid value: \"vttablet-{{uid}}\": a lowercase RFC 1123 subdomain",
      "6:5: Pod \"vttablet-{{uid}}\" is invalid: metadata.labels: Invalid value: \"{{keyspace}}\"",
      "6:5: Pod \"vttablet-{{uid}}\" is invalid: metadata.labels: Invalid value: \"{{shard_label}}\"",
      "6:5: Pod \"vttablet-{{uid}}\" is invalid: metadata.labels: Invalid value: \"{{alias}}\""}},
    {"kubernetes-examples/_archived/sysdig-cloud/sysdig-rc.yaml",
     {"10:3: ReplicationController \"sysdig-agent\" is invalid: spec.selector: Required value"}},
    // core/validation: protocols are case-sensitive.
    {"kubernetes-examples/_archived/volumes/aws_ebs/aws-ebs-web.yaml",
     {"12:21: Pod \"aws-web\" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: \"tcp\": "
      "supported values: \"SCTP\", \"TCP\", \"UDP\""}},
    {"kubernetes-examples/_archived/volumes/cinder/cinder-web.yaml",
     {"12:21: Pod \"cinder-web\" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: \"tcp\": "
      "supported values: \"SCTP\", \"TCP\", \"UDP\""}},
    {"kubernetes-examples/databases/cassandra/image/files/cassandra.yaml",
     {"10:1: Object 'Kind' is missing in '{\"authenticator\":\"AllowAllAuthenticator\""}},
    {"kubernetes-examples/databases/cassandra/java/src/test/resources/cassandra.yaml",
     {"18:1: Object 'Kind' is missing in '{\"cluster_name\":\"Test Cluster\""}},
    {"kubernetes-examples/_archived/volumes/flexvolume/deploy/ds.yaml",
     {"1:13: no matches for kind \"DaemonSet\" in version \"extensions/v1beta1\""}},
    {"kubernetes-examples/_archived/volumes/scaleio/sc-pvc.yaml",
     {"12:3: yaml: mapping key \"storageClassName\" already defined at line 6"}},
    };
    const QString azure = "kubernetes-examples/_archived/volumes/azure_disk/claim/";
    for (const char *sc : {"blob-based-disk/account-specified-hdd/storageclass-account-hdd.yaml",
                           "blob-based-disk/dedicated-hdd/storageclass-dedicated-hdd.yaml",
                           "blob-based-disk/shared-hdd/storageclass-shared-hdd.yaml",
                           "blob-based-disk/shared-ssd/storageclass-shared-ssd.yaml",
                           "managed-disk/managed-hdd/storageclass-managed-hdd.yaml",
                           "managed-disk/managed-ssd/storageclass-managed-ssd.yaml"})
        expected[azure + sc] = {"2:13: no matches for kind \"StorageClass\" in version \"storage.k8s.io/v1beta1\""};
    return expected;
}

QStringList corpusFiles()
{
    QStringList files;
    QDirIterator it(kCorpora, {"*.yaml", "*.yml", "*.json"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(kCorpora).relativeFilePath(it.next());
    files.sort();
    return files;
}

}  // namespace

class TestCorpora : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QDir(kCorpora).exists(), qPrintable(kCorpora)); }

    void everyFileLoadsOrGivesItsKnownErrors_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : corpusFiles())
            QTest::newRow(qPrintable(f)) << f;
    }
    void everyFileLoadsOrGivesItsKnownErrors()
    {
        QFETCH(QString, file);
        LoadResult r = ManifestLoader().loadPaths({(kCorpora + '/' + file).toStdString()});
        QStringList errors;
        for (const Diagnostic &e : r.errors) {
            QVERIFY2(e.line >= 1 && e.column >= 1, e.toString().c_str());
            errors << QStringLiteral("%1:%2: %3").arg(e.line).arg(e.column).arg(QString::fromStdString(e.message));
        }
        static const auto all = expectedErrors();
        auto it = all.find(file);
        QStringList expected = it == all.end() ? QStringList() : it->second;
        QCOMPARE(errors.size(), expected.size());
        for (int i = 0; i < errors.size(); ++i)
            QVERIFY2(errors[i].startsWith(expected[i]), qPrintable(errors[i]));
        for (const auto &obj : r.objects)
            QVERIFY(obj->source.line >= 1);
    }

    void cassandraConfigIsNotAKubernetesObject()
    {
        const QString file = "kubernetes-examples/databases/cassandra/java/src/test/resources/cassandra.yaml";
        LoadResult r = ManifestLoader().loadPaths({(kCorpora + '/' + file).toStdString()});
        QCOMPARE(r.errors.size(), std::size_t(1));
        QVERIFY(r.errors[0].message.starts_with("Object 'Kind' is missing in '{\"cluster_name\":\"Test Cluster\""));
        QVERIFY(r.errors[0].message.ends_with("...'"));
    }

    void bundlesLoadWhole_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("objects");
        QTest::addColumn<QString>("someKind");
        QTest::newRow("argo-cd") << "argo-cd/manifests/install.yaml" << 59 << "Deployment";
        QTest::newRow("ingress-nginx") << "ingress-nginx/deploy/static/provider/cloud/deploy.yaml" << 19 << "Job";
        QTest::newRow("flannel") << "flannel/Documentation/kube-flannel.yml" << 6 << "DaemonSet";
    }
    void bundlesLoadWhole()
    {
        QFETCH(QString, file);
        QFETCH(int, objects);
        QFETCH(QString, someKind);
        LoadResult r = ManifestLoader().loadPaths({(kCorpora + '/' + file).toStdString()});
        QCOMPARE(r.errors.size(), std::size_t(0));
        QCOMPARE(int(r.objects.size()), objects);
        bool found = std::any_of(r.objects.begin(), r.objects.end(),
                                 [&](const ObjectPtr &o) { return o->kind == someKind.toStdString() && o->isSimulated(); });
        QVERIFY(found);
    }

    void theWholeCorpusLoadsAtOnce()
    {
        LoadResult r = ManifestLoader().loadPaths({kCorpora.toStdString()});
        QVERIFY(r.objects.size() > 300);
        QVERIFY(r.errors.size() >= 20);
        QCOMPARE(int(r.files.size()), int(corpusFiles().size()));
    }
};

QTEST_APPLESS_MAIN(TestCorpora)
#include "tst_corpora.moc"
