// Export PNG: the picture's size follows the scale, the theme shows in its colours, every pod and
// Service of the demo is inside it and no two cards overlap, an unwritable path fails naming the
// path, bad input fails with file:line:col, and `podscape export` writes a PNG of the guestbook.
#include "app/cluster_session.h"
#include "app/diagram_exporter.h"
#include "app/export_command.h"

#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <fstream>

Q_IMPORT_QML_PLUGIN(PodscapePlugin)
Q_IMPORT_QML_PLUGIN(PodscapeClusterPlugin)

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");
const QString kGuestbook = QStringLiteral(PODSCAPE_CORPORA_DIR "/kubernetes-examples/web/guestbook");

// The mean grey level of the picture, from a sample grid.
double meanLevel(const QImage &image)
{
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7, ++n)
            sum += qGray(image.pixel(x, y));
    return sum / n;
}

QStringList keys(const QAbstractItemModel &model, const QByteArray &role)
{
    int r = model.roleNames().key(role);
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out.append(model.data(model.index(i, 0), r).toString());
    return out;
}

struct Run {
    int code = 0;
    QString out;
    QString err;
};

Run runExportCommand(const QStringList &args)
{
    Run run;
    QTextStream out(&run.out), err(&run.err);
    run.code = runExport(QStringList{QStringLiteral("podscape")} + args, out, err);
    return run;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

    ClusterSession demo_;
    DiagramExporter exporter_;
    QTemporaryDir dir_;

private slots:
    void initTestCase()
    {
        // What `podscape export` uses: no GPU, no display.
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        QVERIFY(demo_.open({kDemo}));
        demo_.advanceTo(120);
        QVERIFY(demo_.pods()->rowCount() > 0);
        QVERIFY(demo_.services()->rowCount() > 0);
    }

    void sizeFollowsScale()
    {
        auto one = exporter_.render(demo_, 1, false);
        QVERIFY2(one, qPrintable(exporter_.errorString()));
        QVERIFY(one->image.width() > 600 && one->image.height() > 300);
        for (int scale : {2, 4}) {
            auto picture = exporter_.render(demo_, scale, false);
            QVERIFY(picture);
            QCOMPARE(picture->image.size(), one->image.size() * scale);
        }
    }

    void themeShows()
    {
        auto light = exporter_.render(demo_, 1, false);
        auto dark = exporter_.render(demo_, 1, true);
        QVERIFY(light && dark);
        QVERIFY2(meanLevel(light->image) > 190, qPrintable(QString::number(meanLevel(light->image))));
        QVERIFY2(meanLevel(dark->image) < 80, qPrintable(QString::number(meanLevel(dark->image))));
        // The background, at the corner.
        QVERIFY(qGray(light->image.pixel(2, 2)) > 220);
        QVERIFY(qGray(dark->image.pixel(2, 2)) < 60);
    }

    void everyCardInsideAndApart()
    {
        auto picture = exporter_.render(demo_, 2, false);
        QVERIFY(picture);
        const QRectF frame(QPointF(0, 0), picture->image.size());
        QStringList expected;
        for (const QString &key : keys(*demo_.pods(), "key"))
            expected.append("pod:" + key);
        for (const QString &key : keys(*demo_.services(), "key"))
            expected.append("service:" + key);
        for (const QString &name : keys(*demo_.nodes(), "name"))
            expected.append("node:" + name);
        for (const QString &name : expected) {
            QVERIFY2(picture->items.contains(name), qPrintable(name));
            QVERIFY2(frame.contains(picture->items.value(name)), qPrintable(name));
        }
        // Pod cards do not overlap one another, and nothing overlaps a Service card.
        const QStringList names = picture->items.keys();
        for (const QString &a : names)
            for (const QString &b : names) {
                if (a >= b)
                    continue;
                bool bothPods = a.startsWith("pod:") && b.startsWith("pod:");
                bool aService = a.startsWith("service:") || b.startsWith("service:");
                if ((bothPods || aService) && picture->items[a].intersects(picture->items[b]))
                    QFAIL(qPrintable(a + " overlaps " + b));
            }
    }

    void unwritablePathFails()
    {
        const QString path = QStringLiteral("/nonexistent-dir/x.png");
        QVERIFY(!exporter_.exportPng(&demo_, path, 1, false));
        QVERIFY2(exporter_.errorString().contains(path), qPrintable(exporter_.errorString()));
        QVERIFY(!QFile::exists(path));

        Run run = runExportCommand({kDemo, "-o", path});
        QVERIFY(run.code != 0);
        QVERIFY2(run.err.contains(path) && run.err.contains("No such file or directory"), qPrintable(run.err));
    }

    void badInputGivesFileLineColumn()
    {
        const QString bad = dir_.filePath("bad.yaml");
        std::ofstream(bad.toStdString()) << "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n";
        Run run = runExportCommand({bad, "-o", dir_.filePath("bad.png")});
        QCOMPARE(run.code, 1);
        QVERIFY2(QRegularExpression("bad\\.yaml:\\d+:\\d+: ").match(run.err).hasMatch(), qPrintable(run.err));

        QCOMPARE(runExportCommand({kDemo, "-o", dir_.filePath("x.png"), "--scale", "3"}).code, 2);
        QCOMPARE(runExportCommand({kDemo, "-o", dir_.filePath("x.png"), "--at", "soon"}).code, 2);
        QCOMPARE(runExportCommand({kDemo}).code, 2); // no -o
    }

    void commandWritesGuestbook()
    {
        QStringList files;
        for (const QString &name : QDir(kGuestbook).entryList({"*.yaml"}, QDir::Files))
            files.append(QDir(kGuestbook).filePath(name));
        QVERIFY(files.size() >= 6);
        const QString out = dir_.filePath("guestbook.png");
        Run run = runExportCommand(files + QStringList{"-o", out, "--at", "1m", "--scale", "2", "--theme", "dark"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(out));
        QImage image(out, "png");
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 1000 && image.height() > 600);
        QVERIFY(meanLevel(image) < 80);
    }
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
