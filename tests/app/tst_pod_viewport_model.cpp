// The pods whose cards exist: those near the view. Everything with no viewport (a still
// picture), nothing when the field is shown, a margin around the view so panning a little
// creates and destroys no card.
#include "app/cluster_session.h"
#include "app/pod_model.h"
#include "app/pod_viewport_model.h"

#include <QSignalSpy>
#include <QtTest>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

QStringList keys(const PodViewportModel &model)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out.append(model.index(i, 0).data(PodModel::KeyRole).toString());
    return out;
}

} // namespace

class TestPodViewportModel : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        session_ = std::make_unique<ClusterSession>();
        QVERIFY(session_->open({kDemo}));
        session_->advanceTo(30);
    }

    void everythingWithoutAViewport()
    {
        PodViewportModel model;
        model.setPods(session_->pods());
        QCOMPARE(model.rowCount(), session_->pods()->rowCount());
        QCOMPARE(model.count(), session_->pods()->rowCount());
    }

    void onlyThePodsNearTheView()
    {
        PodViewportModel model;
        model.setEverywhere(false);
        model.setPods(session_->pods());
        // A view not laid out yet shows nothing.
        QCOMPARE(model.rowCount(), 0);
        const PodRow *bare = session_->pods()->find(QStringLiteral("default/myapp-pod"));
        QVERIFY(bare);
        model.setViewport(bare->rect);
        QStringList near = keys(model);
        QVERIFY(near.contains(bare->key));
        QVERIFY(near.size() < session_->pods()->rowCount());
        for (const QString &key : near)
            QVERIFY(session_->pods()->find(key)->rect.intersects(model.covered()));

        // Far away from everything: no card.
        model.setViewport(QRectF(1e6, 1e6, 800, 600));
        QCOMPARE(model.rowCount(), 0);
    }

    void panningALittleKeepsTheCards()
    {
        PodViewportModel model;
        model.setEverywhere(false);
        model.setPods(session_->pods());
        QRectF view = session_->layout().nodeRect(QStringLiteral("worker-1"));
        model.setViewport(view);
        QRectF covered = model.covered();
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setViewport(view.translated(view.width() * 0.2, 0));
        QCOMPARE(model.covered(), covered);
        QCOMPARE(removed.count() + inserted.count(), 0);
        // Far enough, the covered area follows the view.
        model.setViewport(view.translated(view.width() * 2, 0));
        QVERIFY(model.covered() != covered);
        QVERIFY(model.covered().contains(view.translated(view.width() * 2, 0)));
    }

    void noCardsWhileTheFieldIsShown()
    {
        PodViewportModel model;
        model.setPods(session_->pods());
        QCOMPARE(model.rowCount(), session_->pods()->rowCount());
        QSignalSpy count(&model, &PodViewportModel::countChanged);
        model.setShown(false);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(count.count() > 0);
        model.setShown(true);
        QCOMPARE(model.rowCount(), session_->pods()->rowCount());
    }

    // More pods near the view than cards can be made for smoothly: no cards, the field draws.
    void aCrowdedViewHasNoCards()
    {
        PodViewportModel model;
        model.setEverywhere(false);
        model.setPods(session_->pods());
        model.setViewport(session_->bounds());
        QVERIFY(!model.crowded());
        QCOMPARE(model.rowCount(), session_->pods()->rowCount());
        QSignalSpy crowded(&model, &PodViewportModel::crowdedChanged);
        model.setLimit(2);
        QVERIFY(model.crowded());
        QCOMPARE(crowded.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        // Zoomed in on one pod: few enough again.
        model.setViewport(session_->pods()->find(QStringLiteral("default/myapp-pod"))->rect.adjusted(10, 10, -10, -10));
        QVERIFY(!model.crowded());
        QVERIFY(keys(model).contains(QStringLiteral("default/myapp-pod")));
    }

    // Pods that arrive later appear in the model when they are near the view.
    void followsNewPods()
    {
        ClusterSession session;
        QVERIFY(session.open({kDemo}));
        PodViewportModel model;
        model.setEverywhere(false);
        model.setViewport(QRectF(-1e5, -1e5, 2e5, 2e5));
        model.setPods(session.pods());
        QCOMPARE(model.rowCount(), 0);
        session.advanceTo(30);
        QCOMPARE(model.rowCount(), session.pods()->rowCount());
        QVERIFY(model.rowCount() > 0);
    }

private:
    std::unique_ptr<ClusterSession> session_;
};

QTEST_MAIN(TestPodViewportModel)
#include "tst_pod_viewport_model.moc"
