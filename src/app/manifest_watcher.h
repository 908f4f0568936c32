// Watches the opened manifest files and folders and says, once per save, which files changed.
//
// Editors save by writing a temporary file and renaming it over the old one; the watched file is
// then gone from QFileSystemWatcher, so every path is added again after each change. The parent
// folder of each opened file is watched too, so a file that is deleted and written again is still
// seen. What changed is decided by content, not by the watcher's signals, which come several
// times per save (and for unrelated files in a watched folder).
#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <map>

namespace podscape {

class ManifestWatcher : public QObject {
    Q_OBJECT

public:
    // Long enough for an editor's write-then-rename to be one change, short enough to feel live.
    static constexpr int kDebounceMs = 400;

    explicit ManifestWatcher(QObject *parent = nullptr);

    // Local files and folders (read recursively for .yaml, .yml and .json, as the loader does);
    // resources (":/...") never change and are skipped. An empty list stops watching.
    void watch(const QStringList &paths);
    // What is on disk now counts as seen: a reload the user asked for is not reported again.
    void acknowledge();

signals:
    void changed(const QStringList &modified, const QStringList &added, const QStringList &removed);

private:
    using Snapshot = std::map<QString, QByteArray>; // manifest file -> hash of its content

    Snapshot scan() const;
    void rewatch(const Snapshot &files);
    Snapshot rescan(); // renews the watches and reads the files
    void check();

    QFileSystemWatcher watcher_;
    QTimer debounce_;
    QStringList roots_;
    Snapshot seen_;
    QSet<QString> touched_; // files the watcher reported since the last check
};

} // namespace podscape
