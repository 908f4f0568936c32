// The YAML layer: scalar typing as Kubernetes' decoder (go-yaml v2 via sigs.k8s.io/yaml) resolves
// it, positions, aliases and merge keys, and the guards against hostile documents.
#include "manifest/yaml_tree.h"

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

yaml::ParseError parseFails(std::string_view text, const yaml::ParseLimits &limits = {})
{
    auto result = yaml::parseDocument(text, 1, limits);
    auto *err = std::get_if<yaml::ParseError>(&result);
    return err ? *err : yaml::ParseError{-1, -1, "parsed without error"};
}

}  // namespace

class TestYamlTree : public QObject {
    Q_OBJECT

private slots:
    void resolvesPlainScalarsLikeKubernetes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        using K = yaml::ScalarKind;
        QTest::newRow("word") << "v: web" << int(K::String);
        QTest::newRow("quoted number") << "v: \"3\"" << int(K::String);
        QTest::newRow("single quoted bool") << "v: 'true'" << int(K::String);
        QTest::newRow("int") << "v: 3" << int(K::Int);
        QTest::newRow("negative") << "v: -12" << int(K::Int);
        QTest::newRow("hex") << "v: 0x1F" << int(K::Int);
        QTest::newRow("float") << "v: 0.5" << int(K::Float);
        QTest::newRow("exponent") << "v: 1e3" << int(K::Float);
        QTest::newRow("yes is a YAML 1.1 bool") << "v: yes" << int(K::Bool);
        QTest::newRow("On") << "v: On" << int(K::Bool);
        QTest::newRow("y is one too (go-yaml v2 resolve.go)") << "v: y" << int(K::Bool);
        QTest::newRow("true") << "v: true" << int(K::Bool);
        QTest::newRow("tilde") << "v: ~" << int(K::Null);
        QTest::newRow("null") << "v: null" << int(K::Null);
        QTest::newRow("version string") << "v: 1.2.3" << int(K::String);
        QTest::newRow("quantity") << "v: 100m" << int(K::String);
        QTest::newRow("block scalar") << "v: |\n  42\n" << int(K::String);
    }
    void resolvesPlainScalarsLikeKubernetes()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        auto doc = parseOk(text.toStdString());
        const yaml::Node *v = doc->root->find("v");
        QVERIFY(v);
        QCOMPARE(int(yaml::resolveScalar(*v)), kind);
    }

    void recordsOneBasedPositionsOffsetByTheDocumentStart()
    {
        auto result = yaml::parseDocument("a:\n  b: [1, 2]\n  c: x\n", 10);
        auto doc = std::get<std::shared_ptr<yaml::Document>>(result);
        const yaml::Node *c = doc->root->find("a")->find("c");
        QCOMPARE(c->line, 12);
        QCOMPARE(c->column, 6);
        const yaml::Node *b = doc->root->find("a")->find("b");
        QCOMPARE(b->children[1]->line, 11);
        QCOMPARE(b->children[1]->column, 10);
    }

    void sharesAliasedNodesAndAppliesMergeKeys()
    {
        auto doc = parseOk("base: &b {app: web, tier: fe}\n"
                           "copy: *b\n"
                           "merged:\n  <<: *b\n  tier: be\n");
        QCOMPARE(doc->root->find("copy"), doc->root->find("base"));
        const yaml::Node *merged = doc->root->find("merged");
        QCOMPARE(merged->size(), std::size_t(2));
        QCOMPARE(merged->find("app")->value, std::string("web"));
        QCOMPARE(merged->find("tier")->value, std::string("be"));  // the map's own key wins
    }

    void emptyAndCommentOnlyDocumentsHaveNoRoot()
    {
        QVERIFY(!parseOk("")->root);
        QVERIFY(!parseOk("# just a comment\n\n   \n")->root);
    }

    // kubectl prints go-yaml's problem text ("error converting YAML to JSON: yaml: line 1:
    // mapping values are not allowed in this context"); go-yaml took its scanner and parser, and
    // their messages, from libyaml (scannerc.go, parserc.go, readerc.go).
    void reportsSyntaxErrorsAsKubectlDoes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("value after value")
            << QByteArray("a: b: c\n") << 1 << 5 << "yaml: mapping values are not allowed in this context";
        QTest::newRow("tab indent") << QByteArray("a:\n\tb: 1\n") << 2 << 1
                                    << "yaml: found character that cannot start any token";
        QTest::newRow("open flow") << QByteArray("a: b\nc: [1, 2\nd: 3\n") << 3 << 2
                                   << "yaml: did not find expected ',' or ']'";
        QTest::newRow("indented key") << QByteArray("a: 1\n b: 2\n") << 2 << 3
                                      << "yaml: mapping values are not allowed in this context";
        QTest::newRow("stray indent") << QByteArray("a:\n  b: 1\n c: 2\n") << 3 << 2
                                      << "yaml: did not find expected key";
        QTest::newRow("open quote") << QByteArray("a: \"open\n") << 2 << 1 << "yaml: found unexpected end of stream";
        QTest::newRow("unknown alias") << QByteArray("a: 1\nb: *nope\n") << 2 << 4
                                       << "yaml: unknown anchor 'nope' referenced";
        QTest::newRow("bad UTF-8") << QByteArray("a: ok\nb: x\xff\n") << 2 << 5 << "yaml: invalid leading UTF-8 octet";
    }
    void reportsSyntaxErrorsAsKubectlDoes()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        auto err = parseFails(text.toStdString());
        QCOMPARE(QString::fromStdString(err.message), message);
        QCOMPARE(err.line, line);
        QCOMPARE(err.column, column);
    }

    void marksErrorsAtTheirPlaceInTheFile()
    {
        auto result = yaml::parseDocument("a: 1\n b: 2\n", 40);
        auto *err = std::get_if<yaml::ParseError>(&result);
        QVERIFY(err);
        QCOMPARE(err->line, 41);
        QCOMPARE(err->column, 3);
    }

    void refusesNestingDeeperThanTheLimit_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("flow") << QByteArray("v: ") + QByteArray(5000, '[');
        QByteArray block;
        for (int i = 0; i < 450; ++i)
            block += QByteArray(i, ' ') + "k:\n";
        QTest::newRow("block maps") << block;
        QTest::newRow("dash chain") << QByteArray("- ").repeated(3000) + "x\n";
    }
    void refusesNestingDeeperThanTheLimit()
    {
        QFETCH(QByteArray, text);
        auto err = parseFails(text.toStdString());
        QCOMPARE(QString::fromStdString(err.message), QStringLiteral("yaml: exceeded max depth of 400"));
        QVERIFY(err.line >= 1);
    }

    void acceptsRealisticNesting()
    {
        QByteArray text;
        for (int i = 0; i < 60; ++i)
            text += QByteArray(2 * i, ' ') + "k" + QByteArray::number(i) + ":\n";
        text += QByteArray(120, ' ') + "v: [[1, 2], {a: [3]}]\n";
        QVERIFY(parseOk(text.toStdString())->root);
    }

    void refusesAliasBombs()
    {
        std::string bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        for (char c = 'b'; c <= 'j'; ++c) {
            std::string prev(1, char(c - 1));
            bomb += std::string(1, c) + ": &" + c + " [";
            for (int i = 0; i < 9; ++i)
                bomb += (i ? ",*" : "*") + prev;
            bomb += "]\n";
        }
        auto err = parseFails(bomb);
        QCOMPARE(QString::fromStdString(err.message), QStringLiteral("yaml: document contains excessive aliasing"));
        QVERIFY(err.line > 1);
    }

    void jsonOfANodeSortsKeysAndTypesScalars()
    {
        auto doc = parseOk("metadata: {name: web}\nspec: {replicas: 3, paused: no, image: \"1\"}\n");
        QCOMPARE(QString::fromStdString(yaml::toJson(doc->root)),
                 QStringLiteral("{\"metadata\":{\"name\":\"web\"},\"spec\":{\"image\":\"1\",\"paused\":false,\"replicas\":3}}"));
        QCOMPARE(QString::fromStdString(yaml::toJson(doc->root, 10)), QStringLiteral("{\"metadata..."));
    }
};

QTEST_APPLESS_MAIN(TestYamlTree)
#include "tst_yaml_tree.moc"
