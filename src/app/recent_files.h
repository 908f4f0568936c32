// The sets of manifests opened lately (a set: the files or folders of one open), most recent
// first, kept in the user's settings so that the toolbar's "Open recent" menu survives a restart.
//
// Every call reads the settings again, so two windows open at once add to one list.
#pragma once

#include <QList>
#include <QStringList>
#include <QVariantMap>

namespace podscape {

class RecentFiles {
public:
    static constexpr int kLimit = 10;

    // The sets, most recent first.
    static QList<QStringList> sets();
    // Puts the set first, once (the same paths in any order are the same set), and keeps the
    // latest kLimit. Paths are made absolute; a set with a resource (":/...", the bundled demo)
    // is not remembered: there is no file to reopen.
    static void add(const QStringList &localPaths);
    static void clear();
    // What the menu shows of a set: {paths, label (the file names), detail (the full paths),
    // available (every path still exists)}.
    static QVariantMap describe(const QStringList &set);
};

} // namespace podscape
