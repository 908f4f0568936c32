// The picture of a cluster for documentation: qml/ExportScene.qml (a title, a legend of the
// colours, the whole diagram at full detail and the Services with their endpoints) rendered
// offscreen for a ClusterSession and written as a PNG. The GUI's Export PNG calls it with the
// live session; `podscape export` with one it built from the files.
#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QRectF>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace podscape {

class ClusterSession;

class DiagramExporter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Why the last export failed, in words for the user (the path and the system's reason).
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    struct Picture {
        QImage image;
        // Every pod, node and Service card ("pod:ns/name", "node:name", "service:ns/name") in
        // the image's pixels, as they were laid out.
        QHash<QString, QRectF> items;
    };

    using QObject::QObject;

    static bool isValidScale(int scale) { return scale == 1 || scale == 2 || scale == 4; }

    // The session's current state as a picture at `scale` pixels per unit, in the light or dark
    // theme. Nothing (and errorString) when the scene cannot be built.
    std::optional<Picture> render(ClusterSession &session, int scale, bool dark);
    // Renders and writes `path` (a path or a file: URL). False, with errorString, when it cannot.
    Q_INVOKABLE bool exportPng(ClusterSession *session, const QString &path, int scale, bool dark);
    // Writes `image` to `path` as a PNG, whole or not at all.
    bool writePng(const QImage &image, const QString &path);

    QString errorString() const { return error_; }

signals:
    void errorStringChanged();

private:
    void setError(const QString &error);

    QString error_;
};

} // namespace podscape
