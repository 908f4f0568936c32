#include "app/diagram_exporter.h"

#include "app/cluster_session.h"

#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSaveFile>
#include <QUrl>

#include <cmath>
#include <memory>

namespace podscape {

namespace {

// Rendered in tiles no larger than this, so a 4× picture of a large cluster stays within what
// a GPU texture can hold (16384 on most) and within memory per tile.
constexpr int kTilePixels = 4096;

QString localPath(const QString &path)
{
    return path.startsWith(QLatin1String("file:")) ? QUrl(path).toLocalFile() : path;
}

// "demo", "frontend-deployment.yaml, redis-master-service.yaml": what was opened, by name.
QString titleFor(const ClusterSession &session)
{
    QStringList names;
    for (const QString &file : session.files()) {
        QString local = localPath(file);
        while (local.size() > 1 && local.endsWith('/'))
            local.chop(1);
        QString name = QFileInfo(local).fileName();
        names.append(name.isEmpty() ? local : name);
    }
    return names.isEmpty() ? DiagramExporter::tr("Podscape") : names.join(QStringLiteral(", "));
}

QString subtitleFor(ClusterSession &session)
{
    return DiagramExporter::tr("Simulated Kubernetes v1.35 at t = %1 s · nodes: %2 · pods: %3 · Services: %4")
        .arg(session.virtualTime(), 0, 'f', 1)
        .arg(session.nodes()->rowCount())
        .arg(session.pods()->rowCount())
        .arg(session.services()->rowCount());
}

bool isCard(const QString &name)
{
    return name.startsWith(QLatin1String("pod:")) || name.startsWith(QLatin1String("node:")) ||
           name.startsWith(QLatin1String("service:"));
}

// The cards under `item`, in `scene`'s coordinates (before any scale).
void collectCards(QQuickItem *item, QQuickItem *scene, QHash<QString, QRectF> &out)
{
    for (QQuickItem *child : item->childItems()) {
        if (!child->isVisible())
            continue;
        if (isCard(child->objectName()))
            out.insert(child->objectName(), child->mapRectToItem(scene, QRectF(0, 0, child->width(), child->height())));
        collectCards(child, scene, out);
    }
}

QSize scenePixels(const QQuickItem &scene, int scale)
{
    return QSize(int(std::ceil(scene.width() * scale)), int(std::ceil(scene.height() * scale)));
}

// Draws the scene into `image` tile by tile: the window shows one tile's worth of the scaled
// scene at a time.
void renderTiles(QQuickWindow &window, QQuickItem &scene, int scale, QImage &image)
{
    const qreal dpr = window.effectiveDevicePixelRatio();
    scene.setTransformOrigin(QQuickItem::TopLeft);
    scene.setScale(scale / dpr);
    QPainter painter(&image);
    for (int top = 0; top < image.height(); top += kTilePixels) {
        for (int left = 0; left < image.width(); left += kTilePixels) {
            QRect tile(left, top, std::min(kTilePixels, image.width() - left),
                       std::min(kTilePixels, image.height() - top));
            window.resize(int(std::ceil(tile.width() / dpr)), int(std::ceil(tile.height() / dpr)));
            scene.setPosition(QPointF(-left / dpr, -top / dpr));
            QImage part = window.grabWindow();
            painter.drawImage(tile, part, QRect(QPoint(0, 0), tile.size()));
        }
    }
}

} // namespace

std::optional<DiagramExporter::Picture> DiagramExporter::render(ClusterSession &session, int scale, bool dark)
{
    // An engine of its own: its Theme singleton takes the picture's theme, not the window's.
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/Podscape/qml/ExportScene.qml")));
    QQuickWindow window; // declared before the scene, which must go first
    std::unique_ptr<QObject> root(component.createWithInitialProperties({
        {QStringLiteral("session"), QVariant::fromValue(&session)},
        {QStringLiteral("title"), titleFor(session)},
        {QStringLiteral("subtitle"), subtitleFor(session)},
        {QStringLiteral("dark"), dark},
    }));
    auto *scene = qobject_cast<QQuickItem *>(root.get());
    if (!scene) {
        setError(tr("cannot build the picture: %1").arg(component.errorString()));
        return std::nullopt;
    }
    scene->setParentItem(window.contentItem());
    // Layouts and positioners settle in the window's polish pass: let it run before measuring.
    window.resize(1, 1);
    window.grabWindow();

    Picture picture;
    collectCards(scene, scene, picture.items);
    for (QRectF &rect : picture.items)
        rect = QRectF(rect.topLeft() * scale, rect.size() * scale);
    picture.image = QImage(scenePixels(*scene, scale), QImage::Format_RGB32);
    if (picture.image.isNull()) {
        setError(
            tr("the picture is too large: %1 × %2 pixels").arg(scene->width() * scale).arg(scene->height() * scale));
        return std::nullopt;
    }
    renderTiles(window, *scene, scale, picture.image);
    setError({});
    return picture;
}

bool DiagramExporter::exportPng(ClusterSession *session, const QString &path, int scale, bool dark)
{
    if (!session || !isValidScale(scale)) {
        setError(tr("cannot export: no cluster, or a scale other than 1, 2 or 4"));
        return false;
    }
    std::optional<Picture> picture = render(*session, scale, dark);
    return picture && writePng(picture->image, localPath(path));
}

bool DiagramExporter::writePng(const QImage &image, const QString &path)
{
    // Written beside the target and renamed: a failed export leaves no half-written file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(tr("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        setError(tr("cannot write %1: %2").arg(path, writer.errorString()));
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        setError(tr("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    setError({});
    return true;
}

void DiagramExporter::setError(const QString &error)
{
    if (error == error_)
        return;
    error_ = error;
    emit errorStringChanged();
}

} // namespace podscape
