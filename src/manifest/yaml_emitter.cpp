#include "manifest/yaml_emitter.h"

#include "manifest/yaml_tree.h"

#include <string_view>

namespace podscape::yaml {

namespace {

constexpr std::string_view kMask = "'******'";
constexpr std::string_view kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

// Whether a key must be quoted to be read back as the same string.
bool needsQuotes(std::string_view s)
{
    if (s.empty())
        return true;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
        return true;
    if (s.front() == ' ' || s.back() == ' ' || s.find(": ") != std::string_view::npos ||
        s.find(" #") != std::string_view::npos || s.back() == ':')
        return true;
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20)
            return true;
    return false;
}

void appendDoubleQuoted(std::string &out, std::string_view s)
{
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\x";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// How many bytes a base64 `data` value decodes to, as `kubectl describe secret` reports it.
std::size_t decodedSize(std::string_view base64)
{
    std::size_t chars = 0, padding = 0;
    for (char c : base64) {
        if (c == '=')
            ++padding;
        else if (c != '\n' && c != '\r' && c != ' ')
            ++chars;
    }
    return (chars + padding) / 4 * 3 - std::min<std::size_t>(padding, 2);
}

class Emitter {
public:
    Emitter(const EmitOptions &options) : options_(options) {}

    std::string run(const Node *root)
    {
        if (!root || root->isNull())
            return {};
        if (root->isScalar()) {
            appendScalar(*root, 0);
            out_ += '\n';
        } else {
            appendBlock(*root, 0, Path::Root);
        }
        if (out_.size() > options_.maxLength) {
            out_.resize(options_.maxLength);
            out_ += "\n# ... (cut: the document is longer than the inspector shows)\n";
        }
        return std::move(out_);
    }

private:
    // Where in the document we are, as far as masking needs to know.
    enum class Path { Root, SecretData, SecretStringData, Metadata, Annotations, Other };

    bool full() const { return out_.size() > options_.maxLength; }

    void indent(int n) { out_.append(static_cast<std::size_t>(n), ' '); }

    void appendKey(const Node &key, int level)
    {
        if (!key.isScalar() && !key.isNull()) {
            // A complex key (`{{template}}` in an unrendered template reads as a map): an explicit
            // key in flow style, then its value on the next line.
            out_ += "? ";
            out_ += toJson(&key, options_.maxLength);
            out_ += '\n';
            indent(level);
            return;
        }
        if (key.quoted || needsQuotes(key.value))
            appendDoubleQuoted(out_, key.value);
        else
            out_ += key.value;
    }

    // A scalar after "key: " or "- "; a multi-line string becomes a literal block at `level`.
    void appendScalar(const Node &n, int level)
    {
        if (n.isNull()) {
            out_ += "null";
            return;
        }
        // A plain scalar was valid YAML as written, and quoting it would change its type
        // (a number would become a string): it goes back as it came.
        if (!n.quoted)
            out_ += n.value;
        else if (n.value.find('\n') != std::string::npos && n.value.find_first_of("\t\r") == std::string::npos &&
                 !n.value.ends_with("\n\n"))
            appendLiteralBlock(n.value, level);
        else
            appendDoubleQuoted(out_, n.value);
    }

    void appendLiteralBlock(std::string_view text, int level)
    {
        bool endsInNewline = text.back() == '\n';
        out_ += endsInNewline ? "|" : "|-";
        if (text.front() == ' ')
            out_ += std::to_string(2); // an explicit indentation indicator keeps leading spaces
        if (endsInNewline)
            text.remove_suffix(1);
        std::size_t start = 0;
        while (start <= text.size() && !full()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            out_ += '\n';
            if (end > start) {
                indent(level + 2);
                out_.append(text.substr(start, end - start));
            }
            start = end + 1;
        }
    }

    // A map or sequence whose first line continues the current one (after "- ") when `inlineFirst`.
    void appendBlock(const Node &n, int level, Path path, bool inlineFirst = false)
    {
        if (n.isMap())
            appendMap(n, level, path, inlineFirst);
        else
            appendSequence(n, level, inlineFirst);
    }

    static Path childPath(Path parent, std::string_view key, bool maskSecrets)
    {
        if (parent == Path::Root && maskSecrets && key == "data")
            return Path::SecretData; // base64
        if (parent == Path::Root && maskSecrets && key == "stringData")
            return Path::SecretStringData;
        if (parent == Path::Root && key == "metadata")
            return Path::Metadata;
        if (parent == Path::Metadata && key == "annotations")
            return Path::Annotations;
        return Path::Other;
    }

    void appendMap(const Node &n, int level, Path path, bool inlineFirst)
    {
        for (std::size_t i = 0; i < n.size() && !full(); ++i) {
            const Node &key = *n.keyAt(i);
            const Node &value = *n.valueAt(i);
            if (i > 0 || !inlineFirst)
                indent(level);
            appendKey(key, level);
            out_ += ':';
            if (path == Path::SecretData || path == Path::SecretStringData ||
                (path == Path::Annotations && options_.maskSecretValues && key.value == kLastApplied)) {
                appendMasked(value, path == Path::SecretData);
                continue;
            }
            appendValue(value, level, childPath(path, key.value, options_.maskSecretValues));
        }
    }

    void appendMasked(const Node &value, bool base64)
    {
        out_ += ' ';
        out_ += kMask;
        if (value.isScalar()) {
            std::size_t bytes = base64 ? decodedSize(value.value) : value.value.size();
            out_ += "  # " + std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
        }
        out_ += '\n';
    }

    // What follows "key:".
    void appendValue(const Node &value, int level, Path path)
    {
        if (value.isNull()) {
            out_ += '\n';
        } else if (value.isScalar()) {
            out_ += ' ';
            appendScalar(value, level);
            out_ += '\n';
        } else if (value.children.empty()) {
            out_ += value.isMap() ? " {}\n" : " []\n";
        } else if (value.isMap()) {
            out_ += '\n';
            appendMap(value, level + 2, path, false);
        } else {
            out_ += '\n';
            appendSequence(value, level, false); // kubectl writes items at their key's indent
        }
    }

    void appendSequence(const Node &n, int level, bool inlineFirst)
    {
        for (std::size_t i = 0; i < n.children.size() && !full(); ++i) {
            const Node &item = *n.children[i];
            if (i > 0 || !inlineFirst)
                indent(level);
            out_ += '-';
            if (item.isScalar() || item.isNull()) {
                out_ += ' ';
                appendScalar(item, level);
                out_ += '\n';
            } else if (item.children.empty()) {
                out_ += item.isMap() ? " {}\n" : " []\n";
            } else {
                out_ += ' ';
                appendBlock(item, level + 2, Path::Other, true);
            }
        }
    }

    const EmitOptions &options_;
    std::string out_;
};

} // namespace

std::string toYaml(const Node *root, const EmitOptions &options)
{
    return Emitter(options).run(root);
}

} // namespace podscape::yaml
