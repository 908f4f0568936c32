// ManifestDropArea (qml/): files dragged over the window show the overlay and open when dropped;
// a drag of anything else is refused and shows nothing. Real drag events are sent to a window,
// as the platform sends them: a QML-side drag cannot carry URLs.
#include "app/cluster_session.h"

#include <QMimeData>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <fstream>
#include <memory>

Q_IMPORT_QML_PLUGIN(PodscapePlugin)
Q_IMPORT_QML_PLUGIN(PodscapeClusterPlugin)

using namespace podscape;

namespace {

const char *kScene = R"(
import QtQuick
import Podscape
import Podscape.Cluster

Window {
    width: 600; height: 400
    property alias session: clusterSession
    ClusterSession { id: clusterSession; watchFiles: false }
    ManifestDropArea { anchors.fill: parent; session: clusterSession }
}
)";

} // namespace

class TestManifestDropArea : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        engine_ = std::make_unique<QQmlEngine>();
        engine_->addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(engine_.get());
        component.setData(kScene, QUrl());
        window_.reset(qobject_cast<QQuickWindow *>(component.create()));
        QVERIFY2(window_, qPrintable(component.errorString()));
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        session_ = qobject_cast<ClusterSession *>(window_->property("session").value<QObject *>());
        QVERIFY(session_);
        overlay_ = window_->findChild<QQuickItem *>("dropOverlay");
        QVERIFY(overlay_);
    }

    void cleanup()
    {
        window_.reset();
        engine_.reset();
    }

    void filesShowTheOverlayAndOpenWhenDropped()
    {
        QTemporaryDir dir;
        QString file = dir.filePath("app.yaml");
        std::ofstream(file.toStdString())
            << "apiVersion: v1\nkind: Pod\nmetadata: {name: dropped}\nspec: {containers: [{name: a, image: nginx}]}\n";
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file), QUrl::fromLocalFile(dir.filePath("notes.txt"))});
        QVERIFY(enter(mime));
        QVERIFY(overlay_->isVisible());
        QDropEvent drop(QPointF(300, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window_.get(), &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(!overlay_->isVisible());
        QCOMPARE(session_->files(), QStringList{file});
        session_->advanceTo(10);
        QVERIFY(session_->pods()->find("default/dropped"));
    }

    void otherDragsAreRefused()
    {
        QMimeData text;
        text.setText(QStringLiteral("apiVersion: v1"));
        QVERIFY(!enter(text));
        QVERIFY(!overlay_->isVisible());
        QMimeData web;
        web.setUrls({QUrl(QStringLiteral("https://example.com/app.yaml"))});
        QVERIFY(!enter(web));
        QVERIFY(!overlay_->isVisible());
        QVERIFY(session_->files().isEmpty());
    }

private:
    // A drag comes in over the middle of the window; true when it is accepted.
    bool enter(QMimeData &mime)
    {
        QDragEnterEvent event(QPoint(300, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window_.get(), &event);
        bool accepted = event.isAccepted();
        QDragLeaveEvent leave;
        if (!accepted)
            QCoreApplication::sendEvent(window_.get(), &leave);
        return accepted;
    }

    std::unique_ptr<QQmlEngine> engine_;
    std::unique_ptr<QQuickWindow> window_;
    ClusterSession *session_ = nullptr;
    QQuickItem *overlay_ = nullptr;
};

QTEST_MAIN(TestManifestDropArea)
#include "tst_manifest_drop_area.moc"
