// `podscape validate FILES...`: load every document, print each error as file:line:col, then a
// summary of what loaded; exit 0 only if every document is valid.
#pragma once

#include "manifest/loader.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace podscape {

// The one-line summary: "12 objects from 3 files: 2 ConfigMap, 3 Deployment; not simulated: ...; 2 errors".
QString loadSummary(const LoadResult &result);

int runValidate(const QStringList &paths, QTextStream &out, QTextStream &err);

}  // namespace podscape
