#include "app/manifest_watcher.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace podscape {

namespace {

QByteArray contentHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {}; // unreadable: the loader reports it; a later readable version counts as a change
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(&file);
    return hash.result();
}

// The loader's folder walk (std::filesystem::recursive_directory_iterator): hidden files too.
QStringList manifestsUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, {"*.yaml", "*.yml", "*.json"}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

QStringList foldersUnder(const QString &dir)
{
    QStringList folders{dir};
    QDirIterator it(dir, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        folders.append(it.next());
    return folders;
}

} // namespace

ManifestWatcher::ManifestWatcher(QObject *parent) : QObject(parent)
{
    debounce_.setSingleShot(true);
    debounce_.setInterval(kDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, &ManifestWatcher::check);
    connect(&watcher_, &QFileSystemWatcher::fileChanged, this, [this](const QString &file) {
        touched_.insert(file);
        debounce_.start();
    });
    connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, [this] { debounce_.start(); });
}

void ManifestWatcher::watch(const QStringList &paths)
{
    roots_.clear();
    for (const QString &path : paths)
        if (!path.startsWith(':'))
            roots_.append(QFileInfo(path).absoluteFilePath());
    acknowledge();
}

void ManifestWatcher::acknowledge()
{
    debounce_.stop();
    seen_ = rescan();
}

ManifestWatcher::Snapshot ManifestWatcher::scan() const
{
    Snapshot files;
    for (const QString &root : roots_) {
        QFileInfo info(root);
        if (info.isDir()) {
            for (const QString &file : manifestsUnder(root))
                files[file] = contentHash(file);
        } else if (info.exists()) {
            files[root] = contentHash(root); // named on purpose: whatever its extension
        }
    }
    return files;
}

// Watches every file and folder that should be, again: a renamed-over file left the watcher.
void ManifestWatcher::rewatch(const Snapshot &files)
{
    QSet<QString> wanted;
    for (const auto &entry : files)
        wanted.insert(entry.first);
    for (const QString &root : roots_) {
        QFileInfo info(root);
        if (info.isDir())
            for (const QString &folder : foldersUnder(root))
                wanted.insert(folder);
        else if (info.dir().exists())
            wanted.insert(info.absolutePath()); // sees the file come back after a delete
    }
    QStringList stale;
    for (const QString &path : watcher_.files() + watcher_.directories())
        if (!wanted.remove(path))
            stale.append(path);
    if (!stale.isEmpty())
        watcher_.removePaths(stale);
    if (!wanted.isEmpty())
        watcher_.addPaths(wanted.values());
}

ManifestWatcher::Snapshot ManifestWatcher::rescan()
{
    // A file written by rename is a new inode: its old watch, if Qt kept it, sees nothing more.
    QStringList renewed;
    for (const QString &file : std::as_const(touched_))
        if (watcher_.files().contains(file))
            renewed.append(file);
    touched_.clear();
    if (!renewed.isEmpty())
        watcher_.removePaths(renewed);
    Snapshot now = scan();
    rewatch(now);
    return now;
}

void ManifestWatcher::check()
{
    Snapshot now = rescan();
    QStringList modified, added, removed;
    for (const auto &[file, hash] : now) {
        auto before = seen_.find(file);
        if (before == seen_.end())
            added.append(file);
        else if (before->second != hash)
            modified.append(file);
    }
    for (const auto &entry : seen_)
        if (!now.count(entry.first))
            removed.append(entry.first);
    seen_ = std::move(now);
    if (!modified.isEmpty() || !added.isEmpty() || !removed.isEmpty())
        emit changed(modified, added, removed);
}

} // namespace podscape
