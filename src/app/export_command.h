// `podscape export FILES... -o out.png [--at 120s] [--scale 1|2|4] [--theme light|dark]
//  [--actions FILE] [-n NAMESPACE] [--seed N]`: the GUI's picture of the cluster, headless.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace podscape {

// The whole command: picks a platform and renderer that need no display, then runs runExport.
int runExportMain(int argc, char **argv);

// Needs a QGuiApplication. 0 when the PNG is written and the input was clean; 1 when it cannot
// be written (the path and the reason on `err`) or the input had errors (file:line:col on `err`,
// the picture of what loaded still written); 2 for a bad command line.
int runExport(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace podscape
