#include "app/validate_command.h"

#include <QCoreApplication>

#include <map>

namespace podscape {

namespace {

QString kindCounts(const std::map<std::string, int> &counts)
{
    QStringList parts;
    for (const auto &[kind, count] : counts)
        parts << QStringLiteral("%1: %2").arg(QString::fromStdString(kind)).arg(count);
    return parts.join(QStringLiteral(", "));
}

}  // namespace

QString loadSummary(const LoadResult &result)
{
    std::map<std::string, int> simulated, notSimulated;
    for (const auto &obj : result.objects)
        ++(obj->isSimulated() ? simulated : notSimulated)[obj->kind];
    int simulatedCount = static_cast<int>(result.objects.size());
    for (const auto &entry : notSimulated)
        simulatedCount -= entry.second;

    // "label: count" keeps the line grammatical in every language without plural forms.
    QStringList parts;
    parts << QCoreApplication::translate("ValidateCommand", "files: %1").arg(result.files.size());
    QString objects = QCoreApplication::translate("ValidateCommand", "objects: %1").arg(simulatedCount);
    if (!simulated.empty())
        objects += QStringLiteral(" (") + kindCounts(simulated) + QLatin1Char(')');
    parts << objects;
    if (!notSimulated.empty())
        parts << QCoreApplication::translate("ValidateCommand", "not simulated: %1 (%2)")
                     .arg(result.objects.size() - simulatedCount)
                     .arg(kindCounts(notSimulated));
    parts << QCoreApplication::translate("ValidateCommand", "errors: %1").arg(result.errors.size());
    return parts.join(QStringLiteral(", "));
}

int runValidate(const QStringList &paths, QTextStream &out, QTextStream &err)
{
    std::vector<std::string> files;
    for (const QString &p : paths)
        files.push_back(p.toStdString());
    LoadResult result = ManifestLoader().loadPaths(files);
    for (const Diagnostic &d : result.errors)
        err << QString::fromStdString(d.toString()) << '\n';
    err.flush();
    out << loadSummary(result) << '\n';
    out.flush();
    return result.errors.empty() ? 0 : 1;
}

}  // namespace podscape
