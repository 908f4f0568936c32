// `podscape validate FILES...`: load every document, print each error as file:line:col, then a
// summary of what loaded; exit 0 only if every document is valid.
#pragma once

#include "manifest/loader.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace podscape {

// The one-line summary:
// "files: 3, objects: 5 (ConfigMap: 2, Deployment: 3), not simulated: 1 (Role: 1), errors: 2".
QString loadSummary(const LoadResult &result);

int runValidate(const QStringList &paths, QTextStream &out, QTextStream &err);

}  // namespace podscape
