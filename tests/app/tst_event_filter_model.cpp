// The event log's filter: text in the type, reason, object or message, and warnings only; rows
// that arrive later are filtered as they come.
#include "app/cluster_session.h"
#include "app/event_filter_model.h"

#include <QtTest>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out.append(model.index(i, 0).data(role).toString());
    return out;
}

} // namespace

class TestEventFilterModel : public QObject {
    Q_OBJECT

private slots:
    void everythingWithoutAFilter()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        EventFilterModel filter;
        filter.setSourceModel(session.events());
        session.advanceTo(30);
        QCOMPARE(filter.rowCount(), session.events()->rowCount());
    }

    void warningsOnly()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        EventFilterModel filter;
        filter.setSourceModel(session.events());
        filter.setWarningsOnly(true);
        session.advanceTo(30); // rows arriving after the filter was set are filtered too
        QVERIFY(filter.rowCount() > 0);
        for (const QString &type : column(filter, EventModel::TypeRole))
            QCOMPARE(type, QStringLiteral("Warning"));
        QVERIFY(column(filter, EventModel::ReasonRole).contains(QStringLiteral("FailedScheduling")));
    }

    void textMatchesObjectAndMessage()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        EventFilterModel filter;
        filter.setSourceModel(session.events());
        filter.setText(QStringLiteral("MYAPP-POD")); // case does not matter
        QVERIFY(filter.rowCount() > 0);
        for (const QString &object : column(filter, EventModel::ObjectRole))
            QCOMPARE(object, QStringLiteral("pod/myapp-pod"));
        filter.setText(QStringLiteral("busybox")); // in the Pulling / Pulled messages
        QVERIFY(filter.rowCount() > 0);
        for (const QString &message : column(filter, EventModel::MessageRole))
            QVERIFY(message.contains(QLatin1String("busybox")));
        filter.setText(QString());
        QCOMPARE(filter.rowCount(), session.events()->rowCount());
    }
};

QTEST_GUILESS_MAIN(TestEventFilterModel)
#include "tst_event_filter_model.moc"
