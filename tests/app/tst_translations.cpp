// English and Russian (translations/*.ts): the Russian file is complete and was updated after the
// last change of the sources; every user-visible QML string goes through qsTr; the GUI's C++
// notices go through tr; the window really shows Russian once installTranslations (the function
// main.cpp uses) has run; `--lang` picks the language.
#include "app/cluster_session.h"
#include "app/export_command.h"
#include "app/translations.h"

#include <QDir>
#include <QDirIterator>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <map>
#include <set>

Q_IMPORT_QML_PLUGIN(PodscapePlugin)
Q_IMPORT_QML_PLUGIN(PodscapeClusterPlugin)

using namespace podscape;

namespace {

const QString kSource = QStringLiteral(PODSCAPE_SOURCE_DIR);

// One <message> of a .ts file.
struct Message {
    QString context;
    QString source;
    QString type;             // of <translation>: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // the text, or each numerus form
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    Message current;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) // only a <context> has one
                context = xml.readElementText();
            else if (name == QLatin1String("message"))
                current = Message{context,
                                  QString(),
                                  QString(),
                                  {},
                                  xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
            else if (name == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations.append(xml.readElementText());
            } else if (name == QLatin1String("numerusform"))
                current.translations.append(xml.readElementText());
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages.append(current);
            current = Message{};
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QString tsPath(const QString &lang)
{
    return kSource + QStringLiteral("/translations/podscape_%1.ts").arg(lang);
}

using Key = std::pair<QString, QString>; // context, source

std::set<Key> keysOf(const QList<Message> &messages)
{
    std::set<Key> keys;
    for (const Message &m : messages)
        keys.insert({m.context, m.source});
    return keys;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList qmlFiles()
{
    QStringList files = QDir(kSource + QStringLiteral("/qml")).entryList({QStringLiteral("*.qml")}, QDir::Files);
    for (QString &f : files)
        f = kSource + QStringLiteral("/qml/") + f;
    return files;
}

// The GUI's C++ that lupdate reads: src/app minus the command-line subcommands, which print
// English as kubectl does (the same filter as qt_add_translations in CMakeLists.txt).
QStringList guiCppFiles()
{
    static const QRegularExpression cli(
        QStringLiteral("/(command_line|validate_command|simulate_command|simulation_json|export_command)\\.(cpp|h)$"));
    QStringList files;
    const QString dir = kSource + QStringLiteral("/src/app/");
    for (const QString &f : QDir(dir).entryList({QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files))
        if (!cli.match(dir + f).hasMatch())
            files.append(dir + f);
    return files;
}

// A JavaScript or C++ string literal's text: the escapes lupdate resolves too.
QString unescape(const QString &literal)
{
    QString out;
    for (qsizetype i = 0; i < literal.size(); ++i) {
        QChar c = literal.at(i);
        if (c != QLatin1Char('\\') || i + 1 == literal.size()) {
            out.append(c);
            continue;
        }
        QChar e = literal.at(++i);
        out.append(e == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                   : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                                           : e);
    }
    return out;
}

const QString kLiteral = QString::fromUtf8("\"((?:[^\"\\\\]|\\\\.)*)\"");

// The texts of qsTr("...") calls in QML (adjacent "a" + "b" is not used in qml/).
QStringList qsTrSources(const QString &text)
{
    static const QRegularExpression call(QString::fromUtf8("\\bqsTr\\s*\\(\\s*") + kLiteral);
    QStringList sources;
    for (auto it = call.globalMatch(text); it.hasNext();)
        sources.append(unescape(it.next().captured(1)));
    return sources;
}

// Strings that may be shown without qsTr: Kubernetes' own words, which stay English in every
// language (a pod's STATUS in the export legend, the components that watch endpoints).
const QStringList kUntranslatedAllowed{
    QStringLiteral("Running"),
    QStringLiteral("Pending, ContainerCreating"),
    QStringLiteral("Failed, CrashLoopBackOff, Error"),
    QStringLiteral("Terminating"),
    QStringLiteral("Completed"),
    QStringLiteral("kube-proxy"),
    QStringLiteral("CoreDNS"),
    QStringLiteral("Ingress"),
};

// The line cut at each ';' outside a string literal: one binding each ("text: a; color: b").
QStringList statements(const QString &line)
{
    QStringList parts(QString{});
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted && c == QLatin1Char('\\') && i + 1 < line.size()) {
            parts.last() += c;
            parts.last() += line.at(++i);
            continue;
        }
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (c == QLatin1Char(';') && !quoted)
            parts.append(QString());
        else
            parts.last() += c;
    }
    return parts;
}

// Every translator installTranslations put on the application, removed again.
void removeTranslators()
{
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

// The text of every item of the window, the header and footer (outside contentItem) included.
void collectTexts(QQuickItem *item, QStringList &texts)
{
    const QVariant text = item->property("text");
    if (text.isValid())
        texts.append(text.toString());
    for (QQuickItem *child : item->childItems())
        collectTexts(child, texts);
}

QStringList textsOf(QQuickWindow *window)
{
    QQuickItem *root = window->contentItem();
    while (root->parentItem())
        root = root->parentItem();
    QStringList texts;
    collectTexts(root, texts);
    return texts;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { removeTranslators(); }

    // No message of podscape_ru.ts waits for a translation, none is left from removed code.
    void russianIsComplete()
    {
        QString error;
        const QList<Message> ru = readTs(tsPath(QStringLiteral("ru")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(ru.size() > 100);
        QStringList bad;
        for (const Message &m : ru) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            if (!m.type.isEmpty())
                bad.append(where + QStringLiteral(" [") + m.type + QLatin1Char(']'));
            else if (m.translations.isEmpty() || m.translations.contains(QString()))
                bad.append(where + QStringLiteral(" [empty]"));
            else if (m.numerus && m.translations.size() != 3)
                bad.append(where + QStringLiteral(" [Russian has 3 plural forms]"));
        }
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }

    // lupdate ran for both files: the same messages, and no leftovers in the English one either.
    void bothFilesHaveTheSameSources()
    {
        QString error;
        const QList<Message> en = readTs(tsPath(QStringLiteral("en")), &error);
        const QList<Message> ru = readTs(tsPath(QStringLiteral("ru")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const std::set<Key> enKeys = keysOf(en), ruKeys = keysOf(ru);
        QStringList onlyEnglish, onlyRussian, stale;
        for (const Key &k : enKeys)
            if (!ruKeys.count(k))
                onlyEnglish.append(k.first + QStringLiteral(": ") + k.second);
        for (const Key &k : ruKeys)
            if (!enKeys.count(k))
                onlyRussian.append(k.first + QStringLiteral(": ") + k.second);
        for (const Message &m : en)
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
                stale.append(m.context + QStringLiteral(": ") + m.source);
        QVERIFY2(onlyEnglish.isEmpty(),
                 qPrintable(QStringLiteral("not in podscape_ru.ts:\n") + onlyEnglish.join('\n')));
        QVERIFY2(onlyRussian.isEmpty(),
                 qPrintable(QStringLiteral("not in podscape_en.ts:\n") + onlyRussian.join('\n')));
        QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("vanished in podscape_en.ts:\n") + stale.join('\n')));
        // English plural forms, so that "%n problem(s)" reads "1 problem", "2 problems".
        for (const Message &m : en)
            if (m.numerus)
                QVERIFY2(m.translations.size() == 2 && !m.translations.contains(QString()), qPrintable(m.source));
    }

    // A string literal bound to a property the user reads, not inside qsTr.
    void qmlStringsAreTranslatable()
    {
        static const QRegularExpression binding(
            QString::fromUtf8("(?:^|[\\s{;,.])(text|title|placeholderText|label|description|heading|caption|message|"
                              "tooltip|toolTip)\\s*:\\s*(.*)$"));
        static const QRegularExpression marked(QString::fromUtf8("\\b(qsTr|qsTranslate|QT_TR_NOOP)\\s*\\(\\s*") +
                                               kLiteral);
        static const QRegularExpression literal(kLiteral);
        static const QRegularExpression letter(QStringLiteral("\\p{L}"));
        QStringList bad;
        for (const QString &file : qmlFiles()) {
            const QStringList lines = readText(file).split(QLatin1Char('\n'));
            for (qsizetype n = 0; n < lines.size(); ++n) {
                const QString line = lines.at(n).trimmed();
                if (line.startsWith(QLatin1String("//")) || line.startsWith(QLatin1String("readonly property color")))
                    continue;
                for (const QString &statement : statements(line)) {
                    auto m = binding.match(statement);
                    if (!m.hasMatch())
                        continue;
                    QString value = m.captured(2);
                    value.replace(marked, QStringLiteral("TR"));
                    for (auto it = literal.globalMatch(value); it.hasNext();) {
                        const QString text = unescape(it.next().captured(1));
                        // Literals without a letter are formatting: " · ", "\n", "→ ", "".
                        if (text.contains(letter) && !kUntranslatedAllowed.contains(text))
                            bad.append(
                                QStringLiteral("%1:%2: \"%3\"").arg(QFileInfo(file).fileName()).arg(n + 1).arg(text));
                    }
                }
            }
        }
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("wrap in qsTr():\n") + bad.join('\n')));
    }

    // Each qsTr of qml/*.qml is in the .ts files under its file's context, and each QML message of
    // the .ts files is still in the QML: a string changed without `cmake --build build --target
    // update_translations` fails here.
    void qmlAndTsFilesAgree()
    {
        QString error;
        const std::set<Key> ts = keysOf(readTs(tsPath(QStringLiteral("ru")), &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        std::set<Key> qml;
        std::set<QString> contexts;
        for (const QString &file : qmlFiles()) {
            const QString context = QFileInfo(file).completeBaseName();
            contexts.insert(context);
            for (const QString &source : qsTrSources(readText(file)))
                qml.insert({context, source});
        }
        QVERIFY(qml.size() > 100);
        QStringList missing, stale;
        for (const Key &k : qml)
            if (!ts.count(k))
                missing.append(k.first + QStringLiteral(": ") + k.second);
        for (const Key &k : ts)
            if (contexts.count(k.first) && !qml.count(k))
                stale.append(k.first + QStringLiteral(": ") + k.second);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("run update_translations; not in the .ts files:\n") + missing.join('\n')));
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("run update_translations; gone from the QML:\n") + stale.join('\n')));
    }

    // The GUI's C++: notices and errors go through tr, and every tr text is in the .ts files.
    void cppStringsAreTranslated()
    {
        QString error;
        std::set<QString> sources;
        for (const Message &m : readTs(tsPath(QStringLiteral("ru")), &error))
            sources.insert(m.source);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // setNotice / setError take what the window shows: a raw literal there is English only.
        static const QRegularExpression raw(QString::fromUtf8(
            "\\b(setNotice|setError)\\s*\\(\\s*(QStringLiteral\\s*\\(\\s*|QLatin1String\\s*\\(\\s*|u?)\""));
        // tr("...") / translate("Context", "...") / QT_TR_NOOP("..."), adjacent literals joined.
        static const QRegularExpression call(QString::fromUtf8(
            "\\b(?:tr|QT_TR_NOOP|translate\\s*\\(\\s*\"[^\"]*\"\\s*,)\\s*\\(?\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)"));
        static const QRegularExpression literal(kLiteral);
        QStringList bad, missing;
        int calls = 0;
        for (const QString &file : guiCppFiles()) {
            const QString text = readText(file);
            for (auto it = raw.globalMatch(text); it.hasNext();) {
                auto m = it.next();
                bad.append(QStringLiteral("%1:%2")
                               .arg(QFileInfo(file).fileName())
                               .arg(text.left(m.capturedStart()).count('\n') + 1));
            }
            for (auto it = call.globalMatch(text); it.hasNext();) {
                QString source;
                for (auto parts = literal.globalMatch(it.next().captured(1)); parts.hasNext();)
                    source += unescape(parts.next().captured(1));
                ++calls;
                if (!sources.count(source))
                    missing.append(QFileInfo(file).fileName() + QStringLiteral(": ") + source);
            }
        }
        QVERIFY(calls > 20);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("shown untranslated:\n") + bad.join('\n')));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("run update_translations; not in the .ts files:\n") + missing.join('\n')));
    }

    void languageFromTheCommandLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QLocale>("system");
        QTest::addColumn<QString>("expected");
        const QLocale russian(QLocale::Russian, QLocale::Russia), german(QLocale::German, QLocale::Germany);
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("--lang ru") << QStringList{"podscape", "--lang", "ru", "a.yaml"} << english << "ru";
        QTest::newRow("--lang=en") << QStringList{"podscape", "--lang=en"} << russian << "en";
        QTest::newRow("--lang RU") << QStringList{"podscape", "--lang", "RU"} << english << "ru";
        QTest::newRow("Russian system") << QStringList{"podscape", "a.yaml"} << russian << "ru";
        QTest::newRow("English system") << QStringList{"podscape"} << english << "en";
        QTest::newRow("German system") << QStringList{"podscape"} << german << "en";
        QTest::newRow("a file after --") << QStringList{"podscape", "--", "--lang"} << russian << "ru";
        QTest::newRow("unknown kept") << QStringList{"podscape", "--lang", "de"} << english << "de";
    }

    void languageFromTheCommandLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QLocale, system);
        QFETCH(QString, expected);
        QCOMPARE(chooseLanguage(args, system), expected);
    }

    void unknownLanguageInstallsNothing()
    {
        QVERIFY(!installTranslations(*QCoreApplication::instance(), QStringLiteral("de")));
        QVERIFY(QCoreApplication::instance()->findChildren<QTranslator *>().isEmpty());
        QVERIFY(installTranslations(*QCoreApplication::instance(), QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("RecentFiles", "%1 and %n more", nullptr, 1),
                 QStringLiteral("%1 and 1 more"));
    }

    // The window as main.cpp makes it: English without a translator, Russian with it.
    void windowSwitchesLanguage()
    {
        {
            auto english = load();
            QVERIFY(english);
            const QStringList texts = textsOf(english.window);
            QVERIFY2(texts.contains(QStringLiteral("Open…")), qPrintable(texts.join(" | ")));
        }
        QVERIFY(installTranslations(*QCoreApplication::instance(), QStringLiteral("ru")));
        auto russian = load();
        QVERIFY(russian);
        const QStringList texts = textsOf(russian.window);
        QVERIFY2(texts.contains(QStringLiteral("Открыть…")), qPrintable(texts.join(" | ")));
        QVERIFY(!texts.contains(QStringLiteral("Open…")));
        QVERIFY(texts.contains(QStringLiteral("События")));
        // Kubernetes' words stay as kubectl prints them.
        QVERIFY(texts.contains(QStringLiteral("kube-proxy")));
        // The C++ side's notices too.
        auto *session = russian.window->findChild<ClusterSession *>();
        QVERIFY(session);
        session->pause();
        QVERIFY(session->nodeAction(QStringLiteral("worker-1"), QStringLiteral("cordon")));
        QVERIFY2(session->notice().startsWith(QStringLiteral("Нода worker-1")), qPrintable(session->notice()));
    }

    // `podscape export --lang` takes en or ru only (2: a bad command line).
    void exportRefusesAnUnknownLanguage()
    {
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        QCOMPARE(runExport({QStringLiteral("podscape"), kSource + QStringLiteral("/resources/demo"),
                            QStringLiteral("-o"), QDir::temp().filePath(QStringLiteral("podscape-lang.png")),
                            QStringLiteral("--lang"), QStringLiteral("de")},
                           outStream, errStream),
                 2);
        errStream.flush();
        QVERIFY2(err.contains(QLatin1String("--lang en|ru")), qPrintable(err));
    }

private:
    struct Window {
        std::unique_ptr<QQmlApplicationEngine> engine;
        QQuickWindow *window = nullptr;
        explicit operator bool() const { return window != nullptr; }
    };

    // As tst_main_window loads it: the bundled demo from the resources.
    static Window load()
    {
        Window w;
        w.engine = std::make_unique<QQmlApplicationEngine>();
        w.engine->addImportPath(QStringLiteral("qrc:/"));
        w.engine->setInitialProperties(
            {{QStringLiteral("initialFiles"), QStringList{QStringLiteral(":/Podscape/resources/demo")}}});
        w.engine->load(QUrl(QStringLiteral("qrc:/Podscape/qml/Main.qml")));
        if (w.engine->rootObjects().isEmpty())
            return w;
        w.window = qobject_cast<QQuickWindow *>(w.engine->rootObjects().first());
        if (w.window && !QTest::qWaitForWindowExposed(w.window))
            w.window = nullptr;
        if (w.window)
            QTest::qWait(200); // the demo's pods appear and their cards are made
        return w;
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
