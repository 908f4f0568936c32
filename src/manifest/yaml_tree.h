// A YAML document as a tree of nodes that remember where they were written.
//
// Built from libyaml's event parser, the C parser go-yaml (Kubernetes' YAML decoder) was
// translated from: it accepts what kubectl accepts, refuses with the same problem messages, and
// scans far faster than yaml-cpp (the argo-cd bundle: 88-171 MB/s of events against yaml-cpp's
// 15). The tree keeps the plain/quoted distinction that decides a scalar's type, and shares
// aliased nodes instead of copying them (so an alias bomb costs nothing until something walks it).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace podscape::yaml {

struct Node {
    enum class Type : std::uint8_t { Null, Scalar, Sequence, Map };
    Type type = Type::Null;
    bool quoted = false;  // a quoted or block scalar is always a string; a plain one is resolved
    int line = 0;         // 1-based
    int column = 0;       // 1-based
    std::string value;    // scalar text
    // Sequence: the items. Map: key, value, key, value, ... (merge keys already applied).
    std::vector<const Node *> children;

    bool isNull() const { return type == Type::Null; }
    bool isScalar() const { return type == Type::Scalar; }
    bool isMap() const { return type == Type::Map; }
    bool isSequence() const { return type == Type::Sequence; }
    std::size_t size() const { return type == Type::Map ? children.size() / 2 : children.size(); }
    // Map lookup by key text; maps in manifests are small, so a linear scan wins.
    const Node *find(std::string_view key) const;
    const Node *keyAt(std::size_t i) const { return children[2 * i]; }
    const Node *valueAt(std::size_t i) const { return children[2 * i + 1]; }
};

// What a plain scalar means, resolved as Kubernetes' YAML decoder (go-yaml v2, YAML 1.1) does.
enum class ScalarKind { String, Null, Bool, Int, Float };
ScalarKind resolveScalar(const Node &node);
bool resolvedBool(const Node &node);  // for ScalarKind::Bool

struct Document {
    std::deque<Node> nodes;  // owns every node; deque keeps addresses stable
    const Node *root = nullptr;
};

struct ParseError {
    int line = 0;
    int column = 0;
    std::string message;
};

struct ParseLimits {
    int maxDepth = 400; // the decoders recurse per level: deeper nesting is refused while parsing
    // Alias expansion cap: a document may not expand to more nodes than this ("excessive aliasing").
    std::uint64_t maxExpandedNodes = 10'000'000;
};

// Parses one document's text. `firstLine` is the 1-based line of text[0] in its file, so marks
// are file positions. An empty or comment-only text yields a Document with a null root.
std::variant<std::shared_ptr<Document>, ParseError> parseDocument(std::string_view text, int firstLine,
                                                                  const ParseLimits &limits = {});

}  // namespace podscape::yaml

namespace podscape::yaml {

// Compact JSON of a node, keys sorted as Go's encoding/json sorts map keys, as kubectl shows an
// object in "Object 'Kind' is missing in '...'". Output longer than maxLength ends in "...".
std::string toJson(const Node *node, std::size_t maxLength = 256);

}  // namespace podscape::yaml
