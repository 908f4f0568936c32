// The event log model: rows like `kubectl get events`, appended as events happen, cut back to
// the shared prefix when a replay steps back.
#include "app/cluster_session.h"
#include "app/event_model.h"

#include <QSignalSpy>
#include <QtTest>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

} // namespace

class TestEventModel : public QObject {
    Q_OBJECT

private slots:
    void rowsLikeKubectl()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        session.advanceTo(30);
        const EventModel &events = *session.events();
        QVERIFY(events.rowCount() > 10);
        bool sawScheduled = false, sawFailedScheduling = false;
        for (int i = 0; i < events.rowCount(); ++i) {
            QModelIndex row = events.index(i);
            QString reason = row.data(EventModel::ReasonRole).toString();
            if (reason == QLatin1String("Scheduled") &&
                row.data(EventModel::ObjectRole) == QLatin1String("pod/myapp-pod")) {
                sawScheduled = true;
                QCOMPARE(row.data(EventModel::TypeRole).toString(), QStringLiteral("Normal"));
                QCOMPARE(row.data(EventModel::ObjectKeyRole).toString(), QStringLiteral("default/myapp-pod"));
                QVERIFY(row.data(EventModel::MessageRole)
                            .toString()
                            .startsWith(QLatin1String("Successfully assigned default/myapp-pod to ")));
            }
            if (reason == QLatin1String("FailedScheduling")) {
                sawFailedScheduling = true;
                QCOMPARE(row.data(EventModel::TypeRole).toString(), QStringLiteral("Warning"));
            }
        }
        QVERIFY(sawScheduled);
        QVERIFY(sawFailedScheduling);
    }

    void appendsThenCutsBackOnReplay()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        QSignalSpy inserted(session.events(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(session.events(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(session.events(), &QAbstractItemModel::modelReset);
        for (int i = 0; i < 20; ++i)
            session.stepForward();
        QVERIFY(inserted.count() > 0);
        int rows = session.events()->rowCount();
        QString first = session.events()->index(0).data(EventModel::MessageRole).toString();
        session.stepBack();
        session.stepBack();
        QVERIFY(session.events()->rowCount() <= rows);
        QCOMPARE(session.events()->index(0).data(EventModel::MessageRole).toString(), first);
        QCOMPARE(resets.count(), 0);
        Q_UNUSED(removed);
    }
};

QTEST_GUILESS_MAIN(TestEventModel)
#include "tst_event_model.moc"
