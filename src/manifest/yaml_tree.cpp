#include "manifest/yaml_tree.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <istream>
#include <streambuf>
#include <unordered_map>

namespace podscape::yaml {

const Node *Node::find(std::string_view key) const
{
    if (type != Type::Map)
        return nullptr;
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
        const Node *k = children[i];
        if (k->type == Type::Scalar && k->value == key)
            return children[i + 1];
    }
    return nullptr;
}

// --- scalar resolution (go-yaml v2, the decoder behind sigs.k8s.io/yaml) ---------------------

namespace {

constexpr std::array kTrueWords{"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
constexpr std::array kFalseWords{"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
constexpr std::array kNullWords{"", "~", "null", "Null", "NULL"};
constexpr std::array kSpecialFloats{".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
                                    "-.inf", "-.Inf", "-.INF"};

template <std::size_t N> bool oneOf(std::string_view s, const std::array<const char *, N> &words)
{
    return std::any_of(words.begin(), words.end(), [s](const char *w) { return s == w; });
}

bool allDigits(std::string_view s, int base)
{
    if (s.empty())
        return false;
    for (char c : s) {
        bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                             : (c >= '0' && c < static_cast<char>('0' + base));
        if (!ok)
            return false;
    }
    return true;
}

bool looksLikeInt(std::string plain)
{
    plain.erase(std::remove(plain.begin(), plain.end(), '_'), plain.end());
    std::string_view s = plain;
    if (!s.empty() && (s[0] == '+' || s[0] == '-'))
        s.remove_prefix(1);
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        return allDigits(s.substr(2), 16);
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
        return allDigits(s.substr(2), 2);
    return allDigits(s, 10);
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool looksLikeFloat(std::string_view s)
{
    std::size_t i = 0;
    auto digits = [&] {
        std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        return i - start;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (digits() == 0)
            return false;
    } else {
        if (digits() == 0)
            return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            digits();
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == s.size();
}

}  // namespace

ScalarKind resolveScalar(const Node &node)
{
    if (node.type == Node::Type::Null)
        return ScalarKind::Null;
    if (node.type != Node::Type::Scalar || node.quoted)
        return ScalarKind::String;
    const std::string &s = node.value;
    if (oneOf(s, kNullWords))
        return ScalarKind::Null;
    if (oneOf(s, kTrueWords) || oneOf(s, kFalseWords))
        return ScalarKind::Bool;
    if (oneOf(s, kSpecialFloats))
        return ScalarKind::Float;
    if (looksLikeInt(s))
        return ScalarKind::Int;
    if (looksLikeFloat(s))
        return ScalarKind::Float;
    return ScalarKind::String;
}

bool resolvedBool(const Node &node)
{
    return oneOf(node.value, kTrueWords);
}

// --- checks before yaml-cpp sees the text ---------------------------------------------------

namespace {

// Finds, without parsing, the two things yaml-cpp handles badly: nesting deep enough to overflow
// its recursive parser, and tabs used as indentation (which it misreads as "illegal map value"
// where Kubernetes' decoder says what is wrong).
//
// The depth is an upper bound: block nesting from the indentation (plus "- "/"? " indicators that
// open a nested collection on the same line), flow nesting from brackets that open a flow
// collection. Over-estimates are harmless: the limit sits far above any real manifest.
class PreScanner {
public:
    explicit PreScanner(int depthLimit) : limit_(depthLimit) {}

    // Returns the problem and sets line/column (0-based within the text), or an empty string.
    std::string check(std::string_view text, int &line, int &column)
    {
        std::size_t pos = 0;
        for (int lineNo = 0; pos <= text.size(); ++lineNo) {
            std::size_t end = text.find('\n', pos);
            if (end == std::string_view::npos)
                end = text.size();
            std::string problem = scanLine(text.substr(pos, end - pos), column);
            if (!problem.empty()) {
                line = lineNo;
                return problem;
            }
            pos = end + 1;
        }
        return {};
    }

private:
    int depth() const { return static_cast<int>(blockIndents_.size()) + flowDepth_; }

    void openBlock(int indent)
    {
        while (!blockIndents_.empty() && blockIndents_.back() >= indent)
            blockIndents_.pop_back();
        blockIndents_.push_back(indent);
    }

    std::string tooDeep() const { return "exceeded max depth of " + std::to_string(limit_); }

    // A block scalar ("key: |", "- >-") makes the following, more indented lines plain text.
    static bool opensBlockScalar(std::string_view line)
    {
        std::size_t end = line.find(" #");
        std::string_view body = line.substr(0, end);
        while (!body.empty() && (body.back() == ' ' || body.back() == '\r' || body.back() == '\t'))
            body.remove_suffix(1);
        while (!body.empty() && (body.back() == '-' || body.back() == '+' || std::isdigit(static_cast<unsigned char>(body.back()))))
            body.remove_suffix(1);
        if (body.empty() || (body.back() != '|' && body.back() != '>'))
            return false;
        body.remove_suffix(1);
        return body.empty() || body.back() == ' ';
    }

    std::string scanLine(std::string_view line, int &column)
    {
        std::size_t i = 0;
        while (i < line.size() && line[i] == ' ')
            ++i;
        bool blank = i == line.size() || line[i] == '\r' || line[i] == '#';
        if (blockScalarIndent_ >= 0) {
            if (blank || static_cast<int>(i) > blockScalarIndent_)
                return {};
            blockScalarIndent_ = -1;
        }
        if (i < line.size() && line[i] == '\t' && flowDepth_ == 0) {
            std::size_t j = i;
            while (j < line.size() && (line[j] == '\t' || line[j] == ' '))
                ++j;
            if (j < line.size() && line[j] != '\r' && line[j] != '#') {
                column = static_cast<int>(i);
                return "found character that cannot start any token";
            }
        }
        if (blank)
            return {};
        if (flowDepth_ == 0) {
            openBlock(static_cast<int>(i));
            if (depth() > limit_) {
                column = static_cast<int>(i);
                return tooDeep();
            }
            while (i + 1 < line.size() && (line[i] == '-' || line[i] == '?') && line[i + 1] == ' ') {
                i += 2;
                while (i < line.size() && line[i] == ' ')
                    ++i;
                openBlock(static_cast<int>(i));
                if (depth() > limit_) {
                    column = static_cast<int>(i);
                    return tooDeep();
                }
            }
            if (opensBlockScalar(line))
                blockScalarIndent_ = blockIndents_.empty() ? 0 : blockIndents_.back();
        }
        int at = scanFlow(line, i);
        if (at >= 0) {
            column = at;
            return tooDeep();
        }
        return {};
    }

    // Returns the column where the depth limit is exceeded, or -1.
    int scanFlow(std::string_view line, std::size_t i)
    {
        bool valueStart = true;  // a bracket opens a flow collection only where a value starts
        char quote = 0;
        for (; i < line.size(); ++i) {
            char c = line[i];
            if (quote) {
                if (c == quote)
                    quote = 0;
                continue;
            }
            bool opensFlow = (c == '[' || c == '{') && (valueStart || flowDepth_ > 0);
            if (opensFlow) {
                if (++flowDepth_ + static_cast<int>(blockIndents_.size()) > limit_)
                    return static_cast<int>(i);
            } else if ((c == ']' || c == '}') && flowDepth_ > 0) {
                --flowDepth_;
            } else if ((c == '"' || c == '\'') && (valueStart || flowDepth_ > 0)) {
                quote = c;
            } else if (c == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
                break;
            }
            // After an indicator and its space, a new value starts.
            bool separator = c == ':' || c == ',' || c == '-' || c == '?';
            if (opensFlow || c == ',' || (c == ' ' && i > 0 && (line[i - 1] == ':' || line[i - 1] == '-')))
                valueStart = true;
            else if (!(separator || c == ' ' || c == '\t'))
                valueStart = false;
        }
        return -1;
    }

    int limit_;
    int flowDepth_ = 0;
    int blockScalarIndent_ = -1;
    std::vector<int> blockIndents_;
};

// --- building the tree from yaml-cpp events ----------------------------------------------------

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(Document &doc, int firstLine) : doc_(doc), firstLine_(firstLine) {}

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        add(newNode(Node::Type::Null, mark), anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        auto it = anchors_.find(anchor);
        if (it == anchors_.end())
            throw YAML::ParserException(mark, "unknown anchor");
        aliases_.push_back({it->second, mark.line + firstLine_, mark.column + 1});
        add(it->second, 0);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        Node *n = newNode(Node::Type::Scalar, mark);
        n->value = value;
        // yaml-cpp tags plain scalars "?" and quoted/block ones "!"; an explicit !!str also quotes.
        n->quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
        add(n, anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(newNode(Node::Type::Sequence, mark), anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(newNode(Node::Type::Map, mark), anchor);
    }
    void OnMapEnd() override
    {
        rejectDuplicateKeys(*stack_.back());
        applyMergeKeys(*stack_.back());
        close();
    }

    const Node *root() const { return root_; }

    struct AliasUse {
        const Node *target;
        int line, column;
    };
    const std::vector<AliasUse> &aliases() const { return aliases_; }

private:
    Node *newNode(Node::Type type, const YAML::Mark &mark)
    {
        Node &n = doc_.nodes.emplace_back();
        n.type = type;
        n.line = mark.line + firstLine_;
        n.column = mark.column + 1;
        return &n;
    }

    void add(const Node *n, YAML::anchor_t anchor)
    {
        if (anchor)
            anchors_[anchor] = n;
        if (stack_.empty())
            root_ = n;
        else
            stack_.back()->children.push_back(n);
    }

    void open(Node *n, YAML::anchor_t anchor)
    {
        add(n, anchor);
        stack_.push_back(n);
    }
    void close() { stack_.pop_back(); }

    // Kubernetes' YAML decoder refuses a key written twice in one map (go-yaml v3's
    // "mapping key %q already defined at line %d", as kubectl prints it).
    void rejectDuplicateKeys(const Node &map) const
    {
        auto counts = [](const Node *k) { return k->type == Node::Type::Scalar && (k->quoted || k->value != "<<"); };
        const auto &c = map.children;
        if (c.size() <= 32) {  // small maps, the usual case: no allocation
            for (std::size_t i = 2; i < c.size(); i += 2)
                for (std::size_t j = 0; j < i; j += 2)
                    if (counts(c[i]) && counts(c[j]) && c[i]->value == c[j]->value)
                        throwDuplicate(*c[i], *c[j]);
            return;
        }
        std::unordered_map<std::string_view, const Node *> seen;
        for (std::size_t i = 0; i < c.size(); i += 2) {
            if (!counts(c[i]))
                continue;
            auto [it, inserted] = seen.emplace(c[i]->value, c[i]);
            if (!inserted)
                throwDuplicate(*c[i], *it->second);
        }
    }

    [[noreturn]] void throwDuplicate(const Node &key, const Node &first) const
    {
        YAML::Mark mark;
        mark.line = key.line - firstLine_;
        mark.column = key.column - 1;
        throw YAML::ParserException(mark, "mapping key \"" + key.value + "\" already defined at line " +
                                              std::to_string(first.line));
    }

    // YAML 1.1 merge keys ("<<: *base"), which Kubernetes' decoder honours: entries of the merged
    // maps fill in keys the map does not set itself.
    static void applyMergeKeys(Node &map)
    {
        auto isMerge = [](const Node *k) { return k->type == Node::Type::Scalar && !k->quoted && k->value == "<<"; };
        if (std::none_of(map.children.begin(), map.children.end(), isMerge))
            return;
        std::vector<const Node *> own, merged;
        for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
            const Node *k = map.children[i], *v = map.children[i + 1];
            if (!isMerge(k)) {
                own.insert(own.end(), {k, v});
                continue;
            }
            std::vector<const Node *> sources;
            if (v->isMap())
                sources.push_back(v);
            else if (v->isSequence())
                for (const Node *item : v->children)
                    if (item->isMap())
                        sources.push_back(item);
            for (const Node *src : sources)
                merged.insert(merged.end(), src->children.begin(), src->children.end());
        }
        map.children = own;
        for (std::size_t i = 0; i + 1 < merged.size(); i += 2)
            if (!map.find(merged[i]->value))
                map.children.insert(map.children.end(), {merged[i], merged[i + 1]});
    }

    Document &doc_;
    int firstLine_;
    const Node *root_ = nullptr;
    std::vector<Node *> stack_;
    std::unordered_map<YAML::anchor_t, const Node *> anchors_;
    std::vector<AliasUse> aliases_;
};

// How many nodes fully expanding the document would decode. Aliased nodes are shared, not
// copied, so a memoised count costs O(nodes) even for a "billion laughs" document, which
// go-yaml refuses ("document contains excessive aliasing") and so do we.
class ExpansionCounter {
public:
    std::uint64_t count(const Node *n)
    {
        if (auto it = memo_.find(n); it != memo_.end())
            return it->second;
        constexpr std::uint64_t cap = std::uint64_t(1) << 62;
        std::uint64_t total = 1;
        for (const Node *child : n->children)
            total = std::min(cap, total + count(child));
        memo_[n] = total;
        return total;
    }

private:
    std::unordered_map<const Node *, std::uint64_t> memo_;
};

class ViewStreamBuf : public std::streambuf {
public:
    explicit ViewStreamBuf(std::string_view text)
    {
        char *begin = const_cast<char *>(text.data());
        setg(begin, begin, begin + text.size());
    }
};

bool hasContent(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == '#') {
            std::size_t nl = text.find('\n', i);
            if (nl == std::string_view::npos)
                return false;
            i = nl + 1;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
        } else {
            return true;
        }
    }
    return false;
}

}  // namespace

std::variant<std::shared_ptr<Document>, ParseError> parseDocument(std::string_view text, int firstLine,
                                                                  const ParseLimits &limits)
{
    auto doc = std::make_shared<Document>();
    if (!hasContent(text))
        return doc;

    int line = 0, column = 0;
    if (std::string problem = PreScanner(limits.maxDepth).check(text, line, column); !problem.empty())
        return ParseError{line + firstLine, column + 1, "yaml: " + problem};

    ViewStreamBuf buf(text);
    std::istream in(&buf);
    TreeBuilder builder(*doc, firstLine);
    try {
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder);
    } catch (const YAML::DeepRecursion &e) {
        // yaml-cpp's own guard, should the pre-scan have under-estimated the depth.
        return ParseError{e.mark.line + firstLine, e.mark.column + 1,
                          "yaml: exceeded max depth of " + std::to_string(limits.maxDepth)};
    } catch (const YAML::Exception &e) {
        return ParseError{e.mark.line + firstLine, e.mark.column + 1, "yaml: " + e.msg};
    } catch (const std::exception &e) {
        return ParseError{firstLine, 1, std::string("yaml: ") + e.what()};
    }
    doc->root = builder.root();

    if (!builder.aliases().empty()) {
        if (ExpansionCounter().count(doc->root) > limits.maxExpandedNodes) {
            const auto &first = builder.aliases().front();
            return ParseError{first.line, first.column, "yaml: document contains excessive aliasing"};
        }
    }
    return doc;
}

}  // namespace podscape::yaml

namespace podscape::yaml {

namespace {

void appendJsonString(std::string &out, std::string_view s)
{
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendJson(std::string &out, const Node *n, std::size_t maxLength, int depth)
{
    if (out.size() > maxLength || depth > 200)
        return;
    if (!n || n->isNull()) {
        out += "null";
        return;
    }
    if (n->isScalar()) {
        switch (resolveScalar(*n)) {
        case ScalarKind::String: appendJsonString(out, n->value); break;
        case ScalarKind::Null: out += "null"; break;
        case ScalarKind::Bool: out += resolvedBool(*n) ? "true" : "false"; break;
        default: out += n->value;
        }
        return;
    }
    if (n->isSequence()) {
        out += '[';
        for (std::size_t i = 0; i < n->children.size() && out.size() <= maxLength; ++i) {
            if (i)
                out += ',';
            appendJson(out, n->children[i], maxLength, depth + 1);
        }
        out += ']';
        return;
    }
    std::vector<std::size_t> order(n->size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [n](std::size_t a, std::size_t b) { return n->keyAt(a)->value < n->keyAt(b)->value; });
    out += '{';
    for (std::size_t i = 0; i < order.size() && out.size() <= maxLength; ++i) {
        if (i)
            out += ',';
        appendJsonString(out, n->keyAt(order[i])->value);
        out += ':';
        appendJson(out, n->valueAt(order[i]), maxLength, depth + 1);
    }
    out += '}';
}

}  // namespace

std::string toJson(const Node *node, std::size_t maxLength)
{
    std::string out;
    appendJson(out, node, maxLength, 0);
    if (out.size() > maxLength) {
        out.resize(maxLength);
        out += "...";
    }
    return out;
}

}  // namespace podscape::yaml
