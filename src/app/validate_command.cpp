#include "app/validate_command.h"

#include <QCoreApplication>

#include <map>

namespace podscape {

namespace {

QString kindCounts(const std::map<std::string, int> &counts)
{
    QStringList parts;
    for (const auto &[kind, count] : counts)
        parts << QStringLiteral("%1 %2").arg(count).arg(QString::fromStdString(kind));
    return parts.join(QStringLiteral(", "));
}

}  // namespace

QString loadSummary(const LoadResult &result)
{
    std::map<std::string, int> simulated, notSimulated;
    for (const auto &obj : result.objects)
        ++(obj->isSimulated() ? simulated : notSimulated)[obj->kind];

    QString line = QCoreApplication::translate("ValidateCommand", "%n object(s)", nullptr,
                                               static_cast<int>(result.objects.size()));
    line += QCoreApplication::translate("ValidateCommand", " from %n file(s)", nullptr,
                                        static_cast<int>(result.files.size()));
    if (!simulated.empty())
        line += QStringLiteral(": ") + kindCounts(simulated);
    if (!notSimulated.empty())
        line += QStringLiteral("; ") + QCoreApplication::translate("ValidateCommand", "not simulated: %1")
                                           .arg(kindCounts(notSimulated));
    line += QStringLiteral("; ") + QCoreApplication::translate("ValidateCommand", "%n error(s)", nullptr,
                                                               static_cast<int>(result.errors.size()));
    return line;
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
