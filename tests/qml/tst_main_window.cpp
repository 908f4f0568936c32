// The whole window (qml/Main.qml, as the binary loads it): it starts on the bundled demo and on
// every file of the corpora without a QML warning, and its keyboard shortcuts do what the README
// promises.
#include "app/cluster_session.h"
#include "sim/simulation.h"

#include <QDirIterator>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(PodscapePlugin)
Q_IMPORT_QML_PLUGIN(PodscapeClusterPlugin)

using namespace podscape;

namespace {

const QString kDemo = QStringLiteral(PODSCAPE_SOURCE_DIR "/resources/demo");

// Every warning the window prints while it runs.
QStringList g_warnings;
QtMessageHandler g_previousHandler = nullptr;

void recordWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg)
        g_warnings.append(message);
    g_previousHandler(type, context, message);
}

QStringList manifestFiles(const QString &root)
{
    QStringList files;
    QDirIterator it(root, {"*.yaml", "*.yml", "*.json"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { g_previousHandler = qInstallMessageHandler(recordWarnings); }
    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }
    void init() { g_warnings.clear(); }

    void startsOnTheDemoWithoutWarnings()
    {
        auto window = start({});
        QVERIFY(window);
        ClusterSession *session = sessionOf(window);
        QVERIFY(session);
        QVERIFY(session->isPlaying());
        QVERIFY(session->files().first().endsWith(QLatin1String("resources/demo")));
        // Let it play and draw for a while: bindings of the cards run as pods come up.
        session->advanceTo(40);
        QTest::qWait(300);
        QVERIFY(session->pods()->rowCount() >= 5);
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join('\n')));
    }

    // Each corpus file opened in the window and played for a minute of virtual time.
    void opensEveryCorpusFileWithoutWarnings()
    {
        auto window = start({kDemo});
        QVERIFY(window);
        ClusterSession *session = sessionOf(window);
        session->pause();
        const QStringList files = manifestFiles(QStringLiteral(PODSCAPE_CORPORA_DIR));
        QVERIFY(files.size() > 200);
        QStringList failures;
        for (const QString &file : files) {
            g_warnings.clear();
            session->open({file});
            session->advanceTo(60);
            session->setSelectedPod(session->pods()->rowCount() > 0 ? session->pods()->rows().front().key : QString());
            QTest::qWait(5);
            QCoreApplication::processEvents();
            if (!g_warnings.isEmpty())
                failures.append(file + QStringLiteral(":\n  ") + g_warnings.join(QStringLiteral("\n  ")));
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    }

    // A fresh start, as `podscape FILE`, on the biggest real applications.
    void startsOnRealApplications_data()
    {
        QTest::addColumn<QString>("path");
        const QString corpora = QStringLiteral(PODSCAPE_CORPORA_DIR);
        QTest::newRow("guestbook") << corpora + QStringLiteral("/kubernetes-examples/web/guestbook");
        QTest::newRow("argo-cd") << corpora + QStringLiteral("/argo-cd/manifests/install.yaml");
        QTest::newRow("ingress-nginx") << corpora + QStringLiteral("/ingress-nginx");
    }

    void startsOnRealApplications()
    {
        QFETCH(QString, path);
        QVERIFY(QFileInfo::exists(path));
        auto window = start({path});
        QVERIFY(window);
        ClusterSession *session = sessionOf(window);
        session->advanceTo(90);
        QTest::qWait(200);
        QVERIFY(session->pods()->rowCount() > 0);
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join('\n')));
    }

    // A selected Service is joined by a line to each pod behind its endpoints.
    void serviceLinesToBackingPods()
    {
        auto window = start({kDemo});
        QVERIFY(window);
        ClusterSession *session = sessionOf(window);
        session->pause();
        session->advanceTo(30);
        QObject *links = window->findChild<QObject *>(QStringLiteral("serviceLinks"));
        QVERIFY(links);
        QVERIFY(!links->property("visible").toBool());
        session->setSelectedService(QStringLiteral("default/web"));
        QVERIFY(links->property("visible").toBool());
        QTRY_COMPARE(links->property("drawn").toInt(), 3);
        session->setSelectedService(QString());
        QVERIFY(!links->property("visible").toBool());
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join('\n')));
    }

    void keyboardShortcuts()
    {
        auto window = start({kDemo});
        QVERIFY(window);
        ClusterSession *session = sessionOf(window);
        QQuickItem *canvas = window->findChild<QQuickItem *>(QStringLiteral("clusterCanvas"));
        QVERIFY(canvas);
        QVERIFY(session->isPlaying());

        QTest::keyClick(window.get(), Qt::Key_Space);
        QVERIFY(!session->isPlaying());
        QTest::keyClick(window.get(), Qt::Key_Space);
        QVERIFY(session->isPlaying());
        QTest::keyClick(window.get(), Qt::Key_Space);

        int before = session->stepCount();
        QTest::keyClick(window.get(), Qt::Key_Right);
        QVERIFY(session->stepCount() > before);
        int afterStep = session->stepCount();
        QTest::keyClick(window.get(), Qt::Key_Right);
        QTest::keyClick(window.get(), Qt::Key_Left);
        QCOMPARE(session->stepCount(), afterStep);
        QTest::keyClick(window.get(), Qt::Key_Home);
        QCOMPARE(session->stepCount(), 0);

        // Zoom in and out around the middle; F fits the whole cluster again.
        double fitted = canvas->property("zoom").toDouble();
        QTest::keyClick(window.get(), Qt::Key_Plus);
        QVERIFY(canvas->property("zoom").toDouble() > fitted);
        QTest::keyClick(window.get(), Qt::Key_Minus);
        QTest::keyClick(window.get(), Qt::Key_Minus);
        QVERIFY(canvas->property("zoom").toDouble() < fitted);
        QTest::keyClick(window.get(), Qt::Key_F);
        QTRY_COMPARE(canvas->property("zoom").toDouble(), fitted);

        // Delete evicts the selected pod; Escape clears the selection.
        session->advanceTo(30);
        session->setSelectedPod(QStringLiteral("default/myapp-pod"));
        QTest::keyClick(window.get(), Qt::Key_Delete);
        QVERIFY2(session->notice().contains(QLatin1String("myapp-pod")), qPrintable(session->notice()));
        QVERIFY(!session->simulation()->evictions().empty());
        QTest::keyClick(window.get(), Qt::Key_Escape);
        QVERIFY(session->selectedPod().isEmpty());

        // Ctrl+R applies the files again; Ctrl+O asks for files.
        QSignalSpy reloaded(session, &ClusterSession::filesChanged);
        QTest::keyClick(window.get(), Qt::Key_R, Qt::ControlModifier);
        QObject *dialog = window->findChild<QObject *>(QStringLiteral("openDialog"));
        QVERIFY(dialog);
        QVERIFY(!dialog->property("visible").toBool());
        QTest::keyClick(window.get(), Qt::Key_O, Qt::ControlModifier);
        QTRY_VERIFY(dialog->property("visible").toBool());
        QMetaObject::invokeMethod(dialog, "close");
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join('\n')));
    }

private:
    // The engine owns the window; the handle keeps the engine alive as long as the test needs it.
    struct Window {
        std::unique_ptr<QQmlApplicationEngine> engine;
        QQuickWindow *window = nullptr;
        QQuickWindow *get() const { return window; }
        QQuickWindow *operator->() const { return window; }
        explicit operator bool() const { return window != nullptr; }
    };

    static Window start(const QStringList &files)
    {
        Window w;
        w.engine = std::make_unique<QQmlApplicationEngine>();
        w.engine->addImportPath(QStringLiteral("qrc:/"));
        // No files: the bundled demo from the resources, as the binary opens it.
        QStringList initial = files.isEmpty() ? QStringList{QStringLiteral(":/Podscape/resources/demo")} : files;
        w.engine->setInitialProperties({{QStringLiteral("initialFiles"), initial}});
        w.engine->load(QUrl(QStringLiteral("qrc:/Podscape/qml/Main.qml")));
        if (w.engine->rootObjects().isEmpty())
            return w;
        w.window = qobject_cast<QQuickWindow *>(w.engine->rootObjects().first());
        if (w.window && !QTest::qWaitForWindowExposed(w.window))
            w.window = nullptr;
        return w;
    }

    static ClusterSession *sessionOf(const Window &w) { return w.window->findChild<ClusterSession *>(); }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
