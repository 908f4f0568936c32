// The inspector's YAML view: what the user wrote, read back to the same tree (types included),
// laid out as kubectl prints objects, with a Secret's values masked.
#include "manifest/document_splitter.h"
#include "manifest/yaml_emitter.h"
#include "manifest/yaml_tree.h"

#include <QDirIterator>
#include <QtTest>

using namespace podscape;

namespace {

std::shared_ptr<yaml::Document> parseOk(std::string_view text)
{
    auto result = yaml::parseDocument(text, 1);
    if (auto *err = std::get_if<yaml::ParseError>(&result))
        qFatal("unexpected parse error %d:%d %s", err->line, err->column, err->message.c_str());
    return std::get<std::shared_ptr<yaml::Document>>(result);
}

// Same shape, same keys in the same order, same scalars with the same resolved types.
QString difference(const yaml::Node *a, const yaml::Node *b, const QString &path = QStringLiteral("$"))
{
    bool aNull = !a || a->isNull(), bNull = !b || b->isNull();
    if (aNull || bNull)
        return aNull == bNull ? QString() : path + QStringLiteral(": null on one side only");
    if (a->type != b->type)
        return path + QStringLiteral(": node type differs");
    if (a->isScalar()) {
        if (a->value != b->value)
            return path + QStringLiteral(": '%1' became '%2'")
                              .arg(QString::fromStdString(a->value), QString::fromStdString(b->value));
        bool aString = a->quoted || yaml::resolveScalar(*a) == yaml::ScalarKind::String;
        bool bString = b->quoted || yaml::resolveScalar(*b) == yaml::ScalarKind::String;
        if (aString != bString || (!aString && yaml::resolveScalar(*a) != yaml::resolveScalar(*b)))
            return path + QStringLiteral(": the scalar's type changed");
        return {};
    }
    if (a->children.size() != b->children.size())
        return path + QStringLiteral(": %1 children became %2").arg(a->children.size()).arg(b->children.size());
    for (std::size_t i = 0; i < a->children.size(); ++i) {
        QString sub = path + QStringLiteral("[%1]").arg(i);
        if (QString d = difference(a->children[i], b->children[i], sub); !d.isEmpty())
            return d;
    }
    return {};
}

} // namespace

class TestYamlEmitter : public QObject {
    Q_OBJECT

private slots:
    void laysOutLikeKubectl()
    {
        auto doc = parseOk("apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n"
                           "spec:\n  containers:\n    - name: nginx\n      image: nginx\n"
                           "      ports: [{containerPort: 80}]\n      args: []\n");
        QCOMPARE(QString::fromStdString(yaml::toYaml(doc->root)),
                 QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\n"
                                "spec:\n  containers:\n  - name: nginx\n    image: nginx\n    ports:\n"
                                "    - containerPort: 80\n    args: []\n"));
    }

    void keepsTypesAndText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quoted number stays a string") << "port: \"8080\"\n";
        QTest::newRow("plain number stays a number") << "replicas: 3\n";
        QTest::newRow("quoted bool") << "flag: 'true'\n";
        QTest::newRow("negative") << "n: -1\n";
        QTest::newRow("literal block") << "script: |\n  echo hi\n  sleep 3600\n";
        QTest::newRow("block without final newline") << "s: |-\n  a\n  b\n";
        QTest::newRow("leading spaces") << "s: \"  indented\\nline\"\n";
        QTest::newRow("colon in a quoted key") << "\"a: b\": 1\n";
        QTest::newRow("nested sequences") << "m:\n- - a\n  - b\n- []\n- {}\n";
        QTest::newRow("empty value") << "a:\nb: ~\n";
        QTest::newRow("control characters") << "s: \"tab\\there\\u0001\"\n";
        QTest::newRow("json") << "{\"a\": [1, \"2\", {\"b\": null}], \"c\": \"x: y\"}";
    }

    void keepsTypesAndText()
    {
        QFETCH(QString, text);
        auto original = parseOk(text.toStdString());
        std::string written = yaml::toYaml(original->root);
        auto again = parseOk(written);
        QString d = difference(original->root, again->root);
        QVERIFY2(d.isEmpty(), qPrintable(d + QStringLiteral("\n---\n") + QString::fromStdString(written)));
    }

    // Every document of the real manifests reads back to the same tree.
    void roundTripsTheCorpora()
    {
        int documents = 0;
        QDirIterator it(QStringLiteral(PODSCAPE_CORPORA_DIR), {"*.yaml", "*.yml", "*.json"}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            SplitFile split = splitDocuments(f.readAll().toStdString());
            for (const auto &docText : split.documents) {
                auto parsed = yaml::parseDocument(split.text(docText), docText.firstLine);
                auto *doc = std::get_if<std::shared_ptr<yaml::Document>>(&parsed);
                if (!doc || !(*doc)->root)
                    continue; // the loader reports these; nothing to show
                yaml::EmitOptions whole;
                whole.maxLength = std::size_t(1) << 30; // CRDs run to megabytes; compare them whole
                std::string written = yaml::toYaml((*doc)->root, whole);
                auto again = yaml::parseDocument(written, 1);
                auto *againDoc = std::get_if<std::shared_ptr<yaml::Document>>(&again);
                QVERIFY2(againDoc, qPrintable(path + QStringLiteral(":%1 does not parse back").arg(docText.firstLine)));
                QString d = difference((*doc)->root, (*againDoc)->root);
                QVERIFY2(d.isEmpty(), qPrintable(path + QStringLiteral(":%1 %2").arg(docText.firstLine).arg(d)));
                ++documents;
            }
        }
        QVERIFY2(documents > 100, qPrintable(QString::number(documents)));
    }

    void masksSecretValues()
    {
        auto doc =
            parseOk("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  annotations:\n"
                    "    kubectl.kubernetes.io/last-applied-configuration: '{\"data\":{\"password\":\"czNjcjN0\"}}'\n"
                    "    note: keep\n"
                    "type: Opaque\ndata:\n  password: czNjcjN0\n  token: YQ==\nstringData:\n  user: admin\n");
        yaml::EmitOptions options;
        options.maskSecretValues = true;
        QString written = QString::fromStdString(yaml::toYaml(doc->root, options));
        QVERIFY2(!written.contains(QLatin1String("czNjcjN0")), qPrintable(written));
        QVERIFY(!written.contains(QLatin1String("YQ==")));
        QVERIFY(!written.contains(QLatin1String("admin")));
        // Key names and sizes stay, as `kubectl describe secret` shows them.
        QVERIFY2(written.contains(QLatin1String("password: '******'  # 6 bytes")), qPrintable(written));
        QVERIFY(written.contains(QLatin1String("token: '******'  # 1 byte")));
        QVERIFY(written.contains(QLatin1String("user: '******'  # 5 bytes")));
        QVERIFY(written.contains(QLatin1String("note: keep")));
        QVERIFY(written.contains(QLatin1String("type: Opaque")));
        // Without masking (a ConfigMap), data is shown.
        QVERIFY(QString::fromStdString(yaml::toYaml(doc->root)).contains(QLatin1String("czNjcjN0")));
    }

    void aliasBombIsCut()
    {
        std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        char prev = 'a';
        for (char c = 'b'; c <= 'f'; ++c, ++prev)
            bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" +
                    prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
        auto doc = parseOk(bomb);
        yaml::EmitOptions options;
        options.maxLength = 100000;
        std::string written = yaml::toYaml(doc->root, options);
        QVERIFY(written.size() < 100200);
        QVERIFY(written.ends_with("longer than the inspector shows)\n"));
    }
};

QTEST_GUILESS_MAIN(TestYamlEmitter)
#include "tst_yaml_emitter.moc"
