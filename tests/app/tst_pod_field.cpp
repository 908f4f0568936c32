// The zoomed-out field: a pointer over a pod's block finds that pod, anywhere in the layout
// (the queue lies at negative x), and the field takes the pointer only over a pod, so clicks
// between pods reach the node cards below it. What it draws is checked in tst_cluster_canvas.
#include "app/cluster_session.h"
#include "app/pod_field.h"
#include "app/pod_model.h"

#include <QtTest>

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

} // namespace

class TestPodField : public QObject {
    Q_OBJECT

private slots:
    // The demo at 30 s, and a field over it where the canvas puts one: at the layout's top-left.
    void init()
    {
        session_ = std::make_unique<ClusterSession>();
        QVERIFY(session_->open({kDemo}));
        session_->advanceTo(30);
        field_ = std::make_unique<PodField>();
        field_->setModel(session_->pods());
        field_->setPosition(session_->bounds().topLeft());
        field_->setSize(session_->bounds().size());
    }

    void findsThePodUnderThePointer()
    {
        ClusterSession &session = *session_;
        PodField &field = *field_;
        QVERIFY(session.pods()->rowCount() >= 5);
        for (const PodRow &row : session.pods()->rows()) {
            QPointF centre = row.rect.center() - field.position();
            QCOMPARE(field.podAt(centre), row.key);
            QVERIFY(field.contains(centre));
        }
        // The pending pod waits in the queue, left of x = 0.
        const PodRow *pending = session.pods()->find(QStringLiteral("default/analytics"));
        QVERIFY(pending && pending->rect.x() < 0);

        // A node's header has no pod: the field lets the pointer through to the node card.
        QRectF node = session.layout().nodeRect(QStringLiteral("worker-1"));
        QPointF header = QPointF(node.center().x(), node.top() + 10) - field.position();
        QCOMPARE(field.podAt(header), QString());
        QVERIFY(!field.contains(header));
    }

    void followsTheModel()
    {
        ClusterSession &session = *session_;
        PodField &field = *field_;
        const PodRow *bare = session.pods()->find(QStringLiteral("default/myapp-pod"));
        QVERIFY(bare);
        QPointF centre = bare->rect.center() - field.position();
        QVERIFY(session.deletePod(QStringLiteral("default/myapp-pod")));
        session.advanceTo(120);
        QVERIFY(!session.pods()->find(QStringLiteral("default/myapp-pod")));
        QVERIFY(field.podAt(centre) != QStringLiteral("default/myapp-pod"));
        field.setModel(nullptr);
        QCOMPARE(field.podAt(centre), QString());
    }

    // Far out, neighbours of one colour are one rectangle: down a column first, then across
    // columns of the same height. A different colour, or a gap of half a pixel or more, stays.
    void joinsNeighboursNarrowerThanTheGap()
    {
        const QColor green(Qt::green), red(Qt::red);
        // Two columns of three pods (80 x 40, 16 apart both ways); the last pod of the second
        // column is red.
        std::vector<PodField::Block> pods;
        for (int column = 0; column < 2; ++column)
            for (int i = 0; i < 3; ++i)
                pods.push_back({QRectF(column * 96, i * 56, 80, 40), column == 1 && i == 2 ? red : green});

        QCOMPARE(PodField::merged(pods, 8).size(), pods.size()); // gaps of 16 are visible: nothing joins
        QCOMPARE(PodField::merged(pods, 0).size(), pods.size());

        auto joined = PodField::merged(pods, 32);
        std::sort(joined.begin(), joined.end(),
                  [](const auto &a, const auto &b) { return a.rect.left() < b.rect.left(); });
        QCOMPARE(joined.size(), std::size_t(3));
        QCOMPARE(joined[0].rect, QRectF(0, 0, 80, 152)); // the first column whole
        QCOMPARE(joined[0].color, green);
        QCOMPARE(joined[1].rect, QRectF(96, 0, 80, 96)); // the second column down to the red pod
        QCOMPARE(joined[2].rect, QRectF(96, 112, 80, 40));
        QCOMPARE(joined[2].color, red);

        // All green: the two columns span the same height and join across.
        pods.back().color = green;
        joined = PodField::merged(pods, 32);
        QCOMPARE(joined.size(), std::size_t(1));
        QCOMPARE(joined[0].rect, QRectF(0, 0, 176, 152));
    }

private:
    // The field goes first: it watches the session's model.
    std::unique_ptr<ClusterSession> session_;
    std::unique_ptr<PodField> field_;
};

QTEST_MAIN(TestPodField)
#include "tst_pod_field.moc"
