// `podscape simulate FILES... [--until 120s] [--seed N] [-n NAMESPACE] [--actions FILE] [-o json|text]`
#pragma once

#include <QStringList>
#include <QTextStream>

namespace podscape {

int runSimulate(const QStringList &args, QTextStream &out, QTextStream &err);

}  // namespace podscape
