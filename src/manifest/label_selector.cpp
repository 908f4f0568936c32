#include "manifest/label_selector.h"

#include "manifest/name_validation.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>

namespace podscape {
namespace {

// ---------------------------------------------------------------------------------------------
// Format checks (api/validate/content: IsLabelKey, IsLabelValue, IsDNS1123Subdomain).
// Written by hand instead of with regexes because node matching re-checks validity per match.
// ---------------------------------------------------------------------------------------------

constexpr std::size_t kLabelNameMaxLength = 63;
constexpr std::size_t kLabelValueMaxLength = 63;
constexpr std::size_t kDnsSubdomainMaxLength = 253;
constexpr std::string_view kNodeNameField = "metadata.name";

bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isLowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$
bool isQualifiedNamePart(std::string_view s)
{
    if (s.empty() || !isAsciiAlnum(s.front()) || !isAsciiAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return isAsciiAlnum(c) || c == '-' || c == '_' || c == '.'; });
}

// ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$
bool isDns1123Label(std::string_view s)
{
    if (s.empty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return isLowerAlnum(c) || c == '-'; });
}

// ^label(\.label)*$
bool isDns1123Subdomain(std::string_view s)
{
    for (;;) {
        const std::size_t dot = s.find('.');
        if (!isDns1123Label(s.substr(0, dot)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        s.remove_prefix(dot + 1);
    }
}

// Bits, one per message content.IsLabelKey can produce, so the check itself builds no strings.
enum KeyProblem : unsigned {
    KeyTooManySlashes = 1u << 0,
    KeyPrefixEmpty = 1u << 1,
    KeyPrefixTooLong = 1u << 2,
    KeyPrefixFormat = 1u << 3,
    KeyNameEmpty = 1u << 4,
    KeyNameTooLong = 1u << 5,
    KeyNameFormat = 1u << 6,
};

unsigned prefixProblems(std::string_view prefix)
{
    if (prefix.empty())
        return KeyPrefixEmpty;
    unsigned problems = 0;
    if (prefix.size() > kDnsSubdomainMaxLength)
        problems |= KeyPrefixTooLong;
    if (!isDns1123Subdomain(prefix))
        problems |= KeyPrefixFormat;
    return problems;
}

unsigned labelKeyProblems(std::string_view key)
{
    unsigned problems = 0;
    std::string_view name = key;
    if (const std::size_t slash = key.find('/'); slash != std::string_view::npos) {
        // strings.Split(value, "/") with more than two parts returns one message and nothing else.
        if (key.find('/', slash + 1) != std::string_view::npos)
            return KeyTooManySlashes;
        problems |= prefixProblems(key.substr(0, slash));
        name = key.substr(slash + 1);
    }
    if (name.empty())
        problems |= KeyNameEmpty;
    else if (name.size() > kLabelNameMaxLength)
        problems |= KeyNameTooLong;
    if (!isQualifiedNamePart(name))
        problems |= KeyNameFormat; // an empty name fails the regex too, so it gets both messages
    return problems;
}

enum ValueProblem : unsigned { ValueTooLong = 1u << 0, ValueFormat = 1u << 1 };

unsigned labelValueProblems(std::string_view value)
{
    unsigned problems = 0;
    if (value.size() > kLabelValueMaxLength)
        problems |= ValueTooLong;
    if (!value.empty() && !isQualifiedNamePart(value))
        problems |= ValueFormat;
    return problems;
}

// strconv.ParseInt(s, 10, 64): optional '+' or '-', then only decimal digits, within int64.
std::optional<std::int64_t> parseInt64(std::string_view text)
{
    bool negative = false;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty())
        return std::nullopt;
    const std::uint64_t limit = negative ? 9223372036854775808ull : 9223372036854775807ull;
    std::uint64_t magnitude = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (magnitude > (limit - digit) / 10)
            return std::nullopt;
        magnitude = magnitude * 10 + digit;
    }
    return negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
}

// ---------------------------------------------------------------------------------------------
// Matching (labels.Requirement.Matches). Allocation-free: map::find with the stored key.
// ---------------------------------------------------------------------------------------------

bool hasValue(const std::vector<std::string> &values, const std::string &value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool compareIntegers(SelectorOperator op, const std::string &labelValue, const std::vector<std::string> &values)
{
    // Kubernetes logs and returns false on any parse failure rather than erroring.
    const auto actual = parseInt64(labelValue);
    if (!actual || values.size() != 1)
        return false;
    const auto wanted = parseInt64(values.front());
    if (!wanted)
        return false;
    return op == SelectorOperator::GreaterThan ? *actual > *wanted : *actual < *wanted;
}

template <typename Requirement>
bool requirementMatches(const Requirement &r, const Labels &labels)
{
    const auto found = labels.find(r.key);
    const bool exists = found != labels.end();
    switch (r.op) {
    case SelectorOperator::In:
    case SelectorOperator::Equals:
    case SelectorOperator::DoubleEquals:
        return exists && hasValue(r.values, found->second);
    case SelectorOperator::NotIn:
    case SelectorOperator::NotEquals:
        return !exists || !hasValue(r.values, found->second);
    case SelectorOperator::Exists:
        return exists;
    case SelectorOperator::DoesNotExist:
        return !exists;
    case SelectorOperator::GreaterThan:
    case SelectorOperator::LessThan:
        return exists && compareIntegers(r.op, found->second, r.values);
    }
    return false;
}

// fields.OneTermEqualSelector / OneTermNotEqualSelector over a fields.Set holding only
// metadata.name: any other field reads as "".
bool fieldRequirementMatches(const NodeSelectorRequirement &r, std::string_view nodeName)
{
    if (r.values.size() != 1)
        return false; // invalid; the term is rejected by validation anyway
    const std::string_view field = r.key == kNodeNameField ? nodeName : std::string_view{};
    if (r.op == SelectorOperator::In)
        return field == r.values.front();
    if (r.op == SelectorOperator::NotIn)
        return field != r.values.front();
    return false;
}

// ---------------------------------------------------------------------------------------------
// Requirement checks (labels.NewRequirement and nodeaffinity's operator switches), as a
// visitor over problem kinds: the matcher only asks "any problem?" without building strings,
// the validate() paths format each problem. One walk keeps both in Kubernetes' order.
// ---------------------------------------------------------------------------------------------

enum class ProblemKind {
    Key,
    InNotInEmpty,
    ExactMatchCount,
    ExistenceHasValues,
    GtLtCount,
    GtLtNotInteger,
    Value,
    ExpressionOperator,
    FieldOperator,
    FieldValueCount,
};

struct Problem {
    ProblemKind kind;
    std::size_t index = 0;
};

bool isNodeExpressionOperator(SelectorOperator op)
{
    switch (op) {
    case SelectorOperator::In:
    case SelectorOperator::NotIn:
    case SelectorOperator::Exists:
    case SelectorOperator::DoesNotExist:
    case SelectorOperator::GreaterThan:
    case SelectorOperator::LessThan:
        return true;
    default:
        return false;
    }
}

// Each visit returns false to stop the walk; these helpers return false once stopped.
template <typename Visit>
bool visitGtLtProblems(const std::vector<std::string> &values, Visit &visit)
{
    if (values.size() != 1 && !visit(Problem{ProblemKind::GtLtCount}))
        return false;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!parseInt64(values[i]) && !visit(Problem{ProblemKind::GtLtNotInteger, i}))
            return false;
    }
    return true;
}

template <typename Visit>
bool visitValueCountProblems(SelectorOperator op, const std::vector<std::string> &values, Visit &visit)
{
    switch (op) {
    case SelectorOperator::In:
    case SelectorOperator::NotIn:
        return !values.empty() || visit(Problem{ProblemKind::InNotInEmpty});
    case SelectorOperator::Equals:
    case SelectorOperator::DoubleEquals:
    case SelectorOperator::NotEquals:
        return values.size() == 1 || visit(Problem{ProblemKind::ExactMatchCount});
    case SelectorOperator::Exists:
    case SelectorOperator::DoesNotExist:
        return values.empty() || visit(Problem{ProblemKind::ExistenceHasValues});
    case SelectorOperator::GreaterThan:
    case SelectorOperator::LessThan:
        return visitGtLtProblems(values, visit);
    }
    return true;
}

// labels.NewRequirement: key, then operator-specific value rules, then every value's format.
template <typename Requirement, typename Visit>
void visitNewRequirementProblems(const Requirement &r, Visit &&visit)
{
    if (labelKeyProblems(r.key) != 0 && !visit(Problem{ProblemKind::Key}))
        return;
    if (!visitValueCountProblems(r.op, r.values, visit))
        return;
    for (std::size_t i = 0; i < r.values.size(); ++i) {
        if (labelValueProblems(r.values[i]) != 0 && !visit(Problem{ProblemKind::Value, i}))
            return;
    }
}

// nodeSelectorRequirementsAsSelector: unknown operators are reported without NewRequirement.
template <typename Visit>
void visitNodeExpressionProblems(const NodeSelectorRequirement &r, Visit &&visit)
{
    if (!isNodeExpressionOperator(r.op)) {
        visit(Problem{ProblemKind::ExpressionOperator});
        return;
    }
    visitNewRequirementProblems(r, visit);
}

// nodeSelectorRequirementsAsFieldSelector: In/NotIn with exactly one value; key unchecked.
template <typename Visit>
void visitNodeFieldProblems(const NodeSelectorRequirement &r, Visit &&visit)
{
    if (r.op != SelectorOperator::In && r.op != SelectorOperator::NotIn)
        visit(Problem{ProblemKind::FieldOperator});
    else if (r.values.size() != 1)
        visit(Problem{ProblemKind::FieldValueCount});
}

template <typename Walk>
bool hasNoProblems(Walk &&walk)
{
    bool valid = true;
    walk([&valid](const Problem &) {
        valid = false;
        return false;
    });
    return valid;
}

bool isValidTerm(const NodeSelectorTerm &term)
{
    const auto expressionValid = [](const NodeSelectorRequirement &r) {
        return hasNoProblems([&r](auto &&visit) { visitNodeExpressionProblems(r, visit); });
    };
    const auto fieldValid = [](const NodeSelectorRequirement &r) {
        return hasNoProblems([&r](auto &&visit) { visitNodeFieldProblems(r, visit); });
    };
    return std::all_of(term.matchExpressions.begin(), term.matchExpressions.end(), expressionValid)
        && std::all_of(term.matchFields.begin(), term.matchFields.end(), fieldValid);
}

// ---------------------------------------------------------------------------------------------
// Message formatting (content/errors.go, field/errors.go, field/path.go, util/errors).
// ---------------------------------------------------------------------------------------------

constexpr std::string_view kLabelKeyErrMsg =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
constexpr std::string_view kLabelKeyFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
constexpr std::string_view kDnsSubdomainErrMsg =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
    "and end with an alphanumeric character";
constexpr std::string_view kDnsSubdomainFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

std::string join(const std::vector<std::string> &parts, std::string_view separator)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += separator;
        out += parts[i];
    }
    return out;
}

std::string maxLenError(std::size_t length)
{
    return "must be no more than " + std::to_string(length) + " bytes";
}

std::string labelKeyFormatError()
{
    return regexError(kLabelKeyErrMsg, kLabelKeyFmt, {"MyName", "my.name", "123-abc"});
}

// content.IsLabelKey's messages, in its order, joined as validateLabelKey joins them.
std::string labelKeyDetail(std::string_view key)
{
    const unsigned problems = labelKeyProblems(key);
    if (problems & KeyTooManySlashes)
        return "a valid label key " + labelKeyFormatError()
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
    std::vector<std::string> messages;
    if (problems & KeyPrefixEmpty)
        messages.push_back("prefix part must be non-empty");
    if (problems & KeyPrefixTooLong)
        messages.push_back("prefix part " + maxLenError(kDnsSubdomainMaxLength));
    if (problems & KeyPrefixFormat)
        messages.push_back("prefix part " + regexError(kDnsSubdomainErrMsg, kDnsSubdomainFmt, {"example.com"}));
    if (problems & KeyNameEmpty)
        messages.push_back("name part must be non-empty");
    if (problems & KeyNameTooLong)
        messages.push_back("name part " + maxLenError(kLabelNameMaxLength));
    if (problems & KeyNameFormat)
        messages.push_back("name part " + labelKeyFormatError());
    return join(messages, "; ");
}

// content.IsLabelValue's messages (name_validation), joined as the selector parser joins them.
std::string labelValueDetail(std::string_view value)
{
    return join(isValidLabelValue(value), "; ");
}

// Go's %q (strconv.Quote) for the ASCII range; bytes >= 0x80 pass through, assumed UTF-8.
std::string goQuote(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\v': out += "\\v"; break;
        default:
            if (byte < 0x20 || byte == 0x7f) {
                out += "\\x";
                out += kHex[byte >> 4];
                out += kHex[byte & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

// Go's %#v of a []string. An empty list prints as nil ("[]string(nil)"): that is what an
// omitted `values:` decodes to, and what LabelSelectorAsSelector passes on.
std::string goStringSlice(const std::vector<std::string> &values)
{
    if (values.empty())
        return "[]string(nil)";
    std::vector<std::string> quoted;
    for (const auto &value : values)
        quoted.push_back(goQuote(value));
    return "[]string{" + join(quoted, ", ") + "}";
}

// field.Path.String(): "" stands for a nil path, so a child of it has no leading '.'.
std::string childPath(const std::string &parent, std::string_view name)
{
    return parent.empty() ? std::string(name) : parent + "." + std::string(name);
}

std::string indexPath(const std::string &parent, std::size_t index)
{
    return parent + "[" + std::to_string(index) + "]";
}

// field.Invalid(...).Error()
std::string invalidFieldError(const std::string &field, const std::string &badValue, std::string_view detail)
{
    return field + ": Invalid value: " + badValue + ": " + std::string(detail);
}

// field.NotSupported(...).Error()
std::string unsupportedFieldError(const std::string &field, std::string_view badValue,
                                  const std::vector<std::string_view> &supported)
{
    std::vector<std::string> quoted;
    for (const auto value : supported)
        quoted.push_back(goQuote(value));
    return field + ": Unsupported value: " + goQuote(badValue) + ": supported values: " + join(quoted, ", ");
}

// util/errors aggregate: duplicate messages dropped, several shown as "[a, b]".
std::string aggregateError(const std::vector<std::string> &messages)
{
    std::vector<std::string> unique;
    for (const auto &message : messages) {
        if (std::find(unique.begin(), unique.end(), message) == unique.end())
            unique.push_back(message);
    }
    return unique.size() == 1 ? unique.front() : "[" + join(unique, ", ") + "]";
}

// Operator as a NotSupported message would quote it: manifest spelling where one exists.
std::string_view operatorSpelling(SelectorOperator op)
{
    switch (op) {
    case SelectorOperator::In: return "In";
    case SelectorOperator::NotIn: return "NotIn";
    case SelectorOperator::Exists: return "Exists";
    case SelectorOperator::DoesNotExist: return "DoesNotExist";
    case SelectorOperator::Equals: return "=";
    case SelectorOperator::DoubleEquals: return "==";
    case SelectorOperator::NotEquals: return "!=";
    case SelectorOperator::GreaterThan: return "Gt";
    case SelectorOperator::LessThan: return "Lt";
    }
    return "";
}

template <typename Requirement>
std::string describeValueCountProblem(const Problem &problem, const Requirement &r, const std::string &path)
{
    std::string_view detail;
    switch (problem.kind) {
    case ProblemKind::InNotInEmpty: detail = "for 'in', 'notin' operators, values set can't be empty"; break;
    case ProblemKind::ExactMatchCount: detail = "exact-match compatibility requires one single value"; break;
    case ProblemKind::ExistenceHasValues: detail = "values set must be empty for exists and does not exist"; break;
    case ProblemKind::GtLtCount: detail = "for 'Gt', 'Lt' operators, exactly one value is required"; break;
    case ProblemKind::FieldValueCount: detail = "must have one element"; break;
    default: break;
    }
    return invalidFieldError(childPath(path, "values"), goStringSlice(r.values), detail);
}

// `path` is the requirement's field path ("" = nil, as for labels.Parse and LabelSelectorAsSelector).
template <typename Requirement>
std::string describeProblem(const Problem &problem, const Requirement &r, const std::string &path)
{
    const std::string valuePath = childPath(path, "values");
    switch (problem.kind) {
    case ProblemKind::Key:
        return invalidFieldError(childPath(path, "key"), goQuote(r.key), labelKeyDetail(r.key));
    case ProblemKind::GtLtNotInteger:
        return invalidFieldError(indexPath(valuePath, problem.index), goQuote(r.values[problem.index]),
                                 "for 'Gt', 'Lt' operators, the value must be an integer");
    case ProblemKind::Value: // validateLabelValue subscripts the value path with the key
        return invalidFieldError(indexPath(valuePath, problem.index) + "[" + r.key + "]",
                                 goQuote(r.values[problem.index]), labelValueDetail(r.values[problem.index]));
    case ProblemKind::ExpressionOperator:
        return unsupportedFieldError(childPath(path, "operator"), operatorSpelling(r.op),
                                     {"In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"});
    case ProblemKind::FieldOperator:
        return unsupportedFieldError(childPath(path, "operator"), operatorSpelling(r.op), {"In", "NotIn"});
    default:
        return describeValueCountProblem(problem, r, path);
    }
}

template <typename Requirement, typename Walk>
std::vector<std::string> problemMessages(const Requirement &r, const std::string &path, Walk &&walk)
{
    std::vector<std::string> messages;
    walk([&](const Problem &problem) {
        messages.push_back(describeProblem(problem, r, path));
        return true;
    });
    return messages;
}

template <typename Requirement>
std::optional<std::string> newRequirementError(const Requirement &r)
{
    const auto messages = problemMessages(r, {}, [&r](auto &&visit) { visitNewRequirementProblems(r, visit); });
    if (messages.empty())
        return std::nullopt;
    return aggregateError(messages);
}

// ---------------------------------------------------------------------------------------------
// String form (Requirement.String, internalSelector.String)
// ---------------------------------------------------------------------------------------------

std::string_view operatorSymbol(SelectorOperator op)
{
    switch (op) {
    case SelectorOperator::Equals: return "=";
    case SelectorOperator::DoubleEquals: return "==";
    case SelectorOperator::NotEquals: return "!=";
    case SelectorOperator::In: return " in ";
    case SelectorOperator::NotIn: return " notin ";
    case SelectorOperator::GreaterThan: return ">";
    case SelectorOperator::LessThan: return "<";
    case SelectorOperator::Exists:
    case SelectorOperator::DoesNotExist: return "";
    }
    return "";
}

// Values print sorted (safeSort) but not deduplicated.
std::string sortedValueList(std::vector<std::string> values)
{
    std::sort(values.begin(), values.end());
    return join(values, ",");
}

std::string requirementString(const LabelSelectorRequirement &r)
{
    if (r.op == SelectorOperator::Exists)
        return r.key;
    if (r.op == SelectorOperator::DoesNotExist)
        return "!" + r.key;
    const bool isSet = r.op == SelectorOperator::In || r.op == SelectorOperator::NotIn;
    std::string out = r.key + std::string(operatorSymbol(r.op));
    if (isSet)
        out += "(";
    out += sortedValueList(r.values);
    if (isSet)
        out += ")";
    return out;
}

// LabelSelectorAsSelector order: matchLabels, then matchExpressions, then Add() sorts by key.
std::vector<LabelSelectorRequirement> allRequirements(const LabelSelector &selector)
{
    std::vector<LabelSelectorRequirement> all;
    for (const auto &[key, value] : selector.matchLabels)
        all.push_back({key, SelectorOperator::Equals, {value}});
    all.insert(all.end(), selector.matchExpressions.begin(), selector.matchExpressions.end());
    return all;
}

void sortByKey(std::vector<LabelSelectorRequirement> &requirements)
{
    // Go's sort.Sort is an insertion sort for the small slices seen in practice, i.e. stable.
    std::stable_sort(requirements.begin(), requirements.end(),
                     [](const auto &a, const auto &b) { return a.key < b.key; });
}

// ---------------------------------------------------------------------------------------------
// Lexer and parser: a port of labels.Lexer / labels.Parser, quirks included.
// ---------------------------------------------------------------------------------------------

enum class Token {
    Error,
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar,
};

struct ScannedItem {
    Token token;
    std::string literal;
};

// string2token
std::optional<Token> literalToken(std::string_view text)
{
    static const std::pair<std::string_view, Token> kTokens[] = {
        {")", Token::ClosedPar},   {",", Token::Comma},      {"!", Token::DoesNotExist},
        {"==", Token::DoubleEquals}, {"=", Token::Equals},   {">", Token::GreaterThan},
        {"in", Token::In},         {"<", Token::LessThan},   {"!=", Token::NotEquals},
        {"notin", Token::NotIn},   {"(", Token::OpenPar},
    };
    for (const auto &[spelling, token] : kTokens) {
        if (spelling == text)
            return token;
    }
    return std::nullopt;
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isSpecialSymbol(char c)
{
    switch (c) {
    case '=': case '!': case '(': case ')': case ',': case '>': case '<':
        return true;
    default:
        return false;
    }
}

class Lexer {
public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    ScannedItem lex()
    {
        const char c = skipWhitespace(read());
        if (c == 0)
            return {Token::EndOfString, {}};
        unread();
        return isSpecialSymbol(c) ? scanSpecialSymbol() : scanIdentifierOrKeyword();
    }

private:
    // Like Go's Lexer.read, a NUL byte reads as 0 just like the end of input, so an embedded
    // NUL ends a token (mid-token) or the whole selector (between tokens).
    char read() { return m_pos < m_text.size() ? m_text[m_pos++] : 0; }
    void unread() { --m_pos; }

    char skipWhitespace(char c)
    {
        while (isWhitespace(c))
            c = read();
        return c;
    }

    ScannedItem scanIdentifierOrKeyword()
    {
        std::string buffer;
        for (char c = read(); c != 0; c = read()) {
            if (isSpecialSymbol(c) || isWhitespace(c)) {
                unread();
                break;
            }
            buffer += c;
        }
        const auto keyword = literalToken(buffer);
        return {keyword.value_or(Token::Identifier), buffer};
    }

    // Longest run of special characters that is still a token: "!=" rather than "!", "=".
    ScannedItem scanSpecialSymbol()
    {
        std::optional<ScannedItem> last;
        std::string buffer;
        for (char c = read(); c != 0; c = read()) {
            if (!isSpecialSymbol(c)) {
                unread();
                break;
            }
            buffer += c;
            if (const auto token = literalToken(buffer)) {
                last = ScannedItem{*token, buffer};
            } else if (last) {
                unread();
                break;
            }
        }
        if (!last) // unreachable in practice: every single special character is a token
            return {Token::Error, "error expected: keyword found '" + buffer + "'"};
        return *last;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

class Parser {
public:
    explicit Parser(std::string_view text)
    {
        Lexer lexer(text);
        do
            m_items.push_back(lexer.lex());
        while (m_items.back().token != Token::EndOfString);
    }

    std::optional<std::vector<LabelSelectorRequirement>> parse();
    const std::string &error() const { return m_error; }

private:
    // In the Values context "in" and "notin" are plain identifiers: `in in (in)` is valid.
    enum class Context { KeyAndOperator, Values };

    struct Item {
        Token token;
        std::string_view literal;
    };

    Item lookahead(Context context) const
    {
        const ScannedItem &item = m_items[std::min(m_position, m_items.size() - 1)];
        Token token = item.token;
        if (context == Context::Values && (token == Token::In || token == Token::NotIn))
            token = Token::Identifier;
        return {token, item.literal};
    }

    Item consume(Context context)
    {
        const Item item = lookahead(context);
        ++m_position;
        return item;
    }

    bool fail(std::string message)
    {
        m_error = std::move(message);
        return false;
    }

    static std::string found(std::string_view literal) { return "found '" + std::string(literal) + "'"; }

    bool parseRequirementList(std::vector<LabelSelectorRequirement> &requirements);
    bool parseRequirement(LabelSelectorRequirement &requirement);
    bool parseKeyAndInferOperator(LabelSelectorRequirement &requirement, bool &hasOperator);
    bool parseOperator(SelectorOperator &op);
    bool parseValues(std::set<std::string> &values);
    bool parseIdentifiersList(std::set<std::string> &values);
    bool parseExactValue(std::set<std::string> &values);

    std::vector<ScannedItem> m_items;
    std::size_t m_position = 0;
    std::string m_error;
};

std::optional<std::vector<LabelSelectorRequirement>> Parser::parse()
{
    std::vector<LabelSelectorRequirement> requirements;
    if (!parseRequirementList(requirements))
        return std::nullopt;
    sortByKey(requirements);
    return requirements;
}

// Parser.parse
bool Parser::parseRequirementList(std::vector<LabelSelectorRequirement> &requirements)
{
    for (;;) {
        const Item next = lookahead(Context::Values);
        if (next.token == Token::EndOfString)
            return true;
        if (next.token != Token::Identifier && next.token != Token::DoesNotExist)
            return fail(found(next.literal) + ", expected: !, identifier, or 'end of string'");
        LabelSelectorRequirement requirement;
        if (!parseRequirement(requirement))
            return fail("unable to parse requirement: " + m_error);
        requirements.push_back(std::move(requirement));
        const Item separator = consume(Context::Values);
        if (separator.token == Token::EndOfString)
            return true;
        if (separator.token != Token::Comma)
            return fail(found(separator.literal) + ", expected: ',' or 'end of string'");
        const Item afterComma = lookahead(Context::Values);
        if (afterComma.token != Token::Identifier && afterComma.token != Token::DoesNotExist)
            return fail(found(afterComma.literal) + ", expected: identifier after ','");
    }
}

bool Parser::parseRequirement(LabelSelectorRequirement &requirement)
{
    bool hasOperator = false;
    if (!parseKeyAndInferOperator(requirement, hasOperator))
        return false;
    if (!hasOperator) {
        std::set<std::string> values; // sets.String: sorted and deduplicated, like values.List()
        if (!parseOperator(requirement.op))
            return false;
        const bool isSet = requirement.op == SelectorOperator::In || requirement.op == SelectorOperator::NotIn;
        if (!(isSet ? parseValues(values) : parseExactValue(values)))
            return false;
        requirement.values.assign(values.begin(), values.end());
    }
    if (const auto error = newRequirementError(requirement))
        return fail(*error);
    return true;
}

// Parser.parseKeyAndInferOperator: "!key" is DoesNotExist; a bare key before ',' or the end is
// Exists. "!key=value" stays DoesNotExist and fails later at the '='.
bool Parser::parseKeyAndInferOperator(LabelSelectorRequirement &requirement, bool &hasOperator)
{
    Item item = consume(Context::Values);
    hasOperator = item.token == Token::DoesNotExist;
    if (hasOperator) {
        requirement.op = SelectorOperator::DoesNotExist;
        item = consume(Context::Values);
    }
    if (item.token != Token::Identifier)
        return fail(found(item.literal) + ", expected: identifier");
    requirement.key = std::string(item.literal);
    if (labelKeyProblems(requirement.key) != 0) // validated with the parser's nil field path
        return fail(invalidFieldError("<nil>", goQuote(requirement.key), labelKeyDetail(requirement.key)));
    const Token next = lookahead(Context::Values).token;
    if (!hasOperator && (next == Token::EndOfString || next == Token::Comma)) {
        requirement.op = SelectorOperator::Exists;
        hasOperator = true;
    }
    return true;
}

bool Parser::parseOperator(SelectorOperator &op)
{
    const Item item = consume(Context::KeyAndOperator);
    switch (item.token) {
    case Token::In: op = SelectorOperator::In; return true;
    case Token::Equals: op = SelectorOperator::Equals; return true;
    case Token::DoubleEquals: op = SelectorOperator::DoubleEquals; return true;
    case Token::GreaterThan: op = SelectorOperator::GreaterThan; return true;
    case Token::LessThan: op = SelectorOperator::LessThan; return true;
    case Token::NotIn: op = SelectorOperator::NotIn; return true;
    case Token::NotEquals: op = SelectorOperator::NotEquals; return true;
    default: return fail(found(item.literal) + ", expected: in, notin, =, ==, !=, gt, lt");
    }
}

// Parser.parseValues: "()" means the single value "". Note Kubernetes' missing comma in
// "found 'x' expected: '('".
bool Parser::parseValues(std::set<std::string> &values)
{
    const Item open = consume(Context::Values);
    if (open.token != Token::OpenPar)
        return fail(found(open.literal) + " expected: '('");
    const Item next = lookahead(Context::Values);
    if (next.token == Token::ClosedPar) {
        consume(Context::Values);
        values.insert("");
        return true;
    }
    if (next.token != Token::Identifier && next.token != Token::Comma)
        return fail(found(next.literal) + ", expected: ',', ')' or identifier");
    if (!parseIdentifiersList(values))
        return false;
    consume(Context::Values); // the ')' that parseIdentifiersList stopped at
    return true;
}

// Parser.parseIdentifiersList: empty entries ("(,a)", "(a,,b)", "(a,)") add the value "".
bool Parser::parseIdentifiersList(std::set<std::string> &values)
{
    for (;;) {
        const Item item = consume(Context::Values);
        if (item.token == Token::Identifier) {
            values.insert(std::string(item.literal));
            const Item next = lookahead(Context::Values);
            if (next.token == Token::ClosedPar)
                return true;
            if (next.token != Token::Comma)
                return fail(found(next.literal) + ", expected: ',' or ')'");
        } else if (item.token == Token::Comma) {
            if (values.empty())
                values.insert("");
            const Token next = lookahead(Context::Values).token;
            if (next == Token::ClosedPar || next == Token::Comma)
                values.insert("");
            if (next == Token::ClosedPar)
                return true;
        } else {
            return fail(found(item.literal) + ", expected: ',', or identifier");
        }
    }
}

// Parser.parseExactValue: "key=" (at the end or before ',') means the value "".
bool Parser::parseExactValue(std::set<std::string> &values)
{
    const Token next = lookahead(Context::Values).token;
    if (next == Token::EndOfString || next == Token::Comma) {
        values.insert("");
        return true;
    }
    const Item item = consume(Context::Values);
    if (item.token != Token::Identifier)
        return fail(found(item.literal) + ", expected: identifier");
    values.insert(std::string(item.literal));
    return true;
}

// Error of one node selector term, with nodeaffinity's field paths.
void appendTermProblems(const NodeSelectorTerm &term, const std::string &termPath, std::vector<std::string> &messages)
{
    const std::string expressionsPath = childPath(termPath, "matchExpressions");
    for (std::size_t i = 0; i < term.matchExpressions.size(); ++i) {
        const auto &r = term.matchExpressions[i];
        const auto found = problemMessages(r, indexPath(expressionsPath, i),
                                           [&r](auto &&visit) { visitNodeExpressionProblems(r, visit); });
        messages.insert(messages.end(), found.begin(), found.end());
    }
    const std::string fieldsPath = childPath(termPath, "matchFields");
    for (std::size_t i = 0; i < term.matchFields.size(); ++i) {
        const auto &r = term.matchFields[i];
        const auto found = problemMessages(r, indexPath(fieldsPath, i),
                                           [&r](auto &&visit) { visitNodeFieldProblems(r, visit); });
        messages.insert(messages.end(), found.begin(), found.end());
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

bool LabelSelectorRequirement::matches(const Labels &labels) const
{
    return requirementMatches(*this, labels);
}

std::string LabelSelectorRequirement::toString() const
{
    return requirementString(*this);
}

bool LabelSelector::matches(const Labels &labels) const
{
    for (const auto &[key, value] : matchLabels) {
        const auto found = labels.find(key);
        if (found == labels.end() || found->second != value)
            return false;
    }
    return std::all_of(matchExpressions.begin(), matchExpressions.end(),
                       [&labels](const LabelSelectorRequirement &r) { return r.matches(labels); });
}

bool LabelSelector::isEmpty() const
{
    return matchLabels.empty() && matchExpressions.empty();
}

std::string LabelSelector::toString() const
{
    auto requirements = allRequirements(*this);
    sortByKey(requirements);
    std::vector<std::string> parts;
    for (const auto &r : requirements)
        parts.push_back(r.toString());
    return join(parts, ",");
}

std::optional<std::string> LabelSelector::validate() const
{
    // Go iterates matchLabels in random order; ours is sorted, so the first error is stable.
    for (const auto &r : allRequirements(*this)) {
        if (auto error = newRequirementError(r))
            return error;
    }
    return std::nullopt;
}

std::optional<LabelSelector> LabelSelector::parse(std::string_view text, std::string *error)
{
    Parser parser(text);
    auto requirements = parser.parse();
    if (!requirements) {
        if (error)
            *error = parser.error();
        return std::nullopt;
    }
    LabelSelector selector;
    selector.matchExpressions = std::move(*requirements);
    return selector;
}

bool matchesOptionalSelector(const std::optional<LabelSelector> &selector, const Labels &labels)
{
    return selector && selector->matches(labels);
}

std::optional<SelectorOperator> selectorOperatorFromString(std::string_view op, bool allowGtLt)
{
    if (op == "In")
        return SelectorOperator::In;
    if (op == "NotIn")
        return SelectorOperator::NotIn;
    if (op == "Exists")
        return SelectorOperator::Exists;
    if (op == "DoesNotExist")
        return SelectorOperator::DoesNotExist;
    if (allowGtLt && op == "Gt")
        return SelectorOperator::GreaterThan;
    if (allowGtLt && op == "Lt")
        return SelectorOperator::LessThan;
    return std::nullopt;
}

std::string invalidLabelSelectorOperatorMessage(std::string_view op)
{
    return goQuote(op) + " is not a valid pod selector operator";
}

bool NodeSelectorTerm::isEmpty() const
{
    return matchExpressions.empty() && matchFields.empty();
}

bool matchesNodeSelectorTerm(const NodeSelectorTerm &term, const Labels &nodeLabels, const std::string &nodeName)
{
    if (term.isEmpty())
        return false; // "nil or empty term selects no objects"
    const bool expressionsMatch =
        std::all_of(term.matchExpressions.begin(), term.matchExpressions.end(),
                    [&nodeLabels](const NodeSelectorRequirement &r) { return requirementMatches(r, nodeLabels); });
    // Kubernetes skips matchFields when the node's field set is empty, i.e. the name is "".
    const bool fieldsMatch = nodeName.empty()
        || std::all_of(term.matchFields.begin(), term.matchFields.end(),
                       [&nodeName](const NodeSelectorRequirement &r) { return fieldRequirementMatches(r, nodeName); });
    // A term with a parse error never matches. Checked last: a valid term's result is the match
    // itself, so most non-matching nodes never pay for the check.
    return expressionsMatch && fieldsMatch && isValidTerm(term);
}

bool NodeSelector::matches(const Labels &nodeLabels, const std::string &nodeName) const
{
    return std::any_of(nodeSelectorTerms.begin(), nodeSelectorTerms.end(), [&](const NodeSelectorTerm &term) {
        return matchesNodeSelectorTerm(term, nodeLabels, nodeName);
    });
}

std::optional<std::string> NodeSelector::validate() const
{
    std::vector<std::string> messages;
    for (std::size_t i = 0; i < nodeSelectorTerms.size(); ++i) {
        if (!nodeSelectorTerms[i].isEmpty()) // empty terms are skipped, not errors
            appendTermProblems(nodeSelectorTerms[i], indexPath("nodeSelectorTerms", i), messages);
    }
    if (messages.empty())
        return std::nullopt;
    return aggregateError(messages);
}

std::string_view selectorOperatorSpelling(SelectorOperator op)
{
    return operatorSpelling(op);
}

} // namespace podscape
