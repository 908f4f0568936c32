// Label selectors and node affinity, checked against Kubernetes' own behaviour.
// Sources quoted below are from kubernetes/kubernetes (v1.35 line):
//   staging/src/k8s.io/apimachinery/pkg/labels/selector.go                       (selector.go)
//   staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go                  (helpers.go)
//   staging/src/k8s.io/apimachinery/pkg/api/validate/content/kube.go, errors.go  (content)
//   staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go

#include "manifest/label_selector.h"

#include <QtTest>

#include <atomic>
#include <cstdlib>
#include <new>

using podscape::LabelSelector;
using podscape::LabelSelectorRequirement;
using podscape::Labels;
using podscape::NodeSelector;
using podscape::NodeSelectorRequirement;
using podscape::NodeSelectorTerm;
using podscape::SelectorOperator;

Q_DECLARE_METATYPE(podscape::LabelSelector)
Q_DECLARE_METATYPE(podscape::NodeSelector)
Q_DECLARE_METATYPE(podscape::Labels)

// Counts heap allocations so the hot-path test can prove matches() makes none.
namespace {
std::atomic<long> g_allocations{0};
}

// Every replaced form pairs malloc with free, so sanitizers see consistent allocation kinds.
void *operator new(std::size_t size)
{
    ++g_allocations;
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}

void *operator new[](std::size_t size)
{
    return operator new(size);
}

void *operator new(std::size_t size, const std::nothrow_t &) noexcept
{
    ++g_allocations;
    return std::malloc(size ? size : 1);
}

void *operator new[](std::size_t size, const std::nothrow_t &tag) noexcept
{
    return operator new(size, tag);
}

void operator delete(void *p) noexcept
{
    std::free(p);
}

void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

void operator delete[](void *p) noexcept
{
    std::free(p);
}

void operator delete[](void *p, std::size_t) noexcept
{
    std::free(p);
}

namespace {

// Messages shared by several rows (content/kube.go and content/errors.go RegexError; the
// doubled space before "or" is Kubernetes' own).
const QString kLabelValueRule = QStringLiteral(
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start "
    "and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation "
    "is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
const QString kLabelKeyRule = QStringLiteral(
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
    "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");

Labels labelsFrom(std::initializer_list<std::pair<const std::string, std::string>> pairs)
{
    return Labels(pairs);
}

NodeSelector nodeSelector(std::vector<NodeSelectorTerm> terms)
{
    return NodeSelector{std::move(terms)};
}

NodeSelectorTerm expressions(std::vector<NodeSelectorRequirement> requirements)
{
    return NodeSelectorTerm{std::move(requirements), {}};
}

NodeSelectorTerm fields(std::vector<NodeSelectorRequirement> requirements)
{
    return NodeSelectorTerm{{}, std::move(requirements)};
}

} // namespace

class TestLabelSelector : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void roundTrip_data();
    void roundTrip();
    void parsedMatches_data();
    void parsedMatches();
    void structMatches_data();
    void structMatches();
    void nilSelectorMatchesNothing();
    void toString_data();
    void toString();
    void validate_data();
    void validate();
    void operatorFromString_data();
    void operatorFromString();
    void nodeAffinity_data();
    void nodeAffinity();
    void nodeSelectorValidate_data();
    void nodeSelectorValidate();
    void matchesDoesNotAllocate();
};

// --- String syntax -----------------------------------------------------------------------------

void TestLabelSelector::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("printed"); // labels.Parse(text).String()
    QTest::addColumn<int>("requirements");

    QTest::newRow("empty") << "" << "" << 0;
    QTest::newRow("only whitespace") << " \t\r\n" << "" << 0;
    QTest::newRow("equals") << "app=web" << "app=web" << 1;
    QTest::newRow("double equals kept") << "app==web" << "app==web" << 1;
    QTest::newRow("not equals") << "tier!=db" << "tier!=db" << 1;
    QTest::newRow("sorted by key") << "tier!=db,app=web" << "app=web,tier!=db" << 2;
    QTest::newRow("spaces around tokens") << "  app = web ,  tier != db " << "app=web,tier!=db" << 2;
    QTest::newRow("tabs and newlines") << "\tapp\n=\rweb" << "app=web" << 1;
    QTest::newRow("exists") << "app" << "app" << 1;
    QTest::newRow("does not exist") << "!app" << "!app" << 1;
    QTest::newRow("does not exist spaced") << "! app" << "!app" << 1;
    QTest::newRow("in") << "env in (prod, staging)" << "env in (prod,staging)" << 1;
    QTest::newRow("in values sorted and deduplicated") << "env in (b,a,b)" << "env in (a,b)" << 1;
    QTest::newRow("notin") << "env notin (qa)" << "env notin (qa)" << 1;
    // The example from Parse's doc comment in selector.go.
    QTest::newRow("doc example") << "x in (foo,,baz),y,z notin ()" << "x in (,baz,foo),y,z notin ()" << 3;
    QTest::newRow("empty set is the empty value") << "a in ()" << "a in ()" << 1;
    QTest::newRow("lone comma is the empty value") << "a in (,)" << "a in ()" << 1;
    QTest::newRow("trailing comma adds empty value") << "a in (b,)" << "a in (,b)" << 1;
    QTest::newRow("keywords are values") << "in in (in,notin)" << "in in (in,notin)" << 1;
    QTest::newRow("no space before paren") << "a in(b)" << "a in (b)" << 1;
    QTest::newRow("empty value at end") << "a=" << "a=" << 1;
    QTest::newRow("empty value before comma") << "a=,b" << "a=,b" << 2;
    QTest::newRow("greater than") << "count>5" << "count>5" << 1;
    QTest::newRow("less than spaced") << "count < 10" << "count<10" << 1;
    QTest::newRow("prefixed key") << "app.kubernetes.io/name=web" << "app.kubernetes.io/name=web" << 1;
    QTest::newRow("same key twice kept") << "a=1,a!=2" << "a=1,a!=2" << 2;
    QTest::newRow("stable for equal keys") << "a!=2,a=1" << "a!=2,a=1" << 2;
    // scanSpecialSymbol stops on NUL without unread(), so the NUL after ',' just disappears.
    QTest::newRow("NUL swallowed after symbol") << QString::fromUtf8("a,\0b", 4) << "a,b" << 2;
    QTest::newRow("mixed") << "tier notin (db),app=web,!legacy,env"
                           << "app=web,env,!legacy,tier notin (db)" << 4;
}

void TestLabelSelector::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, printed);
    QFETCH(int, requirements);

    std::string error;
    const auto selector = LabelSelector::parse(text.toStdString(), &error);
    QVERIFY2(selector.has_value(), error.c_str());
    QCOMPARE(QString::fromStdString(selector->toString()), printed);
    QCOMPARE(int(selector->matchExpressions.size()), requirements);
    QVERIFY(selector->matchLabels.empty());
    QCOMPARE(selector->isEmpty(), requirements == 0);
}

void TestLabelSelector::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    // Parser.parse: `fmt.Errorf("found '%s', expected: !, identifier, or 'end of string'", lit)`
    QTest::newRow("leading comma") << "," << "found ',', expected: !, identifier, or 'end of string'";
    QTest::newRow("leading not equals") << "!=a" << "found '!=', expected: !, identifier, or 'end of string'";
    QTest::newRow("leading paren") << "(a)" << "found '(', expected: !, identifier, or 'end of string'";
    // Parser.parse: `fmt.Errorf("found '%s', expected: identifier after ','", l2)`
    QTest::newRow("trailing comma") << "a=b," << "found '', expected: identifier after ','";
    QTest::newRow("double comma") << "a,,b" << "found ',', expected: identifier after ','";
    // Parser.parse: `fmt.Errorf("found '%s', expected: ',' or 'end of string'", l)`
    QTest::newRow("two values") << "a=b c" << "found 'c', expected: ',' or 'end of string'";
    QTest::newRow("chained equals") << "x=a=b" << "found '=', expected: ',' or 'end of string'";
    // Lexer.read returns 0 for a NUL byte as for the end of input. Right after a token the scanner
    // swallows it as a separator ("a\0b" lexes as "a b"); where a token should start it is
    // EndOfStringToken and the selector ends.
    QTest::newRow("NUL inside identifier") << QString::fromUtf8("a\0b", 3)
                                           << "unable to parse requirement: found 'b', expected: in, notin, =, ==, "
                                              "!=, gt, lt";
    QTest::newRow("NUL where a token starts") << QString::fromUtf8("a, \0b", 5)
                                              << "found '', expected: identifier after ','";
    QTest::newRow("not with value") << "!a=b" << "found '=', expected: ',' or 'end of string'";
    // Parser.parseKeyAndInferOperator: `fmt.Errorf("found '%s', expected: identifier", literal)`
    QTest::newRow("bang alone") << "!" << "unable to parse requirement: found '', expected: identifier";
    QTest::newRow("bang comma") << "!,a" << "unable to parse requirement: found ',', expected: identifier";
    // Parser.parseOperator:
    // `fmt.Errorf("found '%s', expected: %v", lit, strings.Join(binaryOperators, ", "))`
    QTest::newRow("missing operator")
        << "a b" << "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt";
    QTest::newRow("bang after key")
        << "a!b" << "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt";
    // Parser.parseValues: `fmt.Errorf("found '%s' expected: '('", lit)` (no comma in the original)
    QTest::newRow("in without parens") << "a in b" << "unable to parse requirement: found 'b' expected: '('";
    // Parser.parseValues: `fmt.Errorf("found '%s', expected: ',', ')' or identifier", lit)`
    QTest::newRow("unclosed empty set")
        << "a in (" << "unable to parse requirement: found '', expected: ',', ')' or identifier";
    // Parser.parseIdentifiersList: `fmt.Errorf("found '%s', expected: ',' or ')'", lit2)`
    QTest::newRow("unclosed set") << "a in (b" << "unable to parse requirement: found '', expected: ',' or ')'";
    QTest::newRow("space separated set")
        << "a in (b c)" << "unable to parse requirement: found 'c', expected: ',' or ')'";
    // Parser.parseIdentifiersList: `fmt.Errorf("found '%s', expected: ',', or identifier", lit)`
    QTest::newRow("operator in set")
        << "a in (b,=)" << "unable to parse requirement: found '=', expected: ',', or identifier";
    // Parser.parseExactValue: `fmt.Errorf("found '%s', expected: identifier", lit)`
    QTest::newRow("paren as value") << "a=(b)" << "unable to parse requirement: found '(', expected: identifier";
    QTest::newRow(">= is > then =") << "a>=1" << "unable to parse requirement: found '=', expected: identifier";
    // NewRequirement: `field.Invalid(valuePath.Index(i), vals[i], "for 'Gt', 'Lt' operators, the value
    // must be an integer")`
    QTest::newRow("gt not integer")
        << "a>b"
        << "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must "
           "be an integer";
    QTest::newRow("gt empty value")
        << "a>" << "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value "
                   "must be an integer";
    // NewRequirement -> validateLabelValue: `field.Invalid(path.Key(k), v, strings.Join(errs, "; "))`.
    // A negative number is an integer but not a label value, so "a>-1" cannot be written.
    QTest::newRow("gt negative")
        << "a>-1" << "unable to parse requirement: values[0][a]: Invalid value: \"-1\": " + kLabelValueRule;
    QTest::newRow("bad value") << "app=-web"
                               << "unable to parse requirement: values[0][app]: Invalid value: \"-web\": "
                                      + kLabelValueRule;
    QTest::newRow("quoted value") << "app=\"web\""
                                  << "unable to parse requirement: values[0][app]: Invalid value: "
                                     "\"\\\"web\\\"\": " + kLabelValueRule;
    QTest::newRow("value too long and bad")
        << "a=" + QString(63, 'x') + "-"
        << "unable to parse requirement: values[0][a]: Invalid value: \"" + QString(63, 'x')
               + "-\": must be no more than 63 bytes; " + kLabelValueRule;
    // Several NewRequirement errors: field.ErrorList.ToAggregate() prints "[e1, e2]".
    QTest::newRow("aggregate")
        << "a>_1"
        << "unable to parse requirement: [values[0]: Invalid value: \"_1\": for 'Gt', 'Lt' operators, the value must "
           "be an integer, values[0][a]: Invalid value: \"_1\": " + kLabelValueRule + "]";
    // parseKeyAndInferOperator -> validateLabelKey(literal, p.path): Parse has a nil path.
    QTest::newRow("bad key") << "-a=b" << "unable to parse requirement: <nil>: Invalid value: \"-a\": name part "
                                              + kLabelKeyRule;
    QTest::newRow("key too long")
        << QString(64, 'k') + "=v"
        << "unable to parse requirement: <nil>: Invalid value: \"" + QString(64, 'k')
               + "\": name part must be no more than 63 bytes";
    // content.IsLabelKey: `"prefix part "+EmptyError()`
    QTest::newRow("empty prefix") << "/a=b"
                                  << "unable to parse requirement: <nil>: Invalid value: \"/a\": prefix part must be "
                                     "non-empty";
    QTest::newRow("empty name")
        << "a/=b" << "unable to parse requirement: <nil>: Invalid value: \"a/\": name part must be non-empty; name part "
                         + kLabelKeyRule;
    // content.IsDNS1123Subdomain via prefixEach(msgs, "prefix part ")
    QTest::newRow("uppercase prefix")
        << "Example.com/a=b"
        << "unable to parse requirement: <nil>: Invalid value: \"Example.com/a\": prefix part a lowercase RFC 1123 "
           "subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
           "alphanumeric character (e.g. 'example.com', regex used for validation is "
           "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    // content.IsLabelKey default case: more than one '/'.
    QTest::newRow("two slashes")
        << "a/b/c" << "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a valid label key " + kLabelKeyRule
                          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
}

void TestLabelSelector::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);

    std::string error;
    const auto selector = LabelSelector::parse(text.toStdString(), &error);
    QVERIFY(!selector.has_value());
    QCOMPARE(QString::fromStdString(error), message);
    QVERIFY(!LabelSelector::parse(text.toStdString()).has_value()); // error pointer is optional
}

void TestLabelSelector::roundTrip_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("equality") << "app=web,tier!=db";
    QTest::newRow("double equals") << "a==b";
    QTest::newRow("sets") << "env in (prod,staging),tier notin (cache,db)";
    QTest::newRow("existence") << "!legacy,zone";
    QTest::newRow("empty values") << "a=,b in (,c)";
    QTest::newRow("integers") << "cpu>4,mem<64";
    QTest::newRow("messy input") << " z notin ( b , a ) , y , x == 1 ";
}

// String() output parses back to the same selector and prints identically.
void TestLabelSelector::roundTrip()
{
    QFETCH(QString, text);

    const auto first = LabelSelector::parse(text.toStdString());
    QVERIFY(first.has_value());
    const std::string printed = first->toString();
    const auto second = LabelSelector::parse(printed);
    QVERIFY(second.has_value());
    QCOMPARE(QString::fromStdString(second->toString()), QString::fromStdString(printed));
    QCOMPARE(second->matchExpressions.size(), first->matchExpressions.size());
}

// --- Matching ----------------------------------------------------------------------------------

void TestLabelSelector::parsedMatches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<bool>("expected");

    const Labels web = labelsFrom({{"app", "web"}, {"tier", "frontend"}});
    QTest::newRow("empty matches all") << "" << web << true;
    QTest::newRow("empty matches no labels") << "" << Labels{} << true;
    QTest::newRow("equals") << "app=web" << web << true;
    QTest::newRow("equals other value") << "app=db" << web << false;
    QTest::newRow("equals absent") << "zone=a" << web << false;
    QTest::newRow("and") << "app=web,tier=frontend" << web << true;
    QTest::newRow("and one fails") << "app=web,tier=backend" << web << false;
    // Requirement.Matches: "The operator is DoesNotExist or NotIn and Labels does not have the key."
    QTest::newRow("not equals absent") << "zone!=a" << web << true;
    QTest::newRow("not equals same") << "app!=web" << web << false;
    QTest::newRow("notin absent") << "zone notin (a)" << web << true;
    QTest::newRow("in") << "tier in (backend,frontend)" << web << true;
    QTest::newRow("in absent") << "zone in (a)" << web << false;
    QTest::newRow("exists") << "app" << web << true;
    QTest::newRow("does not exist") << "!app" << web << false;
    QTest::newRow("empty value matches empty label") << "a=" << labelsFrom({{"a", ""}}) << true;
    QTest::newRow("empty value needs the key") << "a=" << Labels{} << false;
    QTest::newRow("gt") << "n>5" << labelsFrom({{"n", "6"}}) << true;
    QTest::newRow("gt is strict") << "n>5" << labelsFrom({{"n", "5"}}) << false;
    QTest::newRow("gt label not integer") << "n>5" << labelsFrom({{"n", "six"}}) << false;
    QTest::newRow("lt negative label") << "n<0" << labelsFrom({{"n", "-3"}}) << true;
    QTest::newRow("lt absent") << "n<5" << Labels{} << false;
    QTest::newRow("contradiction") << "a=1,a!=1" << labelsFrom({{"a", "1"}}) << false;
}

void TestLabelSelector::parsedMatches()
{
    QFETCH(QString, text);
    QFETCH(Labels, labels);
    QFETCH(bool, expected);

    const auto selector = LabelSelector::parse(text.toStdString());
    QVERIFY(selector.has_value());
    QCOMPARE(selector->matches(labels), expected);
}

void TestLabelSelector::structMatches_data()
{
    QTest::addColumn<LabelSelector>("selector");
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<bool>("expected");

    const Labels web = labelsFrom({{"app", "web"}, {"tier", "frontend"}});
    const LabelSelector byApp{{{"app", "web"}}, {}};
    const LabelSelector notDb{{}, {{"tier", SelectorOperator::NotIn, {"db"}}}};
    const LabelSelector inTiers{{}, {{"tier", SelectorOperator::In, {"frontend", "api"}}}};
    const LabelSelector noLegacy{{}, {{"legacy", SelectorOperator::DoesNotExist, {}}}};
    const LabelSelector hasApp{{}, {{"app", SelectorOperator::Exists, {}}}};
    const LabelSelector both{{{"app", "web"}}, {{"tier", SelectorOperator::NotIn, {"db"}}}};

    // LabelSelectorAsSelector: len(MatchLabels)+len(MatchExpressions) == 0 -> labels.Everything()
    QTest::newRow("empty selector, labels") << LabelSelector{} << web << true;
    QTest::newRow("empty selector, no labels") << LabelSelector{} << Labels{} << true;
    QTest::newRow("matchLabels hit") << byApp << web << true;
    QTest::newRow("matchLabels other value") << byApp << labelsFrom({{"app", "db"}}) << false;
    QTest::newRow("matchLabels absent") << byApp << Labels{} << false;
    QTest::newRow("notin, key absent") << notDb << Labels{} << true;
    QTest::newRow("notin, other value") << notDb << web << true;
    QTest::newRow("notin, listed value") << notDb << labelsFrom({{"tier", "db"}}) << false;
    QTest::newRow("in, listed") << inTiers << labelsFrom({{"tier", "api"}}) << true;
    QTest::newRow("in, key absent") << inTiers << Labels{} << false;
    QTest::newRow("does not exist, absent") << noLegacy << web << true;
    QTest::newRow("does not exist, present") << noLegacy << labelsFrom({{"legacy", ""}}) << false;
    QTest::newRow("exists, empty value") << hasApp << labelsFrom({{"app", ""}}) << true;
    QTest::newRow("exists, absent") << hasApp << Labels{} << false;
    QTest::newRow("labels and expressions ANDed") << both << web << true;
    QTest::newRow("labels and expressions, one fails") << both << labelsFrom({{"app", "web"}, {"tier", "db"}})
                                                       << false;
}

void TestLabelSelector::structMatches()
{
    QFETCH(LabelSelector, selector);
    QFETCH(Labels, labels);
    QFETCH(bool, expected);

    QCOMPARE(selector.matches(labels), expected);
}

// LabelSelectorAsSelector(nil) returns labels.Nothing(); an empty selector is labels.Everything().
void TestLabelSelector::nilSelectorMatchesNothing()
{
    const Labels labels = labelsFrom({{"app", "web"}});
    QVERIFY(!podscape::matchesOptionalSelector(std::nullopt, labels));
    QVERIFY(!podscape::matchesOptionalSelector(std::nullopt, Labels{}));
    QVERIFY(podscape::matchesOptionalSelector(LabelSelector{}, labels));
    QVERIFY(podscape::matchesOptionalSelector(LabelSelector{}, Labels{}));
}

// --- Manifest form ------------------------------------------------------------------------------

void TestLabelSelector::toString_data()
{
    QTest::addColumn<LabelSelector>("selector");
    QTest::addColumn<QString>("printed");

    QTest::newRow("empty") << LabelSelector{} << "";
    QTest::newRow("matchLabels sorted")
        << LabelSelector{{{"b", "2"}, {"a", "1"}}, {}} << "a=1,b=2";
    QTest::newRow("values sorted in output")
        << LabelSelector{{{"app", "web"}}, {{"tier", SelectorOperator::NotIn, {"db", "cache"}}}}
        << "app=web,tier notin (cache,db)";
    // safeSort sorts but does not deduplicate.
    QTest::newRow("duplicates kept") << LabelSelector{{}, {{"a", SelectorOperator::In, {"y", "x", "y"}}}}
                                     << "a in (x,y,y)";
    QTest::newRow("existence")
        << LabelSelector{{}, {{"z", SelectorOperator::Exists, {}}, {"legacy", SelectorOperator::DoesNotExist, {}}}}
        << "!legacy,z";
    // Requirements are sorted by key across matchLabels and matchExpressions; matchLabels first on ties.
    QTest::newRow("interleaved")
        << LabelSelector{{{"b", "1"}}, {{"c", SelectorOperator::Exists, {}}, {"a", SelectorOperator::In, {"x"}},
                                        {"b", SelectorOperator::NotIn, {"2"}}}}
        << "a in (x),b=1,b notin (2),c";
}

void TestLabelSelector::toString()
{
    QFETCH(LabelSelector, selector);
    QFETCH(QString, printed);

    QCOMPARE(QString::fromStdString(selector.toString()), printed);
}

void TestLabelSelector::validate_data()
{
    QTest::addColumn<LabelSelector>("selector");
    QTest::addColumn<QString>("message"); // empty: valid

    QTest::newRow("valid") << LabelSelector{{{"app", "web"}}, {{"tier", SelectorOperator::In, {"a", ""}}}} << "";
    QTest::newRow("empty") << LabelSelector{} << "";
    // NewRequirement: `field.Invalid(valuePath, vals, "for 'in', 'notin' operators, values set can't be empty")`,
    // vals printed with %#v; LabelSelectorAsSelector passes append([]string(nil), ...) so it is nil.
    QTest::newRow("in without values")
        << LabelSelector{{}, {{"tier", SelectorOperator::In, {}}}}
        << "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty";
    // NewRequirement: "values set must be empty for exists and does not exist"
    QTest::newRow("exists with values")
        << LabelSelector{{}, {{"tier", SelectorOperator::Exists, {"a", "b"}}}}
        << "values: Invalid value: []string{\"a\", \"b\"}: values set must be empty for exists and does not exist";
    QTest::newRow("bad matchLabels value")
        << LabelSelector{{{"app", "web app"}}, {}} << "values[0][app]: Invalid value: \"web app\": " + kLabelValueRule;
    // NewRequirement: `validateLabelKey(key, path.Child("key"))`
    QTest::newRow("bad key") << LabelSelector{{}, {{"_x", SelectorOperator::Exists, {}}}}
                             << "key: Invalid value: \"_x\": name part " + kLabelKeyRule;
    QTest::newRow("first failing requirement wins")
        << LabelSelector{{{"a", "-"}}, {{"b", SelectorOperator::NotIn, {}}}}
        << "values[0][a]: Invalid value: \"-\": " + kLabelValueRule;
}

void TestLabelSelector::validate()
{
    QFETCH(LabelSelector, selector);
    QFETCH(QString, message);

    const auto error = selector.validate();
    QCOMPARE(QString::fromStdString(error.value_or(std::string())), message);
}

void TestLabelSelector::operatorFromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowGtLt");
    QTest::addColumn<int>("expected"); // -1: unknown

    QTest::newRow("In") << "In" << false << int(SelectorOperator::In);
    QTest::newRow("NotIn") << "NotIn" << false << int(SelectorOperator::NotIn);
    QTest::newRow("Exists") << "Exists" << false << int(SelectorOperator::Exists);
    QTest::newRow("DoesNotExist") << "DoesNotExist" << false << int(SelectorOperator::DoesNotExist);
    QTest::newRow("Gt for label selector") << "Gt" << false << -1;
    QTest::newRow("Gt for node selector") << "Gt" << true << int(SelectorOperator::GreaterThan);
    QTest::newRow("Lt for node selector") << "Lt" << true << int(SelectorOperator::LessThan);
    QTest::newRow("case matters") << "in" << true << -1;
    QTest::newRow("string syntax is not manifest syntax") << "=" << true << -1;
}

void TestLabelSelector::operatorFromString()
{
    QFETCH(QString, text);
    QFETCH(bool, allowGtLt);
    QFETCH(int, expected);

    const auto op = podscape::selectorOperatorFromString(text.toStdString(), allowGtLt);
    QCOMPARE(op ? int(*op) : -1, expected);
    if (!op) {
        // helpers.go LabelSelectorAsSelector: `fmt.Errorf("%q is not a valid pod selector operator", expr.Operator)`
        QCOMPARE(QString::fromStdString(podscape::invalidLabelSelectorOperatorMessage(text.toStdString())),
                 "\"" + text + "\" is not a valid pod selector operator");
    }
}

// --- Node affinity -------------------------------------------------------------------------------

void TestLabelSelector::nodeAffinity_data()
{
    QTest::addColumn<NodeSelector>("selector");
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<QString>("nodeName");
    QTest::addColumn<bool>("expected");

    const Labels node = labelsFrom({{"zone", "a"}, {"cpus", "8"}, {"disk", "ssd"}});
    const auto gt = [](std::string value) {
        return NodeSelectorRequirement{"cpus", SelectorOperator::GreaterThan, {std::move(value)}};
    };
    const NodeSelectorRequirement zoneA{"zone", SelectorOperator::In, {"a"}};
    const NodeSelectorRequirement zoneB{"zone", SelectorOperator::In, {"b"}};

    QTest::newRow("gt") << nodeSelector({expressions({gt("4")})}) << node << "n1" << true;
    QTest::newRow("gt strict") << nodeSelector({expressions({gt("8")})}) << node << "n1" << false;
    QTest::newRow("lt") << nodeSelector({expressions({{"cpus", SelectorOperator::LessThan, {"16"}}})}) << node << "n1"
                        << true;
    // Requirement.Matches: strconv.ParseInt on the label fails -> false.
    QTest::newRow("gt, label not an integer")
        << nodeSelector({expressions({gt("4")})}) << labelsFrom({{"cpus", "eight"}}) << "n1" << false;
    QTest::newRow("gt, label absent") << nodeSelector({expressions({gt("4")})}) << Labels{} << "n1" << false;
    // ParseInt accepts a leading '+' on the node's label value.
    QTest::newRow("gt, label with plus sign")
        << nodeSelector({expressions({gt("4")})}) << labelsFrom({{"cpus", "+8"}}) << "n1" << true;
    // NewRequirement rejects a non-integer Gt value, so the term has a parse error and never matches.
    QTest::newRow("gt, value not an integer") << nodeSelector({expressions({gt("four")})}) << node << "n1" << false;
    QTest::newRow("gt, value overflows int64")
        << nodeSelector({expressions({gt("9223372036854775808")})}) << node << "n1" << false;
    QTest::newRow("gt, two values")
        << nodeSelector({expressions({{"cpus", SelectorOperator::GreaterThan, {"1", "2"}}})}) << node << "n1" << false;
    QTest::newRow("requirements ANDed") << nodeSelector({expressions({zoneA, gt("4")})}) << node << "n1" << true;
    QTest::newRow("requirements ANDed, one fails") << nodeSelector({expressions({zoneB, gt("4")})}) << node << "n1"
                                                   << false;
    QTest::newRow("terms ORed") << nodeSelector({expressions({zoneB}), expressions({zoneA})}) << node << "n1" << true;
    QTest::newRow("terms ORed, none match") << nodeSelector({expressions({zoneB}), expressions({gt("64")})}) << node
                                            << "n1" << false;
    QTest::newRow("no terms") << nodeSelector({}) << node << "n1" << false;
    // "nil or empty term selects no objects"
    QTest::newRow("empty term") << nodeSelector({NodeSelectorTerm{}}) << node << "n1" << false;
    QTest::newRow("empty term then match") << nodeSelector({NodeSelectorTerm{}, expressions({zoneA})}) << node << "n1"
                                           << true;
    // An invalid term fails alone (LazyErrorNodeSelector); the other terms still count.
    QTest::newRow("invalid term then match") << nodeSelector({expressions({gt("x")}), expressions({zoneA})}) << node
                                             << "n1" << true;
    QTest::newRow("notin, key absent")
        << nodeSelector({expressions({{"gpu", SelectorOperator::NotIn, {"nvidia"}}})}) << node << "n1" << true;
    QTest::newRow("does not exist") << nodeSelector({expressions({{"gpu", SelectorOperator::DoesNotExist, {}}})})
                                    << node << "n1" << true;
    QTest::newRow("exists") << nodeSelector({expressions({{"disk", SelectorOperator::Exists, {}}})}) << node << "n1"
                            << true;
    QTest::newRow("string-syntax operator unsupported")
        << nodeSelector({expressions({{"zone", SelectorOperator::Equals, {"a"}}})}) << node << "n1" << false;
    // NewRequirement validates values, so an In value that is not a label value never matches.
    QTest::newRow("invalid value never matches")
        << nodeSelector({expressions({{"zone", SelectorOperator::In, {"-a"}}})}) << labelsFrom({{"zone", "-a"}})
        << "n1" << false;
    QTest::newRow("in without values") << nodeSelector({expressions({{"zone", SelectorOperator::In, {}}})}) << node
                                       << "n1" << false;

    const NodeSelectorRequirement nameIsN1{"metadata.name", SelectorOperator::In, {"n1"}};
    QTest::newRow("field in") << nodeSelector({fields({nameIsN1})}) << node << "n1" << true;
    QTest::newRow("field in, other node") << nodeSelector({fields({nameIsN1})}) << node << "n2" << false;
    QTest::newRow("field notin") << nodeSelector({fields({{"metadata.name", SelectorOperator::NotIn, {"n1"}}})})
                                 << node << "n2" << true;
    QTest::newRow("fields and expressions ANDed") << nodeSelector({NodeSelectorTerm{{zoneB}, {nameIsN1}}}) << node
                                                  << "n1" << false;
    // nodeSelectorTerm.match: `t.matchFields != nil && len(nodeFields) > 0 && ...`: no name, no check.
    QTest::newRow("field ignored for unnamed node") << nodeSelector({fields({nameIsN1})}) << node << "" << true;
    // nodeSelectorRequirementsAsFieldSelector: In/NotIn need exactly one value ("must have one element").
    QTest::newRow("field with two values")
        << nodeSelector({fields({{"metadata.name", SelectorOperator::In, {"n1", "n2"}}})}) << node << "n1" << false;
    QTest::newRow("field with Exists") << nodeSelector({fields({{"metadata.name", SelectorOperator::Exists, {}}})})
                                       << node << "n1" << false;
}

void TestLabelSelector::nodeAffinity()
{
    QFETCH(NodeSelector, selector);
    QFETCH(Labels, labels);
    QFETCH(QString, nodeName);
    QFETCH(bool, expected);

    QCOMPARE(selector.matches(labels, nodeName.toStdString()), expected);
}

void TestLabelSelector::nodeSelectorValidate_data()
{
    QTest::addColumn<NodeSelector>("selector");
    QTest::addColumn<QString>("message"); // empty: valid

    QTest::newRow("valid") << nodeSelector({expressions({{"cpus", SelectorOperator::GreaterThan, {"4"}}})}) << "";
    QTest::newRow("empty terms are skipped") << nodeSelector({NodeSelectorTerm{}}) << "";
    // field.NotSupported(p.Child("operator"), expr.Operator, validSelectorOperators)
    QTest::newRow("unsupported operator")
        << nodeSelector({NodeSelectorTerm{}, expressions({{"zone", SelectorOperator::NotEquals, {"a"}}})})
        << "nodeSelectorTerms[1].matchExpressions[0].operator: Unsupported value: \"!=\": supported values: \"In\", "
           "\"NotIn\", \"Exists\", \"DoesNotExist\", \"Gt\", \"Lt\"";
    // NewRequirement with field.WithPath(p); errors of all terms flattened into one aggregate.
    QTest::newRow("flattened")
        << nodeSelector({expressions({{"cpus", SelectorOperator::LessThan, {"x"}}}),
                         fields({{"metadata.name", SelectorOperator::In, {}}})})
        << "[nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, "
           "the value must be an integer, nodeSelectorTerms[1].matchFields[0].values: Invalid value: []string(nil): "
           "must have one element]";
    QTest::newRow("field operator")
        << nodeSelector({fields({{"metadata.name", SelectorOperator::Exists, {}}})})
        << "nodeSelectorTerms[0].matchFields[0].operator: Unsupported value: \"Exists\": supported values: \"In\", "
           "\"NotIn\"";
}

void TestLabelSelector::nodeSelectorValidate()
{
    QFETCH(NodeSelector, selector);
    QFETCH(QString, message);

    const auto error = selector.validate();
    QCOMPARE(QString::fromStdString(error.value_or(std::string())), message);
}

// The scheduler calls matches() for every pod x node pair: it must not touch the heap.
void TestLabelSelector::matchesDoesNotAllocate()
{
    const auto labelSelector = LabelSelector::parse("app=web,tier notin (db,cache),!legacy,zone,cpus>2");
    QVERIFY(labelSelector.has_value());
    const NodeSelector affinity = nodeSelector(
        {expressions({{"zone", SelectorOperator::In, {"b"}}}),
         NodeSelectorTerm{{{"zone", SelectorOperator::In, {"a", "c"}}, {"cpus", SelectorOperator::GreaterThan, {"4"}},
                           {"example.com/disk", SelectorOperator::Exists, {}}},
                          {{"metadata.name", SelectorOperator::NotIn, {"n9"}}}}});
    const Labels labels = labelsFrom(
        {{"app", "web"}, {"tier", "frontend"}, {"zone", "a"}, {"cpus", "8"}, {"example.com/disk", "ssd"}});
    const std::string nodeName = "n1";

    const long before = g_allocations.load();
    const bool labelResult = labelSelector->matches(labels);
    const bool nodeResult = affinity.matches(labels, nodeName);
    const long allocations = g_allocations.load() - before;

    QVERIFY(labelResult);
    QVERIFY(nodeResult);
    QCOMPARE(allocations, 0L);
}

QTEST_APPLESS_MAIN(TestLabelSelector)

#include "tst_label_selector.moc"
