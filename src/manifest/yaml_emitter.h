// A YAML document written back out, for the inspector's "YAML" view: block style, as
// `kubectl get -o yaml` lays it out (sequence items at their key's indent), in the order the
// user wrote the keys. Secret values are masked; only key names and sizes show (DESIGN 1).
#pragma once

#include <cstddef>
#include <string>

namespace podscape::yaml {

struct Node;

struct EmitOptions {
    // The object is a Secret: the values of `data` and `stringData` and the
    // kubectl.kubernetes.io/last-applied-configuration annotation (which repeats them) are masked.
    bool maskSecretValues = false;
    // Aliases are expanded when written, so a small alias-heavy document can be huge: stop here.
    std::size_t maxLength = 256 * 1024;
};

// The text of `root`, ending in a newline; empty for a null root.
std::string toYaml(const Node *root, const EmitOptions &options = {});

} // namespace podscape::yaml
