#include "manifest/yaml_tree.h"

#include <yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
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

// --- building the tree from libyaml's events ---------------------------------------------------
//
// libyaml is the C parser that go-yaml (Kubernetes' YAML decoder) was translated from, so it
// accepts and refuses the same text, with the same problem messages, as kubectl does.

namespace {

// Why a document was refused, where (0-based, within the text).
struct BuildError {
    std::size_t line = 0;
    std::size_t column = 0;
    std::string problem;
};

class TreeBuilder {
public:
    TreeBuilder(Document &doc, int firstLine, int maxDepth) : doc_(doc), firstLine_(firstLine), maxDepth_(maxDepth) {}

    // Takes one event; returns false once the document is complete.
    bool take(const yaml_event_t &e)
    {
        const yaml_mark_t &mark = e.start_mark;
        switch (e.type) {
        case YAML_SCALAR_EVENT:
            addScalar(e);
            break;
        case YAML_ALIAS_EVENT:
            addAlias(e);
            break;
        case YAML_SEQUENCE_START_EVENT:
            open(Node::Type::Sequence, mark, e.data.sequence_start.anchor);
            break;
        case YAML_MAPPING_START_EVENT:
            open(Node::Type::Map, mark, e.data.mapping_start.anchor);
            break;
        case YAML_SEQUENCE_END_EVENT:
            stack_.pop_back();
            break;
        case YAML_MAPPING_END_EVENT:
            rejectDuplicateKeys(*stack_.back());
            applyMergeKeys(*stack_.back());
            stack_.pop_back();
            break;
        case YAML_DOCUMENT_END_EVENT:
        case YAML_STREAM_END_EVENT:
            return false;
        default:
            break; // stream and document starts
        }
        return true;
    }

    const Node *root() const { return root_; }

    struct AliasUse {
        const Node *target;
        int line, column;
    };
    const std::vector<AliasUse> &aliases() const { return aliases_; }

private:
    static std::string_view text(const yaml_char_t *s) { return s ? reinterpret_cast<const char *>(s) : ""; }

    // A plain scalar without a tag that spells null ("", "~", "null") is a null node, as an
    // absent value is; quoted and block scalars, and an explicit !!str, are always strings.
    void addScalar(const yaml_event_t &e)
    {
        const auto &s = e.data.scalar;
        std::string_view tag = text(s.tag);
        std::string_view value(reinterpret_cast<const char *>(s.value), s.length);
        bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
        bool quoted = tag.empty() ? !plain : tag == "!" || tag == "tag:yaml.org,2002:str";
        bool null = plain && tag.empty() &&
                    (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL");
        Node *n = newNode(null ? Node::Type::Null : Node::Type::Scalar, e.start_mark);
        n->value = value;
        n->quoted = quoted;
        add(n, s.anchor);
    }

    void addAlias(const yaml_event_t &e)
    {
        const std::string anchor(text(e.data.alias.anchor));
        auto it = anchors_.find(anchor);
        if (it == anchors_.end()) // go-yaml: `unknown anchor '%s' referenced`
            throw BuildError{e.start_mark.line, e.start_mark.column, "unknown anchor '" + anchor + "' referenced"};
        aliases_.push_back({it->second, int(e.start_mark.line) + firstLine_, int(e.start_mark.column) + 1});
        add(it->second, nullptr);
    }

    Node *newNode(Node::Type type, const yaml_mark_t &mark)
    {
        Node &n = doc_.nodes.emplace_back();
        n.type = type;
        n.line = int(mark.line) + firstLine_;
        n.column = int(mark.column) + 1;
        return &n;
    }

    void add(const Node *n, const yaml_char_t *anchor)
    {
        if (anchor)
            anchors_[std::string(text(anchor))] = n;
        if (stack_.empty())
            root_ = n;
        else
            stack_.back()->children.push_back(n);
    }

    // The decoders walk the tree recursively: nesting past the limit is refused here, where
    // it is first seen, rather than overflowing a stack later.
    void open(Node::Type type, const yaml_mark_t &mark, const yaml_char_t *anchor)
    {
        if (int(stack_.size()) >= maxDepth_)
            throw BuildError{mark.line, mark.column, "exceeded max depth of " + std::to_string(maxDepth_)};
        Node *n = newNode(type, mark);
        add(n, anchor);
        stack_.push_back(n);
    }

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
        throw BuildError{std::size_t(key.line - firstLine_), std::size_t(key.column - 1),
                         "mapping key \"" + key.value + "\" already defined at line " + std::to_string(first.line)};
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
    int maxDepth_;
    const Node *root_ = nullptr;
    std::vector<Node *> stack_;
    std::unordered_map<std::string, const Node *> anchors_;
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

// libyaml's parser, released however parsing ends.
class EventParser {
public:
    explicit EventParser(std::string_view text) : text_(text)
    {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char *>(text.data()), text.size());
    }
    ~EventParser() { yaml_parser_delete(&parser_); }
    EventParser(const EventParser &) = delete;
    EventParser &operator=(const EventParser &) = delete;

    // Feeds events to the builder until the first document ends; throws BuildError.
    void parseInto(TreeBuilder &builder)
    {
        for (bool more = true; more;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser_, &event))
                throw problem();
            try {
                more = builder.take(event);
            } catch (...) {
                yaml_event_delete(&event);
                throw;
            }
            yaml_event_delete(&event);
        }
    }

private:
    BuildError problem() const
    {
        // The reader (bad UTF-8, a control character) marks its problem by byte offset only.
        if (parser_.error == YAML_READER_ERROR)
            return {lineOf(parser_.problem_offset), columnOf(parser_.problem_offset), parser_.problem};
        const yaml_mark_t &at = parser_.problem ? parser_.problem_mark : parser_.context_mark;
        // go-yaml's fallback text, when libyaml names no problem (it runs out of memory).
        std::string what = parser_.problem ? parser_.problem : "unknown problem parsing YAML content";
        return {at.line, at.column, std::move(what)};
    }

    std::size_t lineOf(std::size_t offset) const
    {
        const std::string_view before = text_.substr(0, offset);
        return std::size_t(std::count(before.begin(), before.end(), '\n'));
    }
    std::size_t columnOf(std::size_t offset) const
    {
        const std::string_view before = text_.substr(0, offset);
        const std::size_t newline = before.rfind('\n');
        return newline == std::string_view::npos ? before.size() : before.size() - newline - 1;
    }

    std::string_view text_;
    yaml_parser_t parser_;
};

} // namespace

std::variant<std::shared_ptr<Document>, ParseError> parseDocument(std::string_view text, int firstLine,
                                                                  const ParseLimits &limits)
{
    auto doc = std::make_shared<Document>();
    if (!hasContent(text))
        return doc;

    TreeBuilder builder(*doc, firstLine, limits.maxDepth);
    try {
        EventParser(text).parseInto(builder);
    } catch (const BuildError &e) {
        return ParseError{int(e.line) + firstLine, int(e.column) + 1, "yaml: " + e.problem};
    } catch (const std::bad_alloc &) {
        return ParseError{firstLine, 1, "yaml: out of memory"};
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
