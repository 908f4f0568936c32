// Reads typed values out of a yaml::Node tree with Kubernetes' JSON typing rules, collecting
// errors that name the field path and point at the offending value.
#pragma once

#include "cluster/api/object.h"
#include "manifest/yaml_tree.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace podscape {

// A field path as the API server prints it: spec.template.spec.containers[0].resources.limits[cpu].
// Lives on the stack while decoding; rendered only when an error needs it.
struct FieldPath {
    const FieldPath *parent = nullptr;
    std::string_view name;  // a field name, or a map key when isKey
    int index = -1;         // a list index
    bool isKey = false;

    FieldPath child(std::string_view field) const { return {this, field, -1, false}; }
    FieldPath at(int i) const { return {this, {}, i, false}; }
    FieldPath key(std::string_view k) const { return {this, k, -1, true}; }
    std::string str() const;
};

struct FieldError {
    int line = 0;
    int column = 0;
    std::string path;     // "spec.replicas"
    std::string message;  // "expected an integer, got \"three\""
};

class FieldReader {
public:
    explicit FieldReader(std::vector<FieldError> &errors) : errors_(errors) {}

    void error(const yaml::Node *at, const FieldPath &path, std::string message);

    // Each reader leaves `out` unchanged for a null value, and records an error (returning
    // false) when the value has the wrong type.
    bool read(const yaml::Node *n, const FieldPath &p, std::string &out);
    bool read(const yaml::Node *n, const FieldPath &p, bool &out);
    bool read(const yaml::Node *n, const FieldPath &p, std::int32_t &out);
    bool read(const yaml::Node *n, const FieldPath &p, std::int64_t &out);
    bool read(const yaml::Node *n, const FieldPath &p, double &out);
    bool read(const yaml::Node *n, const FieldPath &p, Quantity &out);
    bool read(const yaml::Node *n, const FieldPath &p, IntOrString &out);
    bool read(const yaml::Node *n, const FieldPath &p, std::vector<std::string> &out);
    bool read(const yaml::Node *n, const FieldPath &p, std::map<std::string, std::string> &out);
    bool read(const yaml::Node *n, const FieldPath &p, ResourceList &out);

    template <typename T> bool read(const yaml::Node *n, const FieldPath &p, std::optional<T> &out)
    {
        if (!n || n->isNull())
            return true;
        T value{};
        if (out)
            value = *out;
        if (!read(n, p, value))
            return false;
        out = std::move(value);
        return true;
    }

    // Calls fn(key, value, path) for every entry of a map; false (with an error) if n is no map.
    bool forEachField(const yaml::Node *n, const FieldPath &p,
                      const std::function<void(std::string_view, const yaml::Node *, const FieldPath &)> &fn);

    // Decodes each list item with fn(item, path, out).
    template <typename T, typename Fn>
    bool readList(const yaml::Node *n, const FieldPath &p, std::vector<T> &out, Fn fn)
    {
        if (!n || n->isNull())
            return true;
        if (!n->isSequence())
            return typeError(n, p, "a list");
        out.reserve(out.size() + n->children.size());
        for (std::size_t i = 0; i < n->children.size(); ++i) {
            FieldPath itemPath = p.at(static_cast<int>(i));
            T item{};
            fn(n->children[i], itemPath, item);
            out.push_back(std::move(item));
        }
        return true;
    }

    bool isMapOrNull(const yaml::Node *n, const FieldPath &p);
    bool typeError(const yaml::Node *n, const FieldPath &p, std::string_view expected);

    std::vector<FieldError> &errors() { return errors_; }

private:
    std::vector<FieldError> &errors_;
};

// How a value is named in "expected X, got Y" messages: "three" quoted, 3 bare, a map, a list.
std::string describeValue(const yaml::Node &n);

}  // namespace podscape
