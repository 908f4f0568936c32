// The service model: type, ClusterIP, ports, selector, DNS name and the endpoint rows, which
// turn ready as the pods pass their readiness probes.
#include "app/cluster_session.h"
#include "app/service_model.h"
#include "sim/simulation.h"

#include <QSignalSpy>
#include <QtTest>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

QModelIndex webService(const ServiceModel &model)
{
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.index(i).data(ServiceModel::KeyRole).toString() == QLatin1String("default/web"))
            return model.index(i);
    return {};
}

} // namespace

class TestServiceModel : public QObject {
    Q_OBJECT

private slots:
    void theWebService()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        QModelIndex web = webService(*session.services());
        QVERIFY(web.isValid());
        QCOMPARE(web.data(ServiceModel::TypeRole).toString(), QStringLiteral("ClusterIP"));
        QVERIFY(web.data(ServiceModel::ClusterIpRole).toString().startsWith(QLatin1String("10.")));
        QCOMPARE(web.data(ServiceModel::SelectorRole).toString(), QStringLiteral("app=web"));
        QCOMPARE(web.data(ServiceModel::DnsRole).toString(), QStringLiteral("web.default.svc.cluster.local"));
        QCOMPARE(web.data(ServiceModel::PortsRole).toStringList(), QStringList{QStringLiteral("http 80 → http/TCP")});
    }

    void endpointsTurnReady()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(5); // running, readiness not yet probed
        QModelIndex web = webService(*session.services());
        QCOMPARE(web.data(ServiceModel::ReadyCountRole).toInt(), 0);
        session.advanceTo(30);
        web = webService(*session.services());
        QCOMPARE(web.data(ServiceModel::ReadyCountRole).toInt(), 3);
        QVariantList endpoints = web.data(ServiceModel::EndpointsRole).toList();
        QCOMPARE(endpoints.size(), 3);
        for (const QVariant &e : endpoints) {
            QVERIFY(e.toMap()["address"].toString().endsWith(QLatin1String(":80")));
            QVERIFY(e.toMap()["ready"].toBool());
        }
    }

    void backingPodsAndTheirHighlight()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        QStringList web = webService(*session.services()).data(ServiceModel::BackingPodsRole).toStringList();
        QCOMPARE(web.size(), 3);
        for (const QString &key : web)
            QVERIFY(key.startsWith(QLatin1String("default/web-")));
        QSignalSpy lit(&session, &ClusterSession::highlightedPodsChanged);
        session.setSelectedService("default/web");
        QCOMPARE(session.highlightedPods(), web);
        QCOMPARE(lit.count(), 1);
        session.setSelectedService(QString());
        QVERIFY(session.highlightedPods().isEmpty());
    }

    // The endpoints controller writes no object, so the model must notice its changes another
    // way: at every frame the rows match what the controller holds.
    void followsTheEndpointsControllerFrameByFrame()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        for (double t = 0.5; t <= 30; t += 0.5) {
            session.advanceTo(t);
            ServiceEndpoints truth = session.simulation()->endpoints().endpointsOf("default", "web");
            QModelIndex web = webService(*session.services());
            QCOMPARE(web.data(ServiceModel::ReadyCountRole).toInt(), int(truth.ready.size()));
            QCOMPARE(web.data(ServiceModel::EndpointsRole).toList().size(),
                     int(truth.ready.size() + truth.notReady.size()));
        }
    }

    // kube-proxy and CoreDNS pick up every endpoints change of the Service; an Ingress
    // controller only when an Ingress routes to it.
    void consumersLightUpPerService()
    {
        QTemporaryDir dir;
        QFile ingress(dir.filePath("ingress.yaml"));
        QVERIFY(ingress.open(QIODevice::WriteOnly));
        ingress.write("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n"
                      "  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n"
                      "        backend:\n          service:\n            name: web\n            port:\n"
                      "              number: 80\n");
        ingress.close();
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(1);
        QModelIndex web = webService(*session.services());
        QVERIFY(web.isValid());
        // By now the pods have IPs and are listed not ready: one change each.
        QCOMPARE(web.data(ServiceModel::KubeProxyStepsRole).toInt(), 3);
        QVERIFY(!web.data(ServiceModel::HasIngressRole).toBool());

        QSignalSpy changed(session.services(), &QAbstractItemModel::dataChanged);
        session.advanceTo(30);
        web = webService(*session.services());
        // Three pods each added not ready, then turned ready: six changes.
        QCOMPARE(web.data(ServiceModel::KubeProxyStepsRole).toInt(), 6);
        QCOMPARE(web.data(ServiceModel::CoreDnsStepsRole).toInt(), 6);
        QCOMPARE(web.data(ServiceModel::IngressStepsRole).toInt(), 0);
        QVERIFY(!changed.isEmpty()); // the view learns of it through dataChanged

        ClusterSession withIngress;
        QVERIFY(withIngress.open({kDemo, dir.path()}));
        withIngress.advanceTo(30);
        web = webService(*withIngress.services());
        QVERIFY(web.data(ServiceModel::HasIngressRole).toBool());
        QCOMPARE(web.data(ServiceModel::IngressStepsRole).toInt(), 6);
    }
};

QTEST_GUILESS_MAIN(TestServiceModel)
#include "tst_service_model.moc"
