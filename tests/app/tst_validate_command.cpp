// `podscape validate`: exit status, one error per line as file:line:col, and the summary line.
#include "app/validate_command.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace podscape;

class TestValidateCommand : public QObject {
    Q_OBJECT

    struct Run {
        int code;
        QString out;
        QString err;
    };

    Run validate(const QStringList &paths)
    {
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        int code = runValidate(paths, outStream, errStream);
        return {code, out, err};
    }

    QString write(QTemporaryDir &dir, const QString &name, const std::string &content)
    {
        QString path = dir.filePath(name);
        std::ofstream(path.toStdString(), std::ios::binary) << content;
        return path;
    }

private slots:
    void validFilesExitZeroWithASummary()
    {
        QTemporaryDir dir;
        write(dir, "app.yaml",
              "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n---\n"
              "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n"
              "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\n");
        Run run = validate({dir.path()});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QStringLiteral("files: 1, objects: 2 (ConfigMap: 1, Service: 1), not simulated: 1 (Role: 1), errors: 0\n"));
    }

    void errorsExitOneEachOnItsOwnLine()
    {
        QTemporaryDir dir;
        QString path = write(dir, "web.yaml",
                             "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: three\n"
                             "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\n"
                             "---\nmetadata: {name: kindless}\n");
        Run run = validate({path});
        QCOMPARE(run.code, 1);
        QStringList lines = run.err.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], path + R"(:5:13: spec.replicas: expected an integer, got "three")");
        QCOMPARE(lines[1], path + R"(:11:1: Object 'Kind' is missing in '{"metadata":{"name":"kindless"}}')");
        QCOMPARE(run.out, QStringLiteral("files: 1, objects: 1 (ConfigMap: 1), errors: 2\n"));
    }
};

QTEST_GUILESS_MAIN(TestValidateCommand)
#include "tst_validate_command.moc"
