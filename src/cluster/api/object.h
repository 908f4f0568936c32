// The parts every Kubernetes API object shares: TypeMeta, ObjectMeta, and where the object came from.
#pragma once

#include "manifest/label_selector.h"
#include "manifest/quantity.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace podscape {

namespace yaml {
struct Document;
struct Node;
}  // namespace yaml

using ResourceList = std::map<std::string, Quantity>;  // "cpu" → 250m, "memory" → 64Mi, ...

// intstr.IntOrString: `targetPort: 8080` or `targetPort: http`, `maxSurge: 25%`.
struct IntOrString {
    bool isString = false;
    std::int32_t intValue = 0;
    std::string stringValue;

    static IntOrString fromInt(std::int32_t v) { return {false, v, {}}; }
    static IntOrString fromString(std::string s) { return {true, 0, std::move(s)}; }
    std::string toString() const { return isString ? stringValue : std::to_string(intValue); }
    friend bool operator==(const IntOrString &, const IntOrString &) = default;
};

struct OwnerReference {
    std::string apiVersion;
    std::string kind;
    std::string name;
    std::string uid;
    bool controller = false;
    bool blockOwnerDeletion = false;
};

struct ObjectMeta {
    std::string name;
    std::string generateName;
    std::string namespace_;  // empty for cluster-scoped objects (and before defaulting)
    std::string uid;
    Labels labels;
    std::map<std::string, std::string> annotations;
    std::vector<OwnerReference> ownerReferences;
    std::vector<std::string> finalizers;
    std::int64_t resourceVersion = 0;
    std::int64_t generation = 0;
    std::optional<double> creationTimestamp;  // virtual seconds
    std::optional<double> deletionTimestamp;
    std::optional<std::int64_t> deletionGracePeriodSeconds;

    const OwnerReference *controllerRef() const
    {
        for (const auto &ref : ownerReferences)
            if (ref.controller)
                return &ref;
        return nullptr;
    }
};

// Where an object was written, for errors and the inspector.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    bool isKnown() const { return !file.empty(); }
};

struct Object {
    std::string apiVersion;
    std::string kind;
    ObjectMeta metadata;
    SourceLocation source;
    // The document the object was decoded from (null for objects the simulation creates).
    std::shared_ptr<const yaml::Document> document;
    const yaml::Node *node = nullptr;

    virtual ~Object() = default;
    virtual std::shared_ptr<Object> clone() const = 0;
    // False for kinds Podscape loads and lists but does not simulate (RBAC, CRDs, custom resources...).
    virtual bool isSimulated() const { return true; }
    bool isNamespaced() const;

    // "Deployment.apps", "Pod": how the API server names the kind in messages.
    std::string qualifiedKind() const;
    std::string group() const;
};

template <typename Derived> struct ObjectBase : Object {
    std::shared_ptr<Object> clone() const override
    {
        return std::make_shared<Derived>(static_cast<const Derived &>(*this));
    }
};

// A kind Podscape keeps and lists but does not simulate; its content stays in `document`.
struct UnstructuredObject : ObjectBase<UnstructuredObject> {
    bool namespaced = true;
    bool isSimulated() const override { return false; }
};

using ObjectPtr = std::shared_ptr<Object>;

}  // namespace podscape
