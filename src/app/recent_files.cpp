#include "app/recent_files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace podscape {

namespace {

const QString kGroup = QStringLiteral("recentFiles");
const QString kPaths = QStringLiteral("paths");
constexpr int kNamesShown = 3;

QStringList sorted(QStringList paths)
{
    paths.sort();
    return paths;
}

void write(const QList<QStringList> &sets)
{
    QSettings settings;
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup, int(sets.size()));
    for (int i = 0; i < sets.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(kPaths, sets[i]);
    }
    settings.endArray();
}

} // namespace

QList<QStringList> RecentFiles::sets()
{
    QSettings settings;
    QList<QStringList> out;
    int size = settings.beginReadArray(kGroup);
    for (int i = 0; i < size && out.size() < kLimit; ++i) {
        settings.setArrayIndex(i);
        QStringList paths = settings.value(kPaths).toStringList();
        if (!paths.isEmpty())
            out.append(paths);
    }
    settings.endArray();
    return out;
}

void RecentFiles::add(const QStringList &localPaths)
{
    QStringList set;
    for (const QString &path : localPaths) {
        if (path.startsWith(':'))
            return;
        set.append(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    }
    if (set.isEmpty())
        return;
    QList<QStringList> all = sets();
    all.removeIf([key = sorted(set)](const QStringList &s) { return sorted(s) == key; });
    all.prepend(set);
    write(all.mid(0, kLimit));
}

void RecentFiles::clear()
{
    write({});
}

QVariantMap RecentFiles::describe(const QStringList &set)
{
    QStringList names;
    bool available = true;
    for (const QString &path : set) {
        QFileInfo info(path);
        available = available && info.exists();
        QString name = info.fileName().isEmpty() ? path : info.fileName();
        names.append(info.isDir() ? name + '/' : name);
    }
    QString label = names.mid(0, kNamesShown).join(QStringLiteral(", "));
    if (names.size() > kNamesShown)
        label = QCoreApplication::translate("RecentFiles", "%1 and %n more", nullptr, int(names.size() - kNamesShown))
                    .arg(label);
    return {{QStringLiteral("paths"), set},
            {QStringLiteral("label"), label},
            {QStringLiteral("detail"), set.join('\n')},
            {QStringLiteral("available"), available}};
}

} // namespace podscape
