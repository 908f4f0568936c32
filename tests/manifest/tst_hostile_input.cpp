// Hostile input never crashes, hangs or exhausts memory: each case ends in a clear
// file:line:column error, and the documents around it still load.
#include "manifest/loader.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QtTest>

#include <fstream>
#include <random>
#include <sstream>

using namespace podscape;

namespace {

const std::string kValid = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: survivor}\n";

LoadResult loadWithNeighbours(const std::string &hostile)
{
    return ManifestLoader().loadText(kValid + "---\n" + hostile + "\n---\n" + kValid, "hostile.yaml");
}

void expectOneErrorAndSurvivors(const LoadResult &r, const QString &messagePart)
{
    QCOMPARE(r.objects.size(), std::size_t(2));
    QVERIFY2(r.errors.size() >= 1, "no error reported");
    const Diagnostic &e = r.errors.front();
    QVERIFY2(e.line >= 5 && e.column >= 1, e.toString().c_str());
    QVERIFY2(QString::fromStdString(e.message).contains(messagePart), e.toString().c_str());
}

std::string readAll(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// One random edit of the kinds that break YAML: flip a byte, insert syntax, cut, duplicate.
std::string mutate(std::string text, std::mt19937 &rng)
{
    static const std::string syntax = ":-[]{}&*!|>'\"%@`#,? \t\n\r\x00\xff";
    if (text.empty())
        return text;
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    int edits = 1 + int(pick(4));
    for (int i = 0; i < edits && !text.empty(); ++i) {
        std::size_t at = pick(text.size());
        switch (pick(5)) {
        case 0: text[at] = char(pick(256)); break;
        case 1: text.insert(at, 1, syntax[pick(syntax.size())]); break;
        case 2: text.erase(at, pick(64)); break;
        case 3: text.insert(at, text.substr(at, pick(128))); break;
        case 4: text.resize(at); break;
        }
    }
    return text;
}

}  // namespace

class TestHostileInput : public QObject {
    Q_OBJECT

private slots:
    void deepFlowNesting()
    {
        expectOneErrorAndSurvivors(loadWithNeighbours("v: " + std::string(300000, '[')), "exceeded max depth");
    }

    void deepBlockNesting()
    {
        std::string deep;
        for (int i = 0; i < 200000; ++i)
            deep += "- ";
        expectOneErrorAndSurvivors(loadWithNeighbours(deep + "x"), "exceeded max depth");
    }

    void billionLaughs()
    {
        std::string bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n"
                           "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        for (char c = 'b'; c <= 'i'; ++c) {
            std::string prev(1, char(c - 1));
            bomb += std::string(1, c) + ": &" + c + " [";
            for (int i = 0; i < 9; ++i)
                bomb += (i ? ",*" : "*") + prev;
            bomb += "]\n";
        }
        bomb += "data: *i\n";
        // A billion expanded strings: refused from the memoised count, without expanding (a hang
        // here would trip ctest's timeout).
        expectOneErrorAndSurvivors(loadWithNeighbours(bomb), "excessive aliasing");
    }

    void binaryGarbage()
    {
        std::mt19937 rng(7);
        std::string garbage(64 * 1024, '\0');
        for (char &c : garbage)
            c = char(rng());
        auto r = ManifestLoader().loadText(garbage, "garbage.bin");
        QVERIFY(r.objects.empty());
        QVERIFY(!r.errors.empty());
        for (const auto &e : r.errors)
            QVERIFY2(e.line >= 1, e.toString().c_str());
    }

    void tabsUsedForIndentation()
    {
        auto r = loadWithNeighbours("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabbed\n");
        QCOMPARE(r.objects.size(), std::size_t(2));
        QCOMPARE(r.errors.size(), std::size_t(1));
        QCOMPARE(r.errors[0].line, 8);
    }

    void fiftyMegabyteFile()
    {
        std::string doc = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big-%}\ndata:\n";
        for (int i = 0; i < 40; ++i)
            doc += "  key" + std::to_string(i) + ": \"" + std::string(40, 'x') + "\"\n";
        std::string text;
        int count = 0;
        while (text.size() < 50u * 1024 * 1024) {
            std::string d = doc;
            d.replace(d.find('%'), 1, std::to_string(count++));
            text += d + "---\n";
        }
        QElapsedTimer timer;
        timer.start();
        auto r = ManifestLoader().loadText(text, "big.yaml");
        QVERIFY2(r.errors.empty(), r.errors.empty() ? "" : r.errors.front().toString().c_str());
        QCOMPARE(int(r.objects.size()), count);
        qInfo("50 MB: %d documents in %lld ms", count, timer.elapsed());
    }

    // Thousands of random mutations of the real corpus files (fixed seed): every one ends in
    // objects or errors with positions, never a crash or a hang.
    void randomMutationsOfTheCorpora()
    {
        std::vector<std::string> seeds;
        QDirIterator it(QStringLiteral(PODSCAPE_CORPORA_DIR), {"*.yaml", "*.yml", "*.json"}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            std::string text = readAll(it.next());
            if (text.size() < 64 * 1024)  // big bundles are covered whole by the corpora test
                seeds.push_back(std::move(text));
        }
        std::sort(seeds.begin(), seeds.end());
        QVERIFY(seeds.size() > 100);
        std::mt19937 rng(20261125);
        LoaderOptions options;
        options.threads = 1;
        ManifestLoader loader(options);
        int errors = 0, objects = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 5000; ++i) {
            const std::string &seed = seeds[std::size_t(rng()) % seeds.size()];
            auto r = loader.loadText(mutate(seed, rng), "mutated.yaml");
            errors += int(r.errors.size());
            objects += int(r.objects.size());
            for (const auto &e : r.errors)
                QVERIFY2(e.line >= 1 && e.column >= 1, e.toString().c_str());
        }
        qInfo("5000 mutations: %d objects, %d errors, %lld ms", objects, errors, timer.elapsed());
        QVERIFY(errors > 0 && objects > 0);
    }
};

QTEST_APPLESS_MAIN(TestHostileInput)
#include "tst_hostile_input.moc"
