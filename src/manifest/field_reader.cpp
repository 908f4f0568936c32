#include "manifest/field_reader.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace podscape {

std::string FieldPath::str() const
{
    std::vector<const FieldPath *> chain;
    for (const FieldPath *p = this; p; p = p->parent)
        chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const FieldPath &p = **it;
        if (p.index >= 0) {
            out += '[' + std::to_string(p.index) + ']';
        } else if (p.isKey) {
            out += '[';
            out += p.name;
            out += ']';
        } else if (!p.name.empty()) {
            if (!out.empty())
                out += '.';
            out += p.name;
        }
    }
    return out;
}

std::string describeValue(const yaml::Node &n)
{
    switch (n.type) {
    case yaml::Node::Type::Map:
        return "a map";
    case yaml::Node::Type::Sequence:
        return "a list";
    case yaml::Node::Type::Null:
        return "null";
    case yaml::Node::Type::Scalar:
        break;
    }
    if (yaml::resolveScalar(n) == yaml::ScalarKind::String)
        return '"' + n.value + '"';
    return n.value;
}

void FieldReader::error(const yaml::Node *at, const FieldPath &path, std::string message)
{
    errors_.push_back({at ? at->line : 0, at ? at->column : 0, path.str(), std::move(message)});
}

bool FieldReader::typeError(const yaml::Node *n, const FieldPath &p, std::string_view expected)
{
    error(n, p, "expected " + std::string(expected) + ", got " + describeValue(*n));
    return false;
}

bool FieldReader::isMapOrNull(const yaml::Node *n, const FieldPath &p)
{
    if (!n || n->isNull() || n->isMap())
        return true;
    return typeError(n, p, "a map");
}

bool FieldReader::read(const yaml::Node *n, const FieldPath &p, std::string &out)
{
    if (!n || n->isNull())
        return true;
    // JSON typing: a plain 8080 or true is a number or a boolean, not a string (the classic
    // "cannot unmarshal number into ... of type string" of an unquoted env value).
    if (!n->isScalar() || yaml::resolveScalar(*n) != yaml::ScalarKind::String)
        return typeError(n, p, "a string");
    out = n->value;
    return true;
}

bool FieldReader::read(const yaml::Node *n, const FieldPath &p, bool &out)
{
    if (!n || n->isNull())
        return true;
    if (!n->isScalar() || yaml::resolveScalar(*n) != yaml::ScalarKind::Bool)
        return typeError(n, p, "a boolean");
    out = yaml::resolvedBool(*n);
    return true;
}

namespace {

// Integers as go-yaml resolves them (decimal, 0x hex, 0b binary, 0 octal, '_' separators), and
// floats that hold a whole number, which JSON cannot tell from integers.
bool parseInteger(const std::string &text, std::int64_t &out)
{
    std::string s;
    s.reserve(text.size());
    for (char c : text)
        if (c != '_')
            s += c;
    bool negative = !s.empty() && s[0] == '-';
    std::string_view digits = s;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+'))
        digits.remove_prefix(1);
    int base = 10;
    if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X'))
        base = 16, digits.remove_prefix(2);
    else if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'b' || digits[1] == 'B'))
        base = 2, digits.remove_prefix(2);
    else if (digits.size() > 1 && digits[0] == '0')
        base = 8, digits.remove_prefix(1);
    std::uint64_t magnitude = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
    if (ec == std::errc() && ptr == digits.data() + digits.size() && !digits.empty()) {
        if (negative ? magnitude > std::uint64_t(INT64_MAX) + 1 : magnitude > std::uint64_t(INT64_MAX))
            return false;
        out = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
        return true;
    }
    char *end = nullptr;
    double d = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.2e18)
        return false;
    out = static_cast<std::int64_t>(d);
    return true;
}

}  // namespace

bool FieldReader::read(const yaml::Node *n, const FieldPath &p, std::int64_t &out)
{
    if (!n || n->isNull())
        return true;
    auto kind = n->isScalar() ? yaml::resolveScalar(*n) : yaml::ScalarKind::String;
    std::int64_t v = 0;
    if ((kind != yaml::ScalarKind::Int && kind != yaml::ScalarKind::Float) || !parseInteger(n->value, v))
        return typeError(n, p, "an integer");
    out = v;
    return true;
}

bool FieldReader::read(const yaml::Node *n, const FieldPath &p, std::int32_t &out)
{
    std::int64_t v = out;
    if (!read(n, p, v))
        return false;
    if (v < INT32_MIN || v > INT32_MAX)
        return typeError(n, p, "a 32-bit integer");
    out = static_cast<std::int32_t>(v);
    return true;
}

bool FieldReader::read(const yaml::Node *n, const FieldPath &p, double &out)
{
    if (!n || n->isNull())
        return true;
    auto kind = n->isScalar() ? yaml::resolveScalar(*n) : yaml::ScalarKind::String;
    if (kind != yaml::ScalarKind::Int && kind != yaml::ScalarKind::Float)
        return typeError(n, p, "a number");
    out = std::strtod(n->value.c_str(), nullptr);
    return true;
}

bool FieldReader::read(const yaml::Node *n, const FieldPath &p, Quantity &out)
{
    if (!n || n->isNull())
        return true;
    // resource.Quantity unmarshals from a JSON string or number alike.
    if (!n->isScalar() || yaml::resolveScalar(*n) == yaml::ScalarKind::Bool)
        return typeError(n, p, "a quantity");
    std::string message;
    auto q = Quantity::parse(n->value, &message);
    if (!q) {
        error(n, p, message);
        return false;
    }
    out = *q;
    return true;
}

bool FieldReader::read(const yaml::Node *n, const FieldPath &p, IntOrString &out)
{
    if (!n || n->isNull())
        return true;
    if (!n->isScalar())
        return typeError(n, p, "an integer or a string");
    auto kind = yaml::resolveScalar(*n);
    if (kind == yaml::ScalarKind::String) {
        out = IntOrString::fromString(n->value);
        return true;
    }
    std::int32_t v = 0;
    if (kind != yaml::ScalarKind::Int || !read(n, p, v))
        return kind == yaml::ScalarKind::Int ? false : typeError(n, p, "an integer or a string");
    out = IntOrString::fromInt(v);
    return true;
}

bool FieldReader::read(const yaml::Node *n, const FieldPath &p, std::vector<std::string> &out)
{
    return readList(n, p, out, [this](const yaml::Node *item, const FieldPath &ip, std::string &s) {
        read(item, ip, s);
    });
}

bool FieldReader::read(const yaml::Node *n, const FieldPath &p, std::map<std::string, std::string> &out)
{
    if (!n || n->isNull())
        return true;
    if (!n->isMap())
        return typeError(n, p, "a map");
    bool ok = true;
    for (std::size_t i = 0; i < n->size(); ++i) {
        const std::string &key = n->keyAt(i)->value;
        std::string value;
        ok = read(n->valueAt(i), p.key(key), value) && ok;
        out[key] = std::move(value);
    }
    return ok;
}

bool FieldReader::read(const yaml::Node *n, const FieldPath &p, ResourceList &out)
{
    if (!n || n->isNull())
        return true;
    if (!n->isMap())
        return typeError(n, p, "a map");
    bool ok = true;
    for (std::size_t i = 0; i < n->size(); ++i) {
        const std::string &key = n->keyAt(i)->value;
        Quantity q;
        if (read(n->valueAt(i), p.key(key), q))
            out[key] = q;
        else
            ok = false;
    }
    return ok;
}

bool FieldReader::forEachField(const yaml::Node *n, const FieldPath &p,
                               const std::function<void(std::string_view, const yaml::Node *, const FieldPath &)> &fn)
{
    if (!n || n->isNull())
        return true;
    if (!n->isMap())
        return typeError(n, p, "a map");
    for (std::size_t i = 0; i < n->size(); ++i) {
        const yaml::Node *key = n->keyAt(i);
        fn(key->value, n->valueAt(i), p.child(key->value));
    }
    return true;
}

}  // namespace podscape
