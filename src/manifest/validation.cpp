// The API server's validation of the kinds Podscape simulates, mirrored function by function from
// kubernetes/kubernetes (v1.35 line):
//   staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go   (message formats)
//   staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go       (ValidateObjectMeta)
//   staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (labels, selectors)
//   pkg/apis/core/validation/validation.go                                  (core kinds, pod spec)
//   pkg/apis/apps/validation/validation.go, pkg/apis/batch/validation/validation.go,
//   pkg/apis/policy/validation/validation.go, pkg/apis/networking/validation/validation.go,
//   pkg/apis/scheduling/validation/validation.go, pkg/apis/storage/validation/validation.go
//
// Objects are validated as written, so fields the API server defaults before validating (restartPolicy,
// dnsPolicy, imagePullPolicy, protocol, strategy types, probe thresholds, ...) are only checked when the
// manifest sets them, and an empty value is read as "the default". Errors keep the order in which the Go
// validators append them; within a map Go iterates in random order, Podscape in key order.
#include "manifest/validation.h"

#include "cluster/api/apps.h"
#include "cluster/api/batch.h"
#include "cluster/api/core.h"
#include "cluster/api/other.h"
#include "cluster/api/policy.h"
#include "cluster/api/storage.h"
#include "manifest/name_validation.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace podscape {

namespace {

// ---------------------------------------------------------------------------------------------------
// How Go prints bad values (field.Error.ErrorBody): strings with %q, numbers and bools with %v,
// fmt.Stringer values (Quantity, IntOrString, *LabelSelector) with String(), anything else with %#v.

// strconv.Quote, as %q prints a string (bytes of UTF-8 sequences are kept as they are).
std::string q(std::string_view s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        const char *escape = c == '"'    ? "\\\""
                             : c == '\\' ? "\\\\"
                             : c == '\n' ? "\\n"
                             : c == '\t' ? "\\t"
                             : c == '\r' ? "\\r"
                             : c == '\a' ? "\\a"
                             : c == '\b' ? "\\b"
                             : c == '\f' ? "\\f"
                             : c == '\v' ? "\\v"
                                         : nullptr;
        if (escape) {
            out += escape;
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + '"';
}

std::string num(long long v)
{
    return std::to_string(v);
}

// %#v of a string slice: []string{"a", "b"} (typeName names the element type).
std::string goSlice(std::string_view typeName, const std::vector<std::string> &items)
{
    std::string out = "[]" + std::string(typeName) + "{";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + q(items[i]);
    return out + "}";
}

// %#v of a map[string]string: keys sorted, map[string]string{"app":"web", "tier":"db"}; a nil map
// prints as map[string]string(nil).
std::string goStringMap(const std::map<std::string, std::string> &m, bool nil)
{
    if (nil)
        return "map[string]string(nil)";
    std::string out = "map[string]string{";
    bool first = true;
    for (const auto &[k, v] : m) {
        out += (first ? "" : ", ") + q(k) + ":" + q(v);
        first = false;
    }
    return out + "}";
}

std::string operatorName(SelectorOperator op)
{
    switch (op) {
    case SelectorOperator::In:
        return "In";
    case SelectorOperator::NotIn:
        return "NotIn";
    case SelectorOperator::Exists:
        return "Exists";
    case SelectorOperator::DoesNotExist:
        return "DoesNotExist";
    case SelectorOperator::GreaterThan:
        return "Gt";
    case SelectorOperator::LessThan:
        return "Lt";
    case SelectorOperator::Equals:
        return "=";
    case SelectorOperator::DoubleEquals:
        return "==";
    case SelectorOperator::NotEquals:
        return "!=";
    }
    return "";
}

// fmt's %v of a []string: [a b c].
std::string goPlainList(const std::vector<std::string> &items)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? " " : "") + items[i];
    return out + "]";
}

// metav1.LabelSelector's generated (gogo protobuf) String(), which the error printer uses for a
// *LabelSelector: &LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]...{},}
std::string selectorString(const LabelSelector &sel)
{
    std::string out = "&LabelSelector{MatchLabels:map[string]string{";
    for (const auto &[k, v] : sel.matchLabels)
        out += k + ": " + v + ",";
    out += "},MatchExpressions:[]LabelSelectorRequirement{";
    for (const auto &r : sel.matchExpressions)
        out += "LabelSelectorRequirement{Key:" + r.key + ",Operator:" + operatorName(r.op) +
               ",Values:" + goPlainList(r.values) + ",},";
    return out + "},}";
}

// The Go printer's placeholder for a non-nil pointer inside a %#v struct dump. Kubernetes prints the
// pointer's address there, which differs on every request.
constexpr std::string_view kPointer = "0xc000000000";

std::string goPointer(std::string_view type, bool set)
{
    return "(*" + std::string(type) + ")(" + (set ? std::string(kPointer) : std::string("nil")) + ")";
}

// The IntOrString String() form: 3 or 25%.
std::string intOrString(const IntOrString &v)
{
    return v.toString();
}

// ---------------------------------------------------------------------------------------------------
// field.Path: "spec.containers[0].ports[1].name", "metadata.labels[app]".

struct Path {
    std::string s;

    // Each path is built in one allocation: a pod's validation builds about a hundred.
    template <typename... Names> Path child(std::string_view first, Names... rest) const
    {
        const std::initializer_list<std::string_view> names{first, std::string_view(rest)...};
        std::size_t size = s.size();
        for (std::string_view name : names)
            size += 1 + name.size();
        Path p;
        p.s.reserve(size);
        p.s.append(s);
        for (std::string_view name : names)
            p.s.append(p.s.empty() ? "" : ".").append(name);
        return p;
    }
    Path index(std::size_t i) const
    {
        char digits[24];
        return key({digits, std::size_t(std::snprintf(digits, sizeof digits, "%zu", i))});
    }
    Path key(std::string_view k) const
    {
        Path p;
        p.s.reserve(s.size() + k.size() + 2);
        p.s.append(s).append("[").append(k).append("]");
        return p;
    }
};

Path root(std::string_view name)
{
    return {std::string(name)};
}

// ---------------------------------------------------------------------------------------------------
// Walking a field path through the document (locateField and "did the manifest write this field").

// Calls fn(name, isBracket) for each step of a path; stops when fn returns false.
template <typename Fn> void forEachStep(std::string_view path, Fn fn)
{
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '.') {
            ++i;
            continue;
        }
        if (path[i] == '[') {
            std::size_t close = path.find(']', i + 1);
            if (close == std::string_view::npos)
                close = path.size();
            if (!fn(path.substr(i + 1, close - i - 1), true))
                return;
            i = close + 1;
            continue;
        }
        std::size_t end = path.find_first_of(".[", i);
        if (end == std::string_view::npos)
            end = path.size();
        if (!fn(path.substr(i, end - i), false))
            return;
        i = end;
    }
}

// The node a step leads to, or null. Brackets index a sequence or look a key up in a map.
const yaml::Node *stepInto(const yaml::Node *n, std::string_view step, bool bracket)
{
    if (!n)
        return nullptr;
    if (n->isMap())
        return n->find(step);
    if (bracket && n->isSequence()) {
        std::size_t idx = 0;
        if (step.empty())
            return nullptr;
        for (char c : step) {
            if (c < '0' || c > '9')
                return nullptr;
            idx = idx * 10 + static_cast<std::size_t>(c - '0');
            if (idx > n->children.size())
                return nullptr;
        }
        return idx < n->children.size() ? n->children[idx] : nullptr;
    }
    return nullptr;
}

// The node at exactly `path`, or null when some step is missing.
const yaml::Node *findExact(const yaml::Node *root, std::string_view path)
{
    const yaml::Node *n = root;
    forEachStep(path, [&](std::string_view step, bool bracket) {
        n = stepInto(n, step, bracket);
        return n != nullptr;
    });
    return n;
}

// ---------------------------------------------------------------------------------------------------
// The error list (field.ErrorList), with the object it describes at hand.

class Errors {
public:
    explicit Errors(const Object &obj) : obj_(obj) {}

    // field.Required: "Required value" or "Required value: <detail>".
    void required(const Path &p, std::string_view detail = {}) { add(p, with("Required value", detail)); }
    // field.Forbidden.
    void forbidden(const Path &p, std::string_view detail) { add(p, with("Forbidden", detail)); }
    // field.TooLong (the value is never printed).
    void tooLong(const Path &p, std::string_view detail) { add(p, with("Too long", detail)); }
    // field.Invalid, with the bad value already printed the way Go prints it.
    void invalid(const Path &p, const std::string &value, std::string_view detail)
    {
        add(p, with("Invalid value: " + value, detail));
    }
    // One Invalid error per message, as the `for _, msg := range IsXxx(v)` loops do.
    void invalidEach(const Path &p, const std::string &value, const std::vector<std::string> &msgs)
    {
        for (const auto &m : msgs)
            invalid(p, value, m);
    }
    // field.NotSupported: "Unsupported value: "x": supported values: "A", "B"".
    void notSupported(const Path &p, const std::string &value, const std::vector<std::string_view> &valid)
    {
        std::string detail;
        for (std::size_t i = 0; i < valid.size(); ++i)
            detail += (i ? ", " : "supported values: ") + q(valid[i]);
        add(p, with("Unsupported value: " + value, detail));
    }
    // field.Duplicate / field.NotFound (no detail).
    void duplicate(const Path &p, const std::string &value) { add(p, "Duplicate value: " + value); }
    void notFound(const Path &p, const std::string &value) { add(p, "Not found: " + value); }
    // Duplicate with a detail set afterwards, as validateNodeTaints does.
    void duplicate(const Path &p, const std::string &value, std::string_view detail)
    {
        add(p, with("Duplicate value: " + value, detail));
    }

    // Whether the manifest wrote a (non-null) value at `path`; nullopt for objects built in code.
    std::optional<bool> written(std::string_view path) const
    {
        if (!obj_.node)
            return std::nullopt;
        const yaml::Node *n = findExact(obj_.node, path);
        return n && !n->isNull();
    }
    // written(), falling back to `guess` when the object has no document.
    bool writtenOr(std::string_view path, bool guess) const { return written(path).value_or(guess); }

    std::size_t size() const { return list_.size(); }

    // The errors, deduplicated as field.ErrorList.ToAggregate does, with positions in the document.
    std::vector<FieldError> finish()
    {
        std::vector<FieldError> out;
        std::set<std::pair<std::string, std::string>> seen;
        for (auto &e : list_) {
            if (!seen.insert({e.path, e.message}).second)
                continue;
            if (const yaml::Node *n = locateField(obj_.node, e.path)) {
                e.line = n->line;
                e.column = n->column;
            }
            out.push_back(std::move(e));
        }
        return out;
    }

private:
    static std::string with(std::string head, std::string_view detail)
    {
        if (!detail.empty()) {
            head += ": ";
            head += detail;
        }
        return head;
    }
    void add(const Path &p, std::string message) { list_.push_back({0, 0, p.s, std::move(message)}); }

    const Object &obj_;
    std::vector<FieldError> list_;
};

// ---------------------------------------------------------------------------------------------------
// Name functions (apimachinery/pkg/api/validation/generic.go ValidateNameFunc).

using NameFn = std::vector<std::string> (*)(std::string_view name, bool prefix);

// NameIsDNSSubdomain
std::vector<std::string> nameIsDnsSubdomain(std::string_view name, bool prefix)
{
    return isDns1123Subdomain(prefix ? maskTrailingDash(name) : std::string(name));
}

// NameIsDNSLabel (Namespaces, StatefulSets)
std::vector<std::string> nameIsDnsLabel(std::string_view name, bool prefix)
{
    return isDns1123Label(prefix ? maskTrailingDash(name) : std::string(name));
}

// NameIsDNS1035Label (Services)
std::vector<std::string> nameIsDns1035Label(std::string_view name, bool prefix)
{
    return isDns1035Label(prefix ? maskTrailingDash(name) : std::string(name));
}

// apimachinery/pkg/api/validation/path ValidatePathSegmentName: what the generic registry checks for
// kinds whose strategy does not validate the name (PodDisruptionBudget).
std::vector<std::string> namePathSegment(std::string_view name, bool prefix)
{
    if (!prefix)
        return isValidPathSegmentName(name);
    std::vector<std::string> errs; // IsValidPathSegmentPrefix
    if (name.find('/') != std::string_view::npos)
        errs.emplace_back("may not contain '/'");
    if (name.find('%') != std::string_view::npos)
        errs.emplace_back("may not contain '%'");
    return errs;
}

// ---------------------------------------------------------------------------------------------------
// meta/v1/validation: labels, label selectors.

// ValidateLabelName: a qualified name.
void validateLabelName(Errors &e, std::string_view name, const Path &p)
{
    e.invalidEach(p, q(name), isQualifiedName(name));
}

// ValidateLabels: every error names the map, not the key.
void validateLabels(Errors &e, const Labels &labels, const Path &p)
{
    for (const auto &[k, v] : labels) {
        validateLabelName(e, k, p);
        e.invalidEach(p, q(v), isValidLabelValue(v));
    }
}

// ValidateLabelSelectorRequirement (AllowInvalidLabelValueInSelector: false).
void validateSelectorRequirement(Errors &e, const LabelSelectorRequirement &r, const Path &p)
{
    switch (r.op) {
    case SelectorOperator::In:
    case SelectorOperator::NotIn:
        if (r.values.empty())
            e.required(p.child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
        break;
    case SelectorOperator::Exists:
    case SelectorOperator::DoesNotExist:
        if (!r.values.empty())
            e.forbidden(p.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        break;
    default:
        e.invalid(p.child("operator"), q(operatorName(r.op)), "not a valid selector operator");
    }
    validateLabelName(e, r.key, p.child("key"));
    for (std::size_t i = 0; i < r.values.size(); ++i)
        e.invalidEach(p.child("values").index(i), q(r.values[i]), isValidLabelValue(r.values[i]));
}

// ValidateLabelSelector (nil is valid).
void validateLabelSelector(Errors &e, const LabelSelector *sel, const Path &p)
{
    if (!sel)
        return;
    validateLabels(e, sel->matchLabels, p.child("matchLabels"));
    for (std::size_t i = 0; i < sel->matchExpressions.size(); ++i)
        validateSelectorRequirement(e, sel->matchExpressions[i], p.child("matchExpressions").index(i));
}

// metav1.LabelSelectorAsSelector succeeds (nil included: it yields labels.Nothing()).
bool selectorConverts(const std::optional<LabelSelector> &sel)
{
    return !sel || !sel->validate();
}

// selector.Matches(labels.Set(template.Labels)) for the converted selector; labels.Nothing() (a nil
// selector) matches nothing.
bool selectorMatches(const std::optional<LabelSelector> &sel, const Labels &labels)
{
    return sel && sel->matches(labels);
}

// selector.Empty(): true only for a non-nil selector without requirements (labels.Nothing() is not empty).
bool selectorEmpty(const std::optional<LabelSelector> &sel)
{
    return sel && sel->isEmpty();
}

// ---------------------------------------------------------------------------------------------------
// apimachinery/pkg/api/validation/objectmeta.go and core's ValidateObjectMeta.

// ValidateAnnotations: keys are qualified names once lower-cased; total size at most 256 kB.
void validateAnnotations(Errors &e, const std::map<std::string, std::string> &annotations, const Path &p)
{
    std::size_t total = 0;
    for (const auto &[k, v] : annotations) {
        std::string lower = k;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        e.invalidEach(p, q(k), isQualifiedName(lower));
        total += k.size() + v.size();
    }
    if (total > 256 * 1024)
        e.tooLong(p, "may not be more than 262144 bytes");
}

// validateOwnerReference: schema.FromAPIVersionAndKind, then the four "must not be empty" checks.
void validateOwnerReferences(Errors &e, const std::vector<OwnerReference> &refs, const Path &p)
{
    for (const auto &ref : refs) {
        std::string_view av = ref.apiVersion;
        std::string_view version = av;
        std::size_t slash = av.find('/');
        if (slash != std::string_view::npos)
            version = av.find('/', slash + 1) == std::string_view::npos ? av.substr(slash + 1) : std::string_view{};
        if (version.empty())
            e.invalid(p.child("apiVersion"), q(ref.apiVersion), "version must not be empty");
        if (ref.kind.empty())
            e.invalid(p.child("kind"), q(ref.kind), "must not be empty");
        if (ref.name.empty())
            e.invalid(p.child("name"), q(ref.name), "must not be empty");
        if (ref.uid.empty())
            e.invalid(p.child("uid"), q(ref.uid), "must not be empty");
    }
}

// ValidateFinalizers (names checked at the list path), then core's validateKubeFinalizerName per item.
void validateFinalizers(Errors &e, const std::vector<std::string> &finalizers, const Path &p)
{
    bool orphan = false, foreground = false;
    for (const auto &f : finalizers) {
        e.invalidEach(p, q(f), isQualifiedName(f));
        orphan = orphan || f == "orphan";
        foreground = foreground || f == "foregroundDeletion";
    }
    if (orphan && foreground)
        e.invalid(p, goSlice("string", finalizers), "finalizer orphan and foregroundDeletion cannot be both set");
}

void validateKubeFinalizerNames(Errors &e, const std::vector<std::string> &finalizers, const Path &p)
{
    for (std::size_t i = 0; i < finalizers.size(); ++i) {
        const std::string &f = finalizers[i];
        bool standard = f == "kubernetes" || f == "orphan" || f == "foregroundDeletion";
        if (f.find('/') == std::string::npos && !standard)
            e.invalid(p.index(i), q(f), "name is neither a standard finalizer name nor is it fully qualified");
    }
}

// ValidateObjectMetaAccessor + core ValidateObjectMeta. Two deliberate differences with a bare call:
// an empty namespace is not an error (kubectl and the request fill it in) and a cluster-scoped object's
// namespace is cleared by the registry before validation, so neither is reported here.
void validateObjectMeta(Errors &e, const ObjectMeta &m, bool namespaced, NameFn nameFn, const Path &p,
                        bool coreFinalizerCheck = true)
{
    if (!m.generateName.empty())
        e.invalidEach(p.child("generateName"), q(m.generateName), nameFn(m.generateName, true));
    if (m.name.empty()) {
        // With generateName the registry generates the name (generateName + 5 random characters)
        // before validating; that name is not known here.
        if (m.generateName.empty())
            e.required(p.child("name"), "name or generateName is required");
    } else {
        e.invalidEach(p.child("name"), q(m.name), nameFn(m.name, false));
    }
    if (namespaced && !m.namespace_.empty())
        e.invalidEach(p.child("namespace"), q(m.namespace_), nameIsDnsLabel(m.namespace_, false));
    validateLabels(e, m.labels, p.child("labels"));
    validateAnnotations(e, m.annotations, p.child("annotations"));
    validateOwnerReferences(e, m.ownerReferences, p.child("ownerReferences"));
    validateFinalizers(e, m.finalizers, p.child("finalizers"));
    if (coreFinalizerCheck)
        validateKubeFinalizerNames(e, m.finalizers, p.child("finalizers"));
}

// Values of the Go validators that are "not nil and not the zero value", for our std::string fields.
bool set(const std::string &s)
{
    return !s.empty();
}

// ---------------------------------------------------------------------------------------------------
// Resource names and quantities (core/helper/helpers.go, validation.go validateResourceRequirements).

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// helper.IsHugePageResourceName
bool isHugePages(std::string_view name)
{
    return startsWith(name, "hugepages-");
}

// helper.IsNativeResource: unprefixed or in the kubernetes.io domain.
bool isNativeResource(std::string_view name)
{
    return name.find('/') == std::string_view::npos || name.find("kubernetes.io/") != std::string_view::npos;
}

// helper.IsExtendedResourceName
bool isExtendedResource(std::string_view name)
{
    if (isNativeResource(name) || startsWith(name, "requests."))
        return false;
    return isQualifiedName("requests." + std::string(name)).empty();
}

// helper.IsOvercommitAllowed
bool isOvercommitAllowed(std::string_view name)
{
    return isNativeResource(name) && !isHugePages(name);
}

// helper.IsIntegerResourceName
bool isIntegerResource(std::string_view name)
{
    static const std::set<std::string_view> integer = {
        "pods",       "resourcequotas",         "services",           "replicationcontrollers", "secrets",
        "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers"};
    return integer.count(name) > 0 || isExtendedResource(name);
}

// helper.IsStandardResourceName
bool isStandardResource(std::string_view name)
{
    static const std::set<std::string_view> standard = {"cpu",
                                                        "memory",
                                                        "ephemeral-storage",
                                                        "requests.cpu",
                                                        "requests.memory",
                                                        "requests.ephemeral-storage",
                                                        "limits.cpu",
                                                        "limits.memory",
                                                        "limits.ephemeral-storage",
                                                        "pods",
                                                        "resourcequotas",
                                                        "services",
                                                        "replicationcontrollers",
                                                        "secrets",
                                                        "persistentvolumeclaims",
                                                        "configmaps",
                                                        "services.nodeports",
                                                        "services.loadbalancers",
                                                        "storage",
                                                        "requests.storage"};
    return standard.count(name) > 0 || isHugePages(name) || startsWith(name, "requests.hugepages-");
}

// helper.IsStandardQuotaResourceName
bool isStandardQuotaResource(std::string_view name)
{
    static const std::set<std::string_view> quota = {"cpu",
                                                     "memory",
                                                     "ephemeral-storage",
                                                     "requests.cpu",
                                                     "requests.memory",
                                                     "requests.storage",
                                                     "requests.ephemeral-storage",
                                                     "limits.cpu",
                                                     "limits.memory",
                                                     "limits.ephemeral-storage",
                                                     "pods",
                                                     "resourcequotas",
                                                     "services",
                                                     "replicationcontrollers",
                                                     "secrets",
                                                     "persistentvolumeclaims",
                                                     "configmaps",
                                                     "services.nodeports",
                                                     "services.loadbalancers"};
    return quota.count(name) > 0 || isHugePages(name) || startsWith(name, "requests.hugepages-");
}

// validateResourceName
void validateResourceName(Errors &e, std::string_view name, const Path &p)
{
    auto msgs = isQualifiedName(name);
    e.invalidEach(p, q(name), msgs);
    if (!msgs.empty())
        return;
    if (name.find('/') == std::string_view::npos && !isStandardResource(name))
        e.invalid(p, q(name), "must be a standard resource type or fully qualified");
}

// validateContainerResourceName
void validateContainerResourceName(Errors &e, std::string_view name, const Path &p)
{
    validateResourceName(e, name, p);
    if (name.find('/') == std::string_view::npos) {
        if (name != "cpu" && name != "memory" && name != "ephemeral-storage" && !isHugePages(name))
            e.invalid(p, q(name), "must be a standard resource for containers");
    } else if (!isNativeResource(name) && !isExtendedResource(name)) {
        e.invalid(p, q(name), "doesn't follow extended resource name standard");
    }
}

// ValidateResourceQuantityValue: ValidateNonnegativeQuantity prints the value as a string, the integer
// check passes the Quantity itself (a fmt.Stringer, so unquoted).
void validateQuantityValue(Errors &e, std::string_view name, const Quantity &qty, const Path &p)
{
    if (qty.sign() < 0)
        e.invalid(p, q(qty.toString()), "must be greater than or equal to 0");
    if (isIntegerResource(name) && qty.milliValue() % 1000 != 0)
        e.invalid(p, qty.toString(), "must be an integer");
}

// validateResourceRequirements with validateContainerResourceName (ValidateContainerResourceRequirements).
void validateResources(Errors &e, const ResourceRequirements &r, const Path &p)
{
    Path limPath = p.child("limits"), reqPath = p.child("requests");
    bool limCpuMem = false, reqCpuMem = false, limHuge = false, reqHuge = false;
    for (const auto &[name, qty] : r.limits) {
        Path fp = limPath.key(name);
        validateContainerResourceName(e, name, fp);
        validateQuantityValue(e, name, qty, fp);
        limHuge = limHuge || isHugePages(name);
        limCpuMem = limCpuMem || name == "cpu" || name == "memory";
    }
    for (const auto &[name, qty] : r.requests) {
        Path fp = reqPath.key(name);
        validateContainerResourceName(e, name, fp);
        validateQuantityValue(e, name, qty, fp);
        auto limit = r.limits.find(name);
        if (limit != r.limits.end()) {
            int cmp = qty.compare(limit->second);
            if (cmp != 0 && !isOvercommitAllowed(name))
                e.invalid(reqPath, q(qty.toString()),
                          "must be equal to " + name + " limit of " + limit->second.toString());
            else if (cmp > 0)
                e.invalid(reqPath, q(qty.toString()),
                          "must be less than or equal to " + name + " limit of " + limit->second.toString());
        } else if (!isOvercommitAllowed(name)) {
            e.required(limPath, "Limit must be set for non overcommitable resources");
        }
        reqHuge = reqHuge || isHugePages(name);
        reqCpuMem = reqCpuMem || name == "cpu" || name == "memory";
    }
    if (!limCpuMem && !reqCpuMem && (reqHuge || limHuge))
        e.forbidden(p, "HugePages require cpu or memory");
}

// ---------------------------------------------------------------------------------------------------
// Paths inside volumes and mounts.

bool isAbsPath(std::string_view s)
{
    return !s.empty() && s.front() == '/';
}

// validatePathNoBacksteps
void validatePathNoBacksteps(Errors &e, std::string_view target, const Path &p)
{
    std::size_t start = 0;
    while (start <= target.size()) {
        std::size_t slash = target.find('/', start);
        std::string_view part =
            target.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (part == "..") {
            e.invalid(p, q(target), "must not contain '..'");
            return;
        }
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
}

// validateLocalDescendingPath
void validateLocalDescendingPath(Errors &e, std::string_view target, const Path &p)
{
    if (isAbsPath(target))
        e.invalid(p, q(target), "must be a relative path");
    validatePathNoBacksteps(e, target, p);
}

// ValidateLocalNonReservedPath
void validateLocalNonReservedPath(Errors &e, std::string_view target, const Path &p)
{
    validateLocalDescendingPath(e, target, p);
    if (startsWith(target, "..") && !startsWith(target, "../"))
        e.invalid(p, q(target), "must not start with '..'");
}

// validateKeyToPath
void validateKeyToPaths(Errors &e, const std::vector<KeyToPath> &items, const Path &p)
{
    for (std::size_t i = 0; i < items.size(); ++i) {
        Path ip = p.index(i);
        if (items[i].key.empty())
            e.required(ip.child("key"));
        if (items[i].path.empty())
            e.required(ip.child("path"));
        validateLocalNonReservedPath(e, items[i].path, ip.child("path"));
    }
}

// ---------------------------------------------------------------------------------------------------
// Volumes (ValidateVolumes, validateVolumeSource). Sources Podscape does not decode are not checked.

// validateVolumeSource for the sources Podscape reads. "must specify a volume type" cannot happen to a
// manifest: SetDefaults_Volume turns a volume without a source into an emptyDir, as the decoder does.
void validateVolumeSource(Errors &e, const Volume &v, const Path &p)
{
    switch (v.type) {
    case Volume::Type::EmptyDir:
        if (v.sizeLimit && v.sizeLimit->sign() < 0)
            e.forbidden(p.child("emptyDir", "sizeLimit"), "SizeLimit field must be a valid resource quantity");
        break;
    case Volume::Type::HostPath: { // validateHostPathVolumeSource
        Path hp = p.child("hostPath");
        if (v.hostPath.empty()) {
            e.required(hp.child("path"));
            break;
        }
        validatePathNoBacksteps(e, v.hostPath, hp.child("path"));
        static const std::set<std::string_view> types = {
            "", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"};
        if (!types.count(v.hostPathType))
            e.notSupported(
                hp.child("type"), q(v.hostPathType),
                {"", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"});
        break;
    }
    case Volume::Type::Secret: // validateSecretVolumeSource
        if (v.sourceName.empty())
            e.required(p.child("secret", "secretName"));
        validateKeyToPaths(e, v.items, p.child("secret", "items"));
        break;
    case Volume::Type::ConfigMap: // validateConfigMapVolumeSource
        if (v.sourceName.empty())
            e.required(p.child("configMap", "name"));
        validateKeyToPaths(e, v.items, p.child("configMap", "items"));
        break;
    case Volume::Type::PersistentVolumeClaim: // validatePersistentClaimVolumeSource
        if (v.sourceName.empty())
            e.required(p.child("persistentVolumeClaim", "claimName"));
        break;
    case Volume::Type::Projected: // validateProjectionSources (names only)
        for (std::size_t i = 0; i < v.projectedSources.size(); ++i) {
            const auto &src = v.projectedSources[i];
            Path sp = p.child("projected", "sources").index(i);
            if (src.type == ProjectedSource::Type::Secret && src.name.empty())
                e.required(sp.child("secret", "name"));
            if (src.type == ProjectedSource::Type::ConfigMap && src.name.empty())
                e.required(sp.child("configMap", "name"));
        }
        break;
    default:
        break;
    }
}

// ValidateVolumes: returns the names of the valid volumes, which are the ones mounts may refer to.
std::set<std::string> validateVolumes(Errors &e, const std::vector<Volume> &volumes, const Path &p)
{
    std::set<std::string> names;
    for (std::size_t i = 0; i < volumes.size(); ++i) {
        const Volume &v = volumes[i];
        Path ip = p.index(i);
        std::size_t before = e.size();
        validateVolumeSource(e, v, ip);
        if (v.name.empty())
            e.required(ip.child("name"));
        else
            e.invalidEach(ip.child("name"), q(v.name), isDns1123Label(v.name));
        if (names.count(v.name))
            e.duplicate(ip.child("name"), q(v.name));
        if (e.size() == before)
            names.insert(v.name);
    }
    return names;
}

// ValidateVolumeMounts. The subPath check names the list, not the item, as Kubernetes does.
void validateVolumeMounts(Errors &e, const std::vector<VolumeMount> &mounts, const std::set<std::string> &volumes,
                          const Path &p)
{
    std::set<std::string> mountPoints;
    for (std::size_t i = 0; i < mounts.size(); ++i) {
        const VolumeMount &m = mounts[i];
        Path ip = p.index(i);
        if (m.name.empty())
            e.required(ip.child("name"));
        if (!volumes.count(m.name))
            e.notFound(ip.child("name"), q(m.name));
        if (m.mountPath.empty())
            e.required(ip.child("mountPath"));
        if (mountPoints.count(m.mountPath))
            e.invalid(ip.child("mountPath"), q(m.mountPath), "must be unique");
        mountPoints.insert(m.mountPath);
        if (!m.subPath.empty())
            validateLocalDescendingPath(e, m.subPath, p.child("subPath"));
    }
}

// ---------------------------------------------------------------------------------------------------
// Container ports, env, probes and handlers.

// ValidatePortNumOrName
void validatePortNumOrName(Errors &e, const IntOrString &port, const Path &p)
{
    if (port.isString)
        e.invalidEach(p, q(port.stringValue), isValidPortName(port.stringValue));
    else
        e.invalidEach(p, num(port.intValue), isValidPortNum(port.intValue));
}

// The protocol after defaulting (empty means TCP).
std::string effectiveProtocol(const std::string &protocol)
{
    return protocol.empty() ? "TCP" : protocol;
}

// validateContainerPorts
void validateContainerPorts(Errors &e, const std::vector<ContainerPort> &ports, const Path &p)
{
    std::set<std::string> names;
    for (std::size_t i = 0; i < ports.size(); ++i) {
        const ContainerPort &port = ports[i];
        Path ip = p.index(i);
        if (!port.name.empty()) {
            auto msgs = isValidPortName(port.name);
            if (!msgs.empty())
                e.invalidEach(ip.child("name"), q(port.name), msgs);
            else if (names.count(port.name))
                e.duplicate(ip.child("name"), q(port.name));
            else
                names.insert(port.name);
        }
        if (port.containerPort == 0)
            e.required(ip.child("containerPort"));
        else
            e.invalidEach(ip.child("containerPort"), num(port.containerPort), isValidPortNum(port.containerPort));
        if (port.hostPort != 0)
            e.invalidEach(ip.child("hostPort"), num(port.hostPort), isValidPortNum(port.hostPort));
        std::string protocol = effectiveProtocol(port.protocol);
        if (protocol != "TCP" && protocol != "UDP" && protocol != "SCTP")
            e.notSupported(ip.child("protocol"), q(protocol), {"SCTP", "TCP", "UDP"});
    }
}

// fieldpath.SplitMaybeSubscriptedPath: metadata.labels['app'] -> ("metadata.labels", "app").
bool splitSubscriptedPath(std::string_view fieldPath, std::string &path, std::string &subscript)
{
    if (fieldPath.size() < 2 || fieldPath.substr(fieldPath.size() - 2) != "']")
        return false;
    std::string_view s = fieldPath.substr(0, fieldPath.size() - 2);
    std::size_t open = s.find("['");
    if (open == std::string_view::npos || open == 0)
        return false;
    path = std::string(s.substr(0, open));
    subscript = std::string(s.substr(open + 2));
    return true;
}

// validateObjectFieldSelector for env (apiVersion defaults to v1; ConvertDownwardAPIFieldLabel first).
void validateEnvFieldRef(Errors &e, const std::string &fieldPath, const Path &p)
{
    if (fieldPath.empty()) {
        e.required(p.child("fieldPath"));
        return;
    }
    std::string path, subscript;
    if (splitSubscriptedPath(fieldPath, path, subscript)) {
        if (path != "metadata.annotations" && path != "metadata.labels") {
            e.invalid(p.child("fieldPath"), q(fieldPath),
                      "error converting fieldPath: field label does not support subscript: " + fieldPath);
            return;
        }
        std::string key = subscript;
        if (path == "metadata.annotations")
            std::transform(key.begin(), key.end(), key.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        e.invalidEach(p, q(key), isQualifiedName(key));
        return;
    }
    static const std::set<std::string_view> convertible = {
        "metadata.annotations", "metadata.labels", "metadata.name",      "metadata.namespace",
        "metadata.uid",         "spec.nodeName",   "spec.restartPolicy", "spec.serviceAccountName",
        "spec.schedulerName",   "status.phase",    "status.hostIP",      "status.hostIPs",
        "status.podIP",         "status.podIPs",   "spec.host"};
    if (!convertible.count(fieldPath)) {
        e.invalid(p.child("fieldPath"), q(fieldPath),
                  "error converting fieldPath: field label not supported: " + fieldPath);
        return;
    }
    std::string internal = fieldPath == "spec.host" ? "spec.nodeName" : fieldPath;
    static const std::vector<std::string_view> env = {
        "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
        "status.hostIP", "status.hostIPs",     "status.podIP", "status.podIPs"};
    if (std::find(env.begin(), env.end(), internal) == env.end())
        e.notSupported(p.child("fieldPath"), q(internal), env);
}

// validateContainerResourceFieldSelector for env (volume == false).
void validateEnvResourceFieldRef(Errors &e, const std::string &resource, const Path &p)
{
    static const std::vector<std::string_view> expressions = {
        "limits.cpu",   "limits.ephemeral-storage",   "limits.memory",
        "requests.cpu", "requests.ephemeral-storage", "requests.memory"};
    if (resource.empty())
        e.required(p.child("resource"));
    else if (std::find(expressions.begin(), expressions.end(), resource) == expressions.end() &&
             !startsWith(resource, "requests.hugepages-") && !startsWith(resource, "limits.hugepages-"))
        e.notSupported(p.child("resource"), q(resource), expressions);
}

// validateConfigMapKeySelector / validateSecretKeySelector: the name goes through ValidateSecretName
// even when empty.
void validateKeySelector(Errors &e, const KeySelector &sel, const Path &p)
{
    e.invalidEach(p.child("name"), q(sel.name), nameIsDnsSubdomain(sel.name, false));
    if (sel.key.empty())
        e.required(p.child("key"));
    else
        e.invalidEach(p.child("key"), q(sel.key), isConfigMapKey(sel.key));
}

// ValidateEnv (relaxed names: RelaxedEnvironmentVariableValidation is on) with validateEnvVarValueFrom.
void validateEnv(Errors &e, const std::vector<EnvVar> &env, const Path &p)
{
    for (std::size_t i = 0; i < env.size(); ++i) {
        const EnvVar &v = env[i];
        Path ip = p.index(i);
        if (v.name.empty())
            e.required(ip.child("name"));
        else
            e.invalidEach(ip.child("name"), q(v.name), isRelaxedEnvVarName(v.name));
        if (v.source == EnvVar::Source::Value)
            continue;
        Path vf = ip.child("valueFrom");
        switch (v.source) {
        case EnvVar::Source::Field:
            validateEnvFieldRef(e, v.fieldPath, vf.child("fieldRef"));
            break;
        case EnvVar::Source::ResourceField:
            validateEnvResourceFieldRef(e, v.fieldPath, vf.child("resourceFieldRef"));
            break;
        case EnvVar::Source::ConfigMapKey:
            validateKeySelector(e, v.keyRef, vf.child("configMapKeyRef"));
            break;
        case EnvVar::Source::SecretKey:
            validateKeySelector(e, v.keyRef, vf.child("secretKeyRef"));
            break;
        default:
            break;
        }
        if (!v.value.empty())
            e.invalid(vf, q(""), "may not be specified when `value` is not empty");
    }
}

// ValidateEnvFrom
void validateEnvFrom(Errors &e, const std::vector<EnvFromSource> &envFrom, const Path &p)
{
    for (std::size_t i = 0; i < envFrom.size(); ++i) {
        const EnvFromSource &src = envFrom[i];
        Path ip = p.index(i);
        if (!src.prefix.empty())
            e.invalidEach(ip.child("prefix"), q(src.prefix), isRelaxedEnvVarName(src.prefix));
        bool hasConfigMap = e.writtenOr(ip.child("configMapRef").s, !src.fromSecret);
        bool hasSecret = e.writtenOr(ip.child("secretRef").s, src.fromSecret);
        for (const char *ref : {"configMapRef", "secretRef"}) { // validateConfigMapEnvSource / SecretEnvSource
            if (!(ref[0] == 'c' ? hasConfigMap : hasSecret))
                continue;
            if (src.name.empty())
                e.required(ip.child(ref, "name"));
            else
                e.invalidEach(ip.child(ref, "name"), q(src.name), nameIsDnsSubdomain(src.name, true));
        }
        if (!hasConfigMap && !hasSecret)
            e.invalid(p, q(""), "must specify one of: `configMapRef` or `secretRef`");
        else if (hasConfigMap && hasSecret)
            e.invalid(p, q(""), "may not have more than one field specified at a time");
    }
}

// validateHandler (probe handlers never hold a sleep action; lifecycle handlers may).
void validateHandler(Errors &e, const Handler &h, std::int64_t gracePeriod, bool lifecycle, const Path &p)
{
    switch (h.type) {
    case Handler::Type::Exec:
        if (h.command.empty())
            e.required(p.child("exec", "command"));
        break;
    case Handler::Type::HttpGet: // validateHTTPGetAction (path defaults to "/", scheme to HTTP)
        validatePortNumOrName(e, h.port, p.child("httpGet", "port"));
        if (!h.scheme.empty() && h.scheme != "HTTP" && h.scheme != "HTTPS")
            e.notSupported(p.child("httpGet", "scheme"), q(h.scheme), {"HTTP", "HTTPS"});
        break;
    case Handler::Type::TcpSocket:
        validatePortNumOrName(e, h.port, p.child("tcpSocket", "port"));
        break;
    case Handler::Type::Grpc:
        validatePortNumOrName(e, IntOrString::fromInt(h.port.intValue), p.child("grpc", "port"));
        break;
    case Handler::Type::Sleep: // validateSleepAction (PodLifecycleSleepActionAllowZero is on)
        if (!lifecycle) {
            e.required(p, "must specify a handler type");
        } else if (h.sleepSeconds < 0 || h.sleepSeconds > gracePeriod) {
            e.invalid(p.child("sleep"), num(h.sleepSeconds),
                      "must be non-negative and less than terminationGracePeriodSeconds (" + num(gracePeriod) + ")");
        }
        break;
    case Handler::Type::None:
        e.required(p, "must specify a handler type");
        break;
    }
}

// validateProbe, with SetDefaults_Probe applied to zero thresholds first.
void validateProbe(Errors &e, const Probe &probe, std::int64_t gracePeriod, bool successMustBeOne, const Path &p)
{
    validateHandler(e, probe.handler, gracePeriod, false, p);
    auto orDefault = [](std::int32_t v, std::int32_t d) { return v == 0 ? d : v; };
    const std::pair<const char *, std::int64_t> fields[] = {{"initialDelaySeconds", probe.initialDelaySeconds},
                                                            {"timeoutSeconds", orDefault(probe.timeoutSeconds, 1)},
                                                            {"periodSeconds", orDefault(probe.periodSeconds, 10)},
                                                            {"successThreshold", orDefault(probe.successThreshold, 1)},
                                                            {"failureThreshold", orDefault(probe.failureThreshold, 3)}};
    for (const auto &[name, value] : fields)
        if (value < 0)
            e.invalid(p.child(name), num(value), "must be greater than or equal to 0");
    std::int32_t success = orDefault(probe.successThreshold, 1);
    if (successMustBeOne && success != 1) // validateLivenessProbe / validateStartupProbe
        e.invalid(p.child("successThreshold"), num(success), "must be 1");
}

// Whether the container wrote lifecycle handlers.
bool hasLifecycle(const Errors &e, const Container &c, const Path &p)
{
    return e.writtenOr(p.child("lifecycle").s,
                       c.postStart.type != Handler::Type::None || c.preStop.type != Handler::Type::None);
}

// validateLifecycle
void validateLifecycle(Errors &e, const Container &c, std::int64_t gracePeriod, const Path &p)
{
    Path lp = p.child("lifecycle");
    if (c.postStart.type != Handler::Type::None || e.writtenOr(lp.child("postStart").s, false))
        validateHandler(e, c.postStart, gracePeriod, true, lp.child("postStart"));
    if (c.preStop.type != Handler::Type::None || e.writtenOr(lp.child("preStop").s, false))
        validateHandler(e, c.preStop, gracePeriod, true, lp.child("preStop"));
}

// The lifecycle and probe checks shared by regular containers and sidecars.
void validateLifecycleAndProbes(Errors &e, const Container &c, std::int64_t gracePeriod, const Path &p)
{
    if (hasLifecycle(e, c, p))
        validateLifecycle(e, c, gracePeriod, p);
    if (c.livenessProbe)
        validateProbe(e, *c.livenessProbe, gracePeriod, true, p.child("livenessProbe"));
    if (c.readinessProbe)
        validateProbe(e, *c.readinessProbe, gracePeriod, false, p.child("readinessProbe"));
    if (c.startupProbe)
        validateProbe(e, *c.startupProbe, gracePeriod, true, p.child("startupProbe"));
}

// validateContainerCommon (volume devices, resize policy and security context are not decoded).
void validateContainerCommon(Errors &e, const Container &c, const std::set<std::string> &volumes, const Path &p)
{
    if (c.name.empty())
        e.required(p.child("name"));
    else
        e.invalidEach(p.child("name"), q(c.name), isDns1123Label(c.name));
    if (c.image.empty())
        e.required(p.child("image"));
    if (set(c.terminationMessagePolicy) && c.terminationMessagePolicy != "File" &&
        c.terminationMessagePolicy != "FallbackToLogsOnError")
        e.notSupported(p.child("terminationMessagePolicy"), q(c.terminationMessagePolicy),
                       {"File", "FallbackToLogsOnError"});
    validateContainerPorts(e, c.ports, p.child("ports"));
    validateEnv(e, c.env, p.child("env"));
    validateEnvFrom(e, c.envFrom, p.child("envFrom"));
    validateVolumeMounts(e, c.volumeMounts, volumes, p.child("volumeMounts"));
    if (set(c.imagePullPolicy) && c.imagePullPolicy != "Always" && c.imagePullPolicy != "IfNotPresent" &&
        c.imagePullPolicy != "Never")
        e.notSupported(p.child("imagePullPolicy"), q(c.imagePullPolicy), {"Always", "IfNotPresent", "Never"});
    validateResources(e, c.resources, p.child("resources"));
}

// AccumulateUniqueHostPorts: "<protocol>/<hostIP>/<hostPort>" must be unique.
void accumulateHostPorts(Errors &e, const std::vector<const Container *> &containers, const Path &p)
{
    std::set<std::string> seen;
    for (std::size_t ci = 0; ci < containers.size(); ++ci) {
        const auto &ports = containers[ci]->ports;
        for (std::size_t pi = 0; pi < ports.size(); ++pi) {
            if (ports[pi].hostPort == 0)
                continue;
            std::string key =
                effectiveProtocol(ports[pi].protocol) + "/" + ports[pi].hostIP + "/" + num(ports[pi].hostPort);
            if (!seen.insert(key).second)
                e.duplicate(p.index(ci).child("ports").index(pi).child("hostPort"), q(key));
        }
    }
}

// validateContainers
void validateContainers(Errors &e, const std::vector<Container> &containers, const std::set<std::string> &volumes,
                        std::int64_t gracePeriod, const Path &p)
{
    if (containers.empty()) {
        e.required(p);
        return;
    }
    std::set<std::string> names;
    std::vector<const Container *> all;
    for (std::size_t i = 0; i < containers.size(); ++i) {
        const Container &c = containers[i];
        Path ip = p.index(i);
        validateContainerCommon(e, c, volumes, ip);
        if (!names.insert(c.name).second)
            e.duplicate(ip.child("name"), q(c.name));
        validateLifecycleAndProbes(e, c, gracePeriod, ip);
        if (set(c.restartPolicy))
            e.forbidden(ip.child("restartPolicy"), "may not be set for non-init containers");
        all.push_back(&c);
    }
    accumulateHostPorts(e, all, p);
}

// validateInitContainers. Host ports are checked one container at a time, so their paths always
// carry index 0, as in Kubernetes.
void validateInitContainers(Errors &e, const std::vector<Container> &inits, const std::vector<Container> &regular,
                            const std::set<std::string> &volumes, std::int64_t gracePeriod, const Path &p)
{
    std::set<std::string> names;
    for (const auto &c : regular)
        names.insert(c.name);
    for (std::size_t i = 0; i < inits.size(); ++i) {
        const Container &c = inits[i];
        Path ip = p.index(i);
        validateContainerCommon(e, c, volumes, ip);
        bool restartAlways = false;
        if (set(c.restartPolicy)) { // validateInitContainerRestartPolicy
            if (c.restartPolicy != "Always")
                e.notSupported(ip.child("restartPolicy"), q(c.restartPolicy), {"Always"});
            restartAlways = c.restartPolicy == "Always";
        }
        if (names.count(c.name))
            e.duplicate(ip.child("name"), q(c.name));
        else if (!c.name.empty())
            names.insert(c.name);
        accumulateHostPorts(e, {&c}, p);
        if (restartAlways) {
            validateLifecycleAndProbes(e, c, gracePeriod, ip);
            continue;
        }
        const char *msg = "may not be set for init containers without restartPolicy=Always";
        if (hasLifecycle(e, c, ip))
            e.forbidden(ip.child("lifecycle"), msg);
        if (c.livenessProbe)
            e.forbidden(ip.child("livenessProbe"), msg);
        if (c.readinessProbe)
            e.forbidden(ip.child("readinessProbe"), msg);
        if (c.startupProbe)
            e.forbidden(ip.child("startupProbe"), msg);
    }
}

// ---------------------------------------------------------------------------------------------------
// Scheduling constraints: tolerations, affinity, topology spread.

// validateTaintEffect
void validateTaintEffect(Errors &e, const std::string &effect, bool allowEmpty, const Path &p)
{
    if (!allowEmpty && effect.empty()) {
        e.required(p);
        return;
    }
    if (effect != "NoSchedule" && effect != "PreferNoSchedule" && effect != "NoExecute")
        e.notSupported(p, q(effect), {"NoSchedule", "PreferNoSchedule", "NoExecute"});
}

// Joins IsValidLabelValue's messages with ";" as the toleration and taint checks do.
std::string joinMessages(const std::vector<std::string> &msgs)
{
    std::string out;
    for (std::size_t i = 0; i < msgs.size(); ++i)
        out += (i ? ";" : "") + msgs[i];
    return out;
}

// ValidateTolerations. The decoder fills an absent operator with "Equal"; the document tells the two apart.
void validateTolerations(Errors &e, const std::vector<Toleration> &tolerations, const Path &p)
{
    for (std::size_t i = 0; i < tolerations.size(); ++i) {
        const Toleration &t = tolerations[i];
        Path ip = p.index(i);
        std::string op = e.writtenOr(ip.child("operator").s, true) ? t.operator_ : std::string();
        if (!t.key.empty())
            validateLabelName(e, t.key, ip.child("key"));
        if (t.key.empty() && op != "Exists")
            e.invalid(ip.child("operator"), q(op),
                      "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
        if (t.tolerationSeconds && t.effect != "NoExecute")
            e.invalid(ip.child("effect"), q(t.effect), "effect must be 'NoExecute' when `tolerationSeconds` is set");
        if (op == "Equal" || op.empty()) {
            auto msgs = isValidLabelValue(t.value);
            if (!msgs.empty())
                e.invalid(ip.child("operator"), q(t.value), joinMessages(msgs));
        } else if (op == "Exists") {
            if (!t.value.empty())
                e.invalid(ip.child("operator"), q(t.value), "value must be empty when `operator` is 'Exists'");
        } else {
            e.notSupported(ip.child("operator"), q(op), {"Equal", "Exists"});
        }
        if (!t.effect.empty())
            validateTaintEffect(e, t.effect, true, ip.child("effect"));
    }
}

// ValidateNodeSelectorRequirement
void validateNodeSelectorRequirement(Errors &e, const NodeSelectorRequirement &r, bool allowInvalidValues,
                                     const Path &p)
{
    switch (r.op) {
    case SelectorOperator::In:
    case SelectorOperator::NotIn:
        if (r.values.empty())
            e.required(p.child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
        break;
    case SelectorOperator::Exists:
    case SelectorOperator::DoesNotExist:
        if (!r.values.empty())
            e.forbidden(p.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        break;
    case SelectorOperator::GreaterThan:
    case SelectorOperator::LessThan:
        if (r.values.size() != 1)
            e.required(p.child("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'");
        break;
    default:
        e.invalid(p.child("operator"), q(operatorName(r.op)), "not a valid selector operator");
    }
    validateLabelName(e, r.key, p.child("key"));
    if (!allowInvalidValues)
        for (std::size_t i = 0; i < r.values.size(); ++i)
            e.invalidEach(p.child("values").index(i), q(r.values[i]), isValidLabelValue(r.values[i]));
}

// ValidateNodeFieldSelectorRequirement: only metadata.name, In/NotIn, one value.
void validateNodeFieldSelectorRequirement(Errors &e, const NodeSelectorRequirement &r, const Path &p)
{
    if (r.op == SelectorOperator::In || r.op == SelectorOperator::NotIn) {
        if (r.values.size() != 1)
            e.required(p.child("values"),
                       "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
    } else {
        e.invalid(p.child("operator"), q(operatorName(r.op)), "not a valid selector operator");
    }
    if (r.key != "metadata.name") {
        e.invalid(p.child("key"), q(r.key), "not a valid field selector key");
        return;
    }
    for (std::size_t i = 0; i < r.values.size(); ++i)
        e.invalidEach(p.child("values").index(i), q(r.values[i]), nameIsDnsSubdomain(r.values[i], false));
}

// ValidateNodeSelectorTerm
void validateNodeSelectorTerm(Errors &e, const NodeSelectorTerm &term, bool allowInvalidValues, const Path &p)
{
    for (std::size_t j = 0; j < term.matchExpressions.size(); ++j)
        validateNodeSelectorRequirement(e, term.matchExpressions[j], allowInvalidValues,
                                        p.child("matchExpressions").index(j));
    for (std::size_t j = 0; j < term.matchFields.size(); ++j)
        validateNodeFieldSelectorRequirement(e, term.matchFields[j], p.child("matchFields").index(j));
}

// ValidateNodeSelector
void validateNodeSelector(Errors &e, const NodeSelector &sel, bool allowInvalidValues, const Path &p)
{
    Path terms = p.child("nodeSelectorTerms");
    if (sel.nodeSelectorTerms.empty()) {
        e.required(terms, "must have at least one node selector term");
        return;
    }
    for (std::size_t i = 0; i < sel.nodeSelectorTerms.size(); ++i)
        validateNodeSelectorTerm(e, sel.nodeSelectorTerms[i], allowInvalidValues, terms.index(i));
}

// validateNodeAffinity with ValidatePreferredSchedulingTerms (preferred terms allow any label value).
void validateNodeAffinity(Errors &e, const NodeAffinity &na, const Path &p)
{
    if (na.required)
        validateNodeSelector(e, *na.required, false, p.child("requiredDuringSchedulingIgnoredDuringExecution"));
    Path pref = p.child("preferredDuringSchedulingIgnoredDuringExecution");
    for (std::size_t i = 0; i < na.preferred.size(); ++i) {
        if (na.preferred[i].weight <= 0 || na.preferred[i].weight > 100)
            e.invalid(pref.index(i).child("weight"), num(na.preferred[i].weight), "must be in the range 1-100");
        validateNodeSelectorTerm(e, na.preferred[i].preference, true, pref.index(i).child("preference"));
    }
}

// validateLabelKeys (matchLabelKeys / mismatchLabelKeys)
void validateLabelKeys(Errors &e, const std::vector<std::string> &keys, bool hasSelector, const Path &p)
{
    if (keys.empty())
        return;
    if (!hasSelector) {
        e.forbidden(p, "must not be specified when labelSelector is not set");
        return;
    }
    for (std::size_t i = 0; i < keys.size(); ++i)
        validateLabelName(e, keys[i], p.index(i));
}

// validatePodAffinityTerm. The namespace errors name "namespace", not the list item, as in Kubernetes.
void validatePodAffinityTerm(Errors &e, const PodAffinityTerm &t, const Path &p)
{
    validateLabelSelector(e, t.labelSelector ? &*t.labelSelector : nullptr, p.child("labelSelector"));
    validateLabelSelector(e, t.namespaceSelector ? &*t.namespaceSelector : nullptr, p.child("namespaceSelector"));
    for (const auto &ns : t.namespaces)
        e.invalidEach(p.child("namespace"), q(ns), nameIsDnsLabel(ns, false));
    validateLabelKeys(e, t.matchLabelKeys, t.labelSelector.has_value(), p.child("matchLabelKeys"));
    validateLabelKeys(e, t.mismatchLabelKeys, t.labelSelector.has_value(), p.child("mismatchLabelKeys"));
    std::set<std::string> mismatch(t.mismatchLabelKeys.begin(), t.mismatchLabelKeys.end());
    for (std::size_t i = 0; i < t.matchLabelKeys.size(); ++i)
        if (mismatch.count(t.matchLabelKeys[i]))
            e.invalid(p.child("matchLabelKeys").index(i), q(t.matchLabelKeys[i]),
                      "exists in both matchLabelKeys and mismatchLabelKeys");
    if (t.topologyKey.empty())
        e.required(p.child("topologyKey"), "can not be empty");
    validateLabelName(e, t.topologyKey, p.child("topologyKey"));
}

// validatePodAffinity / validatePodAntiAffinity
void validatePodAffinity(Errors &e, const PodAffinity &a, const Path &p)
{
    Path req = p.child("requiredDuringSchedulingIgnoredDuringExecution");
    for (std::size_t i = 0; i < a.required.size(); ++i)
        validatePodAffinityTerm(e, a.required[i], req.index(i));
    Path pref = p.child("preferredDuringSchedulingIgnoredDuringExecution");
    for (std::size_t j = 0; j < a.preferred.size(); ++j) {
        if (a.preferred[j].weight <= 0 || a.preferred[j].weight > 100)
            e.invalid(pref.index(j).child("weight"), num(a.preferred[j].weight), "must be in the range 1-100");
        validatePodAffinityTerm(e, a.preferred[j].term, pref.index(j).child("podAffinityTerm"));
    }
}

// validateAffinity
void validateAffinity(Errors &e, const Affinity &a, const Path &p)
{
    if (a.nodeAffinity)
        validateNodeAffinity(e, *a.nodeAffinity, p.child("nodeAffinity"));
    if (a.podAffinity)
        validatePodAffinity(e, *a.podAffinity, p.child("podAffinity"));
    if (a.podAntiAffinity)
        validatePodAffinity(e, *a.podAntiAffinity, p.child("podAntiAffinity"));
}

// validateMatchLabelKeysInTopologySpread
void validateSpreadMatchLabelKeys(Errors &e, const TopologySpreadConstraint &c, const Path &p)
{
    if (c.matchLabelKeys.empty())
        return;
    std::set<std::string> selectorKeys;
    if (c.labelSelector) {
        for (const auto &[k, v] : c.labelSelector->matchLabels)
            selectorKeys.insert(k);
        for (const auto &r : c.labelSelector->matchExpressions)
            selectorKeys.insert(r.key);
    } else {
        e.forbidden(p, "must not be specified when labelSelector is not set");
    }
    for (std::size_t k = 0; k < c.matchLabelKeys.size(); ++k) {
        validateLabelName(e, c.matchLabelKeys[k], p.index(k));
        if (selectorKeys.count(c.matchLabelKeys[k]))
            e.invalid(p.index(k), q(c.matchLabelKeys[k]), "exists in both matchLabelKeys and labelSelector");
    }
}

// validateTopologySpreadConstraints
void validateTopologySpread(Errors &e, const std::vector<TopologySpreadConstraint> &cs, const Path &p)
{
    for (std::size_t i = 0; i < cs.size(); ++i) {
        const TopologySpreadConstraint &c = cs[i];
        Path ip = p.index(i);
        if (c.maxSkew <= 0) // ValidateMaxSkew
            e.invalid(ip.child("maxSkew"), num(c.maxSkew), "must be greater than zero");
        if (c.topologyKey.empty()) // ValidateTopologyKey
            e.required(ip.child("topologyKey"), "can not be empty");
        if (c.whenUnsatisfiable != "DoNotSchedule" && c.whenUnsatisfiable != "ScheduleAnyway")
            e.notSupported(ip.child("whenUnsatisfiable"), q(c.whenUnsatisfiable), {"DoNotSchedule", "ScheduleAnyway"});
        for (std::size_t j = i + 1; j < cs.size(); ++j) { // ValidateSpreadConstraintNotRepeat
            if (cs[j].topologyKey == c.topologyKey && cs[j].whenUnsatisfiable == c.whenUnsatisfiable) {
                e.duplicate(ip.child("{topologyKey, whenUnsatisfiable}"),
                            q("{" + c.topologyKey + ", " + c.whenUnsatisfiable + "}"));
                break;
            }
        }
        if (c.minDomains) { // validateMinDomains
            if (*c.minDomains <= 0)
                e.invalid(ip.child("minDomains"), num(*c.minDomains), "must be greater than zero");
            if (c.whenUnsatisfiable != "DoNotSchedule")
                e.invalid(ip.child("minDomains"), num(*c.minDomains),
                          "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + c.whenUnsatisfiable);
        }
        for (const auto &[name, policy] :
             {std::pair<const char *, const std::string &>{"nodeAffinityPolicy", c.nodeAffinityPolicy},
              {"nodeTaintsPolicy", c.nodeTaintsPolicy}})
            if (set(policy) && policy != "Honor" && policy != "Ignore") // validateNodeInclusionPolicy
                e.notSupported(ip.child(name), q(policy), {"Honor", "Ignore"});
        validateSpreadMatchLabelKeys(e, c, ip.child("matchLabelKeys"));
        validateLabelSelector(e, c.labelSelector ? &*c.labelSelector : nullptr, ip.child("labelSelector"));
    }
}

// ---------------------------------------------------------------------------------------------------
// The pod spec (ValidatePodSpec) and pod templates.

// ValidateSeccompProfile (deprecated annotations)
void validateSeccompProfile(Errors &e, const std::string &profile, const Path &p)
{
    if (profile == "runtime/default" || profile == "docker/default" || profile == "unconfined")
        return;
    if (startsWith(profile, "localhost/")) {
        validateLocalDescendingPath(e, std::string_view(profile).substr(10), p);
        return;
    }
    e.invalid(p, q(profile), "must be a valid seccomp profile");
}

// Whether a container (regular, init) has this name (podSpecHasContainer).
bool podSpecHasContainer(const PodSpec &spec, std::string_view name)
{
    auto named = [&](const Container &c) { return c.name == name; };
    return std::any_of(spec.containers.begin(), spec.containers.end(), named) ||
           std::any_of(spec.initContainers.begin(), spec.initContainers.end(), named);
}

// ValidatePodSpecificAnnotations (mirror pod, deletion cost, seccomp and AppArmor annotations).
void validatePodSpecificAnnotations(Errors &e, const std::map<std::string, std::string> &annotations,
                                    const PodSpec &spec, const Path &p)
{
    if (auto it = annotations.find("kubernetes.io/config.mirror"); it != annotations.end() && spec.nodeName.empty())
        e.invalid(p.key(it->first), q(it->second), "must set spec.nodeName if mirror pod annotation is set");
    if (auto it = annotations.find("controller.kubernetes.io/pod-deletion-cost"); it != annotations.end()) {
        // helper.GetDeletionCostFromPodAnnotations: no sign but '-', no leading zeros, 32 bits.
        const std::string &v = it->second;
        bool ok = !v.empty() && (v[0] == '-' || v == "0" || (v[0] >= '1' && v[0] <= '9'));
        if (ok) {
            std::size_t digits = v[0] == '-' ? 1 : 0;
            ok = digits < v.size() && std::all_of(v.begin() + static_cast<std::ptrdiff_t>(digits), v.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; });
            if (ok) {
                errno = 0;
                long long n = std::strtoll(v.c_str(), nullptr, 10);
                ok = errno == 0 && n >= INT32_MIN && n <= INT32_MAX;
            }
        }
        if (!ok)
            e.invalid(p.key(it->first), q(v), "must be a 32bit integer");
    }
    if (auto it = annotations.find("seccomp.security.alpha.kubernetes.io/pod"); it != annotations.end())
        validateSeccompProfile(e, it->second, p.child(it->first));
    for (const auto &[k, v] : annotations)
        if (startsWith(k, "container.seccomp.security.alpha.kubernetes.io/"))
            validateSeccompProfile(e, v, p.child(k));
    constexpr std::string_view appArmor = "container.apparmor.security.beta.kubernetes.io/";
    for (const auto &[k, v] : annotations) { // ValidateAppArmorPodAnnotations
        if (!startsWith(k, appArmor))
            continue;
        std::string container = k.substr(appArmor.size());
        if (!podSpecHasContainer(spec, container))
            e.invalid(p.key(k), q(container), "container not found");
        if (!v.empty() && v != "runtime/default" && v != "unconfined" && !startsWith(v, "localhost/"))
            e.invalid(p.key(k), q(v), "invalid AppArmor profile name: " + q(v));
    }
}

// validatePodHostNetworkDeps: with hostNetwork a hostPort must equal its containerPort (a zero
// hostPort is defaulted to the containerPort in pods and allowed in templates).
void validateHostNetworkPorts(Errors &e, const PodSpec &spec, const Path &p)
{
    if (!spec.hostNetwork)
        return;
    for (std::size_t i = 0; i < spec.containers.size(); ++i) {
        const auto &ports = spec.containers[i].ports;
        for (std::size_t j = 0; j < ports.size(); ++j)
            if (ports[j].hostPort != 0 && ports[j].hostPort != ports[j].containerPort)
                e.invalid(p.child("containers").index(i).child("ports").index(j).child("hostPort"),
                          num(ports[j].hostPort), "must match `containerPort` when `hostNetwork` is true");
    }
}

// validateSchedulingGates
void validateSchedulingGates(Errors &e, const std::vector<std::string> &gates, const Path &p)
{
    std::set<std::string> seen;
    for (std::size_t i = 0; i < gates.size(); ++i) {
        e.invalidEach(p.index(i), q(gates[i]), isQualifiedName(gates[i]));
        if (!seen.insert(gates[i]).second)
            e.duplicate(p.index(i), q(gates[i]));
    }
}

// ValidatePodSpec, in its order. Fields that default (restartPolicy, dnsPolicy, terminationGracePeriodSeconds)
// are only checked when written.
void validatePodSpec(Errors &e, const PodSpec &spec, const Path &p)
{
    std::int64_t gracePeriod = spec.terminationGracePeriodSeconds.value_or(30);
    std::set<std::string> volumes = validateVolumes(e, spec.volumes, p.child("volumes"));
    validateContainers(e, spec.containers, volumes, gracePeriod, p.child("containers"));
    validateInitContainers(e, spec.initContainers, spec.containers, volumes, gracePeriod, p.child("initContainers"));
    validateHostNetworkPorts(e, spec, p);
    if (set(spec.restartPolicy) && spec.restartPolicy != "Always" && spec.restartPolicy != "OnFailure" &&
        spec.restartPolicy != "Never")
        e.notSupported(p.child("restartPolicy"), q(spec.restartPolicy), {"Always", "OnFailure", "Never"});
    if (set(spec.dnsPolicy) && spec.dnsPolicy != "ClusterFirstWithHostNet" && spec.dnsPolicy != "ClusterFirst" &&
        spec.dnsPolicy != "Default" && spec.dnsPolicy != "None")
        e.notSupported(p.child("dnsPolicy"), q(spec.dnsPolicy),
                       {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"});
    validateLabels(e, spec.nodeSelector, p.child("nodeSelector"));
    if (spec.affinity)
        validateAffinity(e, *spec.affinity, p.child("affinity"));
    if (spec.dnsPolicy == "None" && !e.writtenOr(p.child("dnsConfig").s, true)) // validatePodDNSConfig
        e.required(p.child("dnsConfig"), "must provide `dnsConfig` when `dnsPolicy` is None");
    validateSchedulingGates(e, spec.schedulingGates, p.child("schedulingGates"));
    validateTopologySpread(e, spec.topologySpreadConstraints, p.child("topologySpreadConstraints"));
    if (set(spec.serviceAccountName))
        e.invalidEach(p.child("serviceAccountName"), q(spec.serviceAccountName),
                      nameIsDnsSubdomain(spec.serviceAccountName, false));
    if (set(spec.nodeName))
        e.invalidEach(p.child("nodeName"), q(spec.nodeName), nameIsDnsSubdomain(spec.nodeName, false));
    if (spec.activeDeadlineSeconds && (*spec.activeDeadlineSeconds < 1 || *spec.activeDeadlineSeconds > INT32_MAX))
        e.invalid(p.child("activeDeadlineSeconds"), num(*spec.activeDeadlineSeconds),
                  inclusiveRangeError(1, INT32_MAX));
    if (set(spec.hostname))
        e.invalidEach(p.child("hostname"), q(spec.hostname), isDns1123Label(spec.hostname));
    if (set(spec.subdomain))
        e.invalidEach(p.child("subdomain"), q(spec.subdomain), isDns1123Label(spec.subdomain));
    validateTolerations(e, spec.tolerations, p.child("tolerations"));
    if (set(spec.priorityClassName))
        e.invalidEach(p.child("priorityClassName"), q(spec.priorityClassName),
                      nameIsDnsSubdomain(spec.priorityClassName, false));
    if (set(spec.runtimeClassName))
        e.invalidEach(p.child("runtimeClassName"), q(spec.runtimeClassName),
                      nameIsDnsSubdomain(spec.runtimeClassName, false));
    if (set(spec.preemptionPolicy) && spec.preemptionPolicy != "PreemptLowerPriority" &&
        spec.preemptionPolicy != "Never")
        e.notSupported(p.child("preemptionPolicy"), q(spec.preemptionPolicy), {"PreemptLowerPriority", "Never"});
}

// ValidatePodTemplateSpec: note the template's labels and annotations are reported under the template
// path itself (spec.template.labels), as Kubernetes does.
void validatePodTemplateSpec(Errors &e, const PodTemplateSpec &tpl, const Path &p)
{
    validateLabels(e, tpl.metadata.labels, p.child("labels"));
    validateAnnotations(e, tpl.metadata.annotations, p.child("annotations"));
    validatePodSpecificAnnotations(e, tpl.metadata.annotations, tpl.spec, p.child("annotations"));
    validatePodSpec(e, tpl.spec, p.child("spec"));
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// validateContainerOnlyForPod: no leading or trailing whitespace in the image.
void validateImagesOnlyForPod(Errors &e, const std::vector<Container> &containers, const Path &p)
{
    for (std::size_t i = 0; i < containers.size(); ++i) {
        const std::string &image = containers[i].image;
        if (!image.empty() && (isSpace(image.front()) || isSpace(image.back())))
            e.invalid(p.index(i).child("image"), q(image), "must not have leading or trailing whitespace");
    }
}

// ValidatePodCreate = validatePodMetadataAndSpec + the create-only checks.
void validatePod(Errors &e, const Pod &pod)
{
    Path meta = root("metadata"), spec = root("spec");
    validateObjectMeta(e, pod.metadata, true, nameIsDnsSubdomain, meta);
    validatePodSpecificAnnotations(e, pod.metadata.annotations, pod.spec, meta.child("annotations"));
    validatePodSpec(e, pod.spec, spec);
    validateImagesOnlyForPod(e, pod.spec.containers, spec.child("containers"));
    validateImagesOnlyForPod(e, pod.spec.initContainers, spec.child("initContainers"));
    if (set(pod.spec.nodeName) && !pod.spec.schedulingGates.empty())
        e.forbidden(spec.child("nodeName"), "cannot be set until all schedulingGates have been cleared");
}

// ---------------------------------------------------------------------------------------------------
// Workload controllers (pkg/apis/apps/validation, ReplicationController in core validation).

// ValidateNonnegativeField
void validateNonNegative(Errors &e, long long value, const Path &p)
{
    if (value < 0)
        e.invalid(p, num(value), "must be greater than or equal to 0");
}

// %#v of the template's labels in "`selector` does not match template `labels`": nil when the
// manifest wrote none.
std::string templateLabelsValue(const Errors &e, const Labels &labels, const Path &templatePath)
{
    bool nil = labels.empty() && !e.writtenOr(templatePath.child("metadata", "labels").s, false);
    return goStringMap(labels, nil);
}

void selectorMismatch(Errors &e, const Labels &labels, const Path &templatePath)
{
    e.invalid(templatePath.child("metadata", "labels"), templateLabelsValue(e, labels, templatePath),
              "`selector` does not match template `labels`");
}

// The restart policy after SetDefaults_PodSpec (empty means Always).
std::string effectiveRestartPolicy(const PodSpec &spec)
{
    return spec.restartPolicy.empty() ? "Always" : spec.restartPolicy;
}

// ValidatePodTemplateSpecForReplicaSet (Deployments and ReplicaSets: the activeDeadlineSeconds message
// says ReplicaSet for both).
void validateTemplateForReplicaSet(Errors &e, const PodTemplateSpec &tpl, const std::optional<LabelSelector> &sel,
                                   const Path &p)
{
    if (!selectorEmpty(sel) && !selectorMatches(sel, tpl.metadata.labels))
        selectorMismatch(e, tpl.metadata.labels, p);
    validatePodTemplateSpec(e, tpl, p);
    std::string restart = effectiveRestartPolicy(tpl.spec);
    if (restart != "Always")
        e.notSupported(p.child("spec", "restartPolicy"), q(restart), {"Always"});
    if (tpl.spec.activeDeadlineSeconds)
        e.forbidden(p.child("spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in ReplicaSet is not Supported");
}

// The selector checks shared by Deployment, ReplicaSet and StatefulSet specs: required, valid, not empty.
void validateRequiredSelector(Errors &e, const std::optional<LabelSelector> &sel, const Path &p, std::string_view kind)
{
    if (!sel) {
        e.required(p);
        return;
    }
    validateLabelSelector(e, &*sel, p);
    if (sel->isEmpty())
        e.invalid(p, selectorString(*sel), "empty selector is invalid for " + std::string(kind));
}

// ValidatePositiveIntOrPercent
void validatePositiveIntOrPercent(Errors &e, const IntOrString &v, const Path &p)
{
    if (v.isString)
        e.invalidEach(p, intOrString(v), isValidPercent(v.stringValue));
    else
        validateNonNegative(e, v.intValue, p);
}

// getPercentValue
std::optional<int> percentValue(const IntOrString &v)
{
    if (!v.isString || !isValidPercent(v.stringValue).empty())
        return std::nullopt;
    return std::atoi(v.stringValue.c_str());
}

// getIntOrPercentValue (IntValue() of a non-numeric string is 0).
int intOrPercentValue(const IntOrString &v)
{
    if (auto pct = percentValue(v))
        return *pct;
    return v.isString ? std::atoi(v.stringValue.c_str()) : v.intValue;
}

// IsNotMoreThan100Percent
void notMoreThan100Percent(Errors &e, const IntOrString &v, const Path &p)
{
    if (auto pct = percentValue(v); pct && *pct > 100)
        e.invalid(p, intOrString(v), "must not be greater than 100%");
}

// ValidateDeploymentStrategy + ValidateRollingUpdateDeployment (SetDefaults_Deployment: type
// RollingUpdate, maxSurge and maxUnavailable 25%).
void validateDeploymentStrategy(Errors &e, const Deployment::Spec &s, const Path &p)
{
    bool rollingWritten = e.writtenOr(p.child("rollingUpdate").s, s.maxSurge || s.maxUnavailable);
    std::string type = s.strategyType.empty() ? "RollingUpdate" : s.strategyType;
    if (type == "Recreate") {
        if (rollingWritten)
            e.forbidden(p.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'");
    } else if (type == "RollingUpdate") {
        Path ru = p.child("rollingUpdate");
        IntOrString maxUnavailable = s.maxUnavailable.value_or(IntOrString::fromString("25%"));
        IntOrString maxSurge = s.maxSurge.value_or(IntOrString::fromString("25%"));
        validatePositiveIntOrPercent(e, maxUnavailable, ru.child("maxUnavailable"));
        validatePositiveIntOrPercent(e, maxSurge, ru.child("maxSurge"));
        if (intOrPercentValue(maxUnavailable) == 0 && intOrPercentValue(maxSurge) == 0)
            e.invalid(ru.child("maxUnavailable"), intOrString(maxUnavailable), "may not be 0 when `maxSurge` is 0");
        notMoreThan100Percent(e, maxUnavailable, ru.child("maxUnavailable"));
    } else {
        e.notSupported(p,
                       "apps.DeploymentStrategy{Type:" + q(type) +
                           ", RollingUpdate:" + goPointer("apps.RollingUpdateDeployment", rollingWritten) + "}",
                       {"Recreate", "RollingUpdate"});
    }
}

// ValidateDeployment / ValidateDeploymentSpec
void validateDeployment(Errors &e, const Deployment &d)
{
    validateObjectMeta(e, d.metadata, true, nameIsDnsSubdomain, root("metadata"));
    const auto &s = d.spec;
    Path spec = root("spec");
    validateNonNegative(e, s.replicas.value_or(1), spec.child("replicas"));
    validateRequiredSelector(e, s.selector, spec.child("selector"), "deployment");
    if (!selectorConverts(s.selector))
        e.invalid(spec.child("selector"), selectorString(*s.selector), "invalid label selector");
    else
        validateTemplateForReplicaSet(e, s.template_, s.selector, spec.child("template"));
    validateDeploymentStrategy(e, s, spec.child("strategy"));
    validateNonNegative(e, s.minReadySeconds, spec.child("minReadySeconds"));
    validateNonNegative(e, s.revisionHistoryLimit, spec.child("revisionHistoryLimit"));
    validateNonNegative(e, s.progressDeadlineSeconds, spec.child("progressDeadlineSeconds"));
    if (s.progressDeadlineSeconds <= s.minReadySeconds)
        e.invalid(spec.child("progressDeadlineSeconds"), num(s.progressDeadlineSeconds),
                  "must be greater than minReadySeconds");
}

// ValidateReplicaSet / ValidateReplicaSetSpec (its empty-selector message says "deployment" too).
void validateReplicaSet(Errors &e, const ReplicaSet &rs)
{
    validateObjectMeta(e, rs.metadata, true, nameIsDnsSubdomain, root("metadata"));
    const auto &s = rs.spec;
    Path spec = root("spec");
    validateNonNegative(e, s.replicas.value_or(1), spec.child("replicas"));
    validateNonNegative(e, s.minReadySeconds, spec.child("minReadySeconds"));
    validateRequiredSelector(e, s.selector, spec.child("selector"), "deployment");
    if (!selectorConverts(s.selector))
        e.invalid(spec.child("selector"), selectorString(*s.selector), "invalid label selector");
    else
        validateTemplateForReplicaSet(e, s.template_, s.selector, spec.child("template"));
}

// ValidateReplicationController / ValidateReplicationControllerSpec. The selector defaults to the
// template's labels (SetDefaults_ReplicationController), replicas to 1.
void validateReplicationController(Errors &e, const ReplicationController &rc)
{
    validateObjectMeta(e, rc.metadata, true, nameIsDnsSubdomain, root("metadata"));
    const auto &s = rc.spec;
    Path spec = root("spec");
    Labels selector = s.selector;
    if (selector.empty() && s.template_)
        selector = s.template_->metadata.labels;
    validateNonNegative(e, s.minReadySeconds, spec.child("minReadySeconds"));
    if (selector.empty()) // ValidateNonEmptySelector
        e.required(spec.child("selector"));
    validateNonNegative(e, s.replicas.value_or(1), spec.child("replicas"));
    Path tp = spec.child("template");
    if (!s.template_) { // ValidatePodTemplateSpecForRC
        e.required(tp);
        return;
    }
    LabelSelector sel{selector, {}};
    if (!selector.empty() && !sel.matches(s.template_->metadata.labels))
        selectorMismatch(e, s.template_->metadata.labels, tp);
    validatePodTemplateSpec(e, *s.template_, tp);
    std::string restart = effectiveRestartPolicy(s.template_->spec);
    if (restart != "Always")
        e.notSupported(tp.child("spec", "restartPolicy"), q(restart), {"Always"});
    if (s.template_->spec.activeDeadlineSeconds)
        e.forbidden(tp.child("spec", "activeDeadlineSeconds"),
                    "activeDeadlineSeconds in ReplicationController is not Supported");
}

// ValidateStatefulSetSpec's update strategy (SetDefaults_StatefulSet: type RollingUpdate with a
// rollingUpdate of partition 0).
void validateStatefulSetUpdateStrategy(Errors &e, const StatefulSet::Spec &s, const Path &spec)
{
    Path us = spec.child("updateStrategy"), ru = us.child("rollingUpdate");
    bool rollingWritten = e.writtenOr(ru.s, s.partition != 0 || s.maxUnavailable);
    std::string type = s.updateStrategyType.empty() ? "RollingUpdate" : s.updateStrategyType;
    std::string rollingValue = "apps.RollingUpdateStatefulSetStrategy{Partition:" + num(s.partition) +
                               ", MaxUnavailable:" + goPointer("intstr.IntOrString", s.maxUnavailable.has_value()) +
                               "}";
    if (type == "OnDelete") {
        if (rollingWritten)
            e.invalid(ru, rollingValue, "only allowed for updateStrategy 'RollingUpdate'");
    } else if (type == "RollingUpdate") { // validateRollingUpdateStatefulSet
        validateNonNegative(e, s.partition, ru.child("partition"));
        if (s.maxUnavailable) {
            validatePositiveIntOrPercent(e, *s.maxUnavailable, ru.child("maxUnavailable"));
            if (intOrPercentValue(*s.maxUnavailable) == 0)
                e.invalid(ru.child("maxUnavailable"), intOrString(*s.maxUnavailable), "cannot be 0");
            notMoreThan100Percent(e, *s.maxUnavailable, ru.child("maxUnavailable"));
        }
    } else {
        e.invalid(us,
                  "apps.StatefulSetUpdateStrategy{Type:" + q(type) +
                      ", RollingUpdate:" + goPointer("apps.RollingUpdateStatefulSetStrategy", rollingWritten) + "}",
                  "must be 'RollingUpdate' or 'OnDelete'");
    }
}

// ValidateStatefulSet / ValidateStatefulSetSpec. Kubernetes does not validate a StatefulSet's pod spec
// (ValidatePodTemplateSpecForStatefulSet only checks the template's labels and annotations).
void validateStatefulSet(Errors &e, const StatefulSet &sts)
{
    validateObjectMeta(e, sts.metadata, true, nameIsDnsLabel, root("metadata"));
    const auto &s = sts.spec;
    Path spec = root("spec");
    if (set(s.podManagementPolicy) && s.podManagementPolicy != "OrderedReady" && s.podManagementPolicy != "Parallel")
        e.invalid(spec.child("podManagementPolicy"), q(s.podManagementPolicy), "must be 'OrderedReady' or 'Parallel'");
    validateStatefulSetUpdateStrategy(e, s, spec);
    Path retention = spec.child("persistentVolumeClaimRetentionPolicy"); // ValidatePersistentVolumeClaimRetentionPolicy
    for (const auto &[name, value] :
         {std::pair<const char *, const std::string &>{"whenDeleted", s.whenDeleted}, {"whenScaled", s.whenScaled}})
        if (set(value) && value != "Retain" && value != "Delete")
            e.notSupported(retention.child(name), q(value), {"Retain", "Delete"});
    validateNonNegative(e, s.replicas.value_or(1), spec.child("replicas"));
    validateNonNegative(e, s.minReadySeconds, spec.child("minReadySeconds"));
    validateNonNegative(e, s.ordinalsStart, spec.child("ordinals.start"));
    validateRequiredSelector(e, s.selector, spec.child("selector"), "statefulset");
    Path tp = spec.child("template");
    if (!selectorConverts(s.selector)) {
        e.invalid(spec.child("selector"), selectorString(*s.selector), "");
    } else { // ValidatePodTemplateSpecForStatefulSet
        if (!selectorEmpty(s.selector) && !selectorMatches(s.selector, s.template_.metadata.labels))
            selectorMismatch(e, s.template_.metadata.labels, tp);
        validateLabels(e, s.template_.metadata.labels, tp.child("labels"));
        validateAnnotations(e, s.template_.metadata.annotations, tp.child("annotations"));
        validatePodSpecificAnnotations(e, s.template_.metadata.annotations, s.template_.spec, tp.child("annotations"));
    }
    std::string restart = effectiveRestartPolicy(s.template_.spec);
    if (restart != "Always")
        e.notSupported(tp.child("spec", "restartPolicy"), q(restart), {"Always"});
    if (s.template_.spec.activeDeadlineSeconds)
        e.forbidden(tp.child("spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in StatefulSet is not Supported");
}

// ValidateDaemonSetUpdateStrategy + ValidateRollingUpdateDaemonSet (SetDefaults_DaemonSet: type
// RollingUpdate, maxUnavailable 1, maxSurge 0).
void validateDaemonSetUpdateStrategy(Errors &e, const DaemonSet::Spec &s, const Path &p)
{
    std::string type = s.updateStrategyType.empty() ? "RollingUpdate" : s.updateStrategyType;
    if (type == "OnDelete")
        return;
    if (type != "RollingUpdate") {
        bool rollingWritten = e.writtenOr(p.child("rollingUpdate").s, s.maxSurge || s.maxUnavailable);
        e.notSupported(p,
                       "apps.DaemonSetUpdateStrategy{Type:" + q(type) +
                           ", RollingUpdate:" + goPointer("apps.RollingUpdateDaemonSet", rollingWritten) + "}",
                       {"RollingUpdate", "OnDelete"});
        return;
    }
    Path ru = p.child("rollingUpdate");
    IntOrString maxUnavailable = s.maxUnavailable.value_or(IntOrString::fromInt(1));
    IntOrString maxSurge = s.maxSurge.value_or(IntOrString::fromInt(0));
    validatePositiveIntOrPercent(e, maxUnavailable, ru.child("maxUnavailable"));
    validatePositiveIntOrPercent(e, maxSurge, ru.child("maxSurge"));
    notMoreThan100Percent(e, maxUnavailable, ru.child("maxUnavailable"));
    notMoreThan100Percent(e, maxSurge, ru.child("maxSurge"));
    bool hasUnavailable = intOrPercentValue(maxUnavailable) != 0, hasSurge = intOrPercentValue(maxSurge) != 0;
    if (hasUnavailable && hasSurge)
        e.invalid(ru.child("maxSurge"), intOrString(maxSurge), "may not be set when maxUnavailable is non-zero");
    else if (!hasUnavailable && !hasSurge)
        e.required(ru.child("maxUnavailable"), "cannot be 0 when maxSurge is 0");
}

// ValidateDaemonSet / ValidateDaemonSetSpec. A missing selector is not reported as such: it converts
// to labels.Nothing(), which then fails to match the template's labels.
void validateDaemonSet(Errors &e, const DaemonSet &ds)
{
    validateObjectMeta(e, ds.metadata, true, nameIsDnsSubdomain, root("metadata"));
    const auto &s = ds.spec;
    Path spec = root("spec"), tp = spec.child("template");
    validateLabelSelector(e, s.selector ? &*s.selector : nullptr, spec.child("selector"));
    if (selectorConverts(s.selector) && !selectorMatches(s.selector, s.template_.metadata.labels))
        selectorMismatch(e, s.template_.metadata.labels, tp);
    if (s.selector && s.selector->isEmpty())
        e.invalid(spec.child("selector"), selectorString(*s.selector), "empty selector is invalid for daemonset");
    validatePodTemplateSpec(e, s.template_, tp);
    std::string restart = effectiveRestartPolicy(s.template_.spec);
    if (restart != "Always")
        e.notSupported(tp.child("spec", "restartPolicy"), q(restart), {"Always"});
    if (s.template_.spec.activeDeadlineSeconds)
        e.forbidden(tp.child("spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in DaemonSet is not Supported");
    validateNonNegative(e, s.minReadySeconds, spec.child("minReadySeconds"));
    validateDaemonSetUpdateStrategy(e, s, spec.child("updateStrategy"));
    validateNonNegative(e, s.revisionHistoryLimit, spec.child("revisionHistoryLimit"));
}

// ---------------------------------------------------------------------------------------------------
// Cron schedules: github.com/robfig/cron/v3 ParseStandard (parser.go), whose errors the API server
// prints verbatim.

struct CronBounds {
    unsigned min, max;
    std::vector<std::pair<std::string_view, unsigned>> names;
};

// strconv.Atoi's errors, as mustParseInt wraps them.
std::optional<std::string> cronParseInt(std::string_view expr, unsigned &out)
{
    std::string_view digits = expr;
    bool neg = false;
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
        neg = digits[0] == '-';
        digits.remove_prefix(1);
    }
    bool ok = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    std::string prefix = "failed to parse int from " + std::string(expr) + ": strconv.Atoi: parsing " + q(expr) + ": ";
    if (!ok)
        return prefix + "invalid syntax";
    const unsigned long long limit = static_cast<unsigned long long>(LLONG_MAX) + (neg ? 1 : 0);
    unsigned long long v = 0;
    for (char c : digits) {
        unsigned d = static_cast<unsigned>(c - '0');
        if (v > (limit - d) / 10)
            return prefix + "value out of range";
        v = v * 10 + d;
    }
    if (neg && v > 0)
        return "negative number (-" + std::to_string(v) + ") not allowed: " + std::string(expr);
    out = v > UINT_MAX ? UINT_MAX : static_cast<unsigned>(v);
    return std::nullopt;
}

// parseIntOrName
std::optional<std::string> cronIntOrName(std::string_view expr, const CronBounds &b, unsigned &out)
{
    std::string lower(expr);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto &[name, value] : b.names)
        if (name == lower) {
            out = value;
            return std::nullopt;
        }
    return cronParseInt(expr, out);
}

std::vector<std::string_view> splitOn(std::string_view s, char sep)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t at = s.find(sep, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

// getRange
std::optional<std::string> cronRange(std::string_view expr, const CronBounds &b)
{
    auto rangeAndStep = splitOn(expr, '/');
    auto lowAndHigh = splitOn(rangeAndStep[0], '-');
    unsigned start = 0, end = 0, step = 1;
    if (lowAndHigh[0] == "*" || lowAndHigh[0] == "?") {
        start = b.min;
        end = b.max;
    } else {
        if (auto err = cronIntOrName(lowAndHigh[0], b, start))
            return err;
        if (lowAndHigh.size() == 1)
            end = start;
        else if (lowAndHigh.size() == 2) {
            if (auto err = cronIntOrName(lowAndHigh[1], b, end))
                return err;
        } else {
            return "too many hyphens: " + std::string(expr);
        }
    }
    if (rangeAndStep.size() == 2) {
        if (auto err = cronParseInt(rangeAndStep[1], step))
            return err;
        if (lowAndHigh.size() == 1) // "N/step" means "N-max/step"
            end = b.max;
    } else if (rangeAndStep.size() > 2) {
        return "too many slashes: " + std::string(expr);
    }
    auto s = [](unsigned v) { return std::to_string(v); };
    if (start < b.min)
        return "beginning of range (" + s(start) + ") below minimum (" + s(b.min) + "): " + std::string(expr);
    if (end > b.max)
        return "end of range (" + s(end) + ") above maximum (" + s(b.max) + "): " + std::string(expr);
    if (start > end)
        return "beginning of range (" + s(start) + ") beyond end of range (" + s(end) + "): " + std::string(expr);
    if (step == 0)
        return "step of range should be a positive number: " + std::string(expr);
    return std::nullopt;
}

// getField: comma-separated ranges (empty items are skipped, as strings.FieldsFunc does).
std::optional<std::string> cronField(std::string_view field, const CronBounds &b)
{
    for (std::string_view expr : splitOn(field, ','))
        if (!expr.empty())
            if (auto err = cronRange(expr, b))
                return err;
    return std::nullopt;
}

// time.ParseDuration's errors (for "@every <duration>").
std::optional<std::string> goDurationError(std::string_view orig)
{
    std::string_view s = orig;
    auto invalid = [&] { return "time: invalid duration " + q(orig); };
    if (!s.empty() && (s[0] == '-' || s[0] == '+'))
        s.remove_prefix(1);
    if (s == "0")
        return std::nullopt;
    if (s.empty())
        return invalid();
    static const std::set<std::string_view> units = {"ns", "us", "\xc2\xb5s", "\xce\xbcs", "ms", "s", "m", "h"};
    while (!s.empty()) {
        if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9')))
            return invalid();
        std::size_t i = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        bool pre = i > 0, post = false;
        if (i < s.size() && s[i] == '.') {
            std::size_t j = ++i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9')
                ++i;
            post = i > j;
        }
        if (!pre && !post)
            return invalid();
        s.remove_prefix(i);
        std::size_t u = 0;
        while (u < s.size() && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9'))
            ++u;
        if (u == 0)
            return "time: missing unit in duration " + q(orig);
        if (!units.count(s.substr(0, u)))
            return "time: unknown unit " + q(s.substr(0, u)) + " in duration " + q(orig);
        s.remove_prefix(u);
    }
    return std::nullopt;
}

// time.LoadLocation, approximated with the system's zoneinfo database (assumed complete when absent).
bool knownTimeZone(const std::string &name)
{
    if (name.empty() || name == "UTC" || name == "Local")
        return true;
    std::error_code ec;
    const std::filesystem::path db = "/usr/share/zoneinfo";
    if (!std::filesystem::is_directory(db, ec))
        return true;
    return std::filesystem::is_regular_file(db / name, ec);
}

// Parser.Parse's "TZ=" / "CRON_TZ=" prefix: checks the location and strips it.
std::optional<std::string> cronStripTimeZone(std::string_view &spec)
{
    if (!startsWith(spec, "TZ=") && !startsWith(spec, "CRON_TZ="))
        return std::nullopt;
    std::size_t space = spec.find(' ');
    std::size_t eq = spec.find('=');
    std::string loc(spec.substr(eq + 1, space == std::string_view::npos ? std::string_view::npos : space - eq - 1));
    if (!knownTimeZone(loc))
        return "provided bad location " + loc + ": unknown time zone " + loc;
    spec = space == std::string_view::npos ? std::string_view{} : spec.substr(space);
    while (!spec.empty() && isSpace(spec.front()))
        spec.remove_prefix(1);
    while (!spec.empty() && isSpace(spec.back()))
        spec.remove_suffix(1);
    return std::nullopt;
}

// parseDescriptor
std::optional<std::string> cronDescriptorError(std::string_view spec)
{
    static const std::set<std::string_view> descriptors = {"@yearly", "@annually", "@monthly", "@weekly",
                                                           "@daily",  "@midnight", "@hourly"};
    if (descriptors.count(spec))
        return std::nullopt;
    if (startsWith(spec, "@every ")) {
        if (auto err = goDurationError(spec.substr(7)))
            return "failed to parse duration " + std::string(spec) + ": " + *err;
        return std::nullopt;
    }
    return "unrecognized descriptor: " + std::string(spec);
}

// strings.Fields
std::vector<std::string> whitespaceFields(std::string_view spec)
{
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < spec.size();) {
        while (i < spec.size() && isSpace(spec[i]))
            ++i;
        std::size_t start = i;
        while (i < spec.size() && !isSpace(spec[i]))
            ++i;
        if (i > start)
            fields.emplace_back(spec.substr(start, i - start));
    }
    return fields;
}

// cron.ParseStandard: nullopt when the schedule parses, else robfig/cron's error. The standard parser
// takes five fields (minute, hour, day of month, month, day of week) or a descriptor.
std::optional<std::string> cronScheduleError(std::string_view spec)
{
    if (spec.empty())
        return "empty spec string";
    if (auto err = cronStripTimeZone(spec))
        return err;
    if (startsWith(spec, "@"))
        return cronDescriptorError(spec);
    std::vector<std::string> fields = whitespaceFields(spec);
    if (fields.size() != 5)
        return "expected exactly 5 fields, found " + std::to_string(fields.size()) + ": " + goPlainList(fields);
    // clang-format off
    static const CronBounds minutes{0, 59, {}}, hours{0, 23, {}}, dom{1, 31, {}};
    static const CronBounds months{1, 12, {{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"may", 5}, {"jun", 6},
                                           {"jul", 7}, {"aug", 8}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}}};
    static const CronBounds dow{0, 6, {{"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4}, {"fri", 5}, {"sat", 6}}};
    // clang-format on
    const CronBounds *bounds[] = {&minutes, &hours, &dom, &months, &dow};
    for (std::size_t i = 0; i < 5; ++i)
        if (auto err = cronField(fields[i], *bounds[i]))
            return err;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------
// Jobs and CronJobs (pkg/apis/batch/validation).

// validateJobSpec's completion-mode checks.
void validateCompletionMode(Errors &e, const JobSpec &s, const Path &p)
{
    bool indexed = s.completionMode == "Indexed";
    if (s.completionMode != "NonIndexed" && !indexed)
        e.notSupported(p.child("completionMode"), q(s.completionMode), {"NonIndexed", "Indexed"});
    if (!indexed) {
        if (s.backoffLimitPerIndex)
            e.invalid(p.child("backoffLimitPerIndex"), num(*s.backoffLimitPerIndex),
                      "requires indexed completion mode");
        if (s.maxFailedIndexes)
            e.invalid(p.child("maxFailedIndexes"), num(*s.maxFailedIndexes), "requires indexed completion mode");
        return;
    }
    if (!s.completions)
        e.required(p.child("completions"), "when completion mode is Indexed");
    if (s.parallelism && *s.parallelism > 100000)
        e.invalid(p.child("parallelism"), num(*s.parallelism),
                  "must be less than or equal to 100000 when completion mode is Indexed");
    if (s.completions && s.maxFailedIndexes && *s.maxFailedIndexes > *s.completions)
        e.invalid(p.child("maxFailedIndexes"), num(*s.maxFailedIndexes), "must be less than or equal to completions");
    if (s.maxFailedIndexes && *s.maxFailedIndexes > 100000)
        e.invalid(p.child("maxFailedIndexes"), num(*s.maxFailedIndexes), "must be less than or equal to 100000");
}

// validateJobSpec: everything but the selector (shared with CronJob job templates).
void validateJobSpecFields(Errors &e, const JobSpec &s, const PodTemplateSpec &tpl, const Path &p)
{
    const std::pair<const char *, std::optional<std::int64_t>> counts[] = {
        {"parallelism", s.parallelism},
        {"completions", s.completions},
        {"activeDeadlineSeconds", s.activeDeadlineSeconds},
        {"backoffLimit", s.backoffLimit},
        {"ttlSecondsAfterFinished", s.ttlSecondsAfterFinished},
        {"backoffLimitPerIndex", s.backoffLimitPerIndex},
        {"maxFailedIndexes", s.maxFailedIndexes}};
    for (const auto &[name, value] : counts)
        if (value)
            validateNonNegative(e, *value, p.child(name));
    if (s.maxFailedIndexes && !s.backoffLimitPerIndex)
        e.required(p.child("backoffLimitPerIndex"), "when maxFailedIndexes is specified");
    validateCompletionMode(e, s, p);
    if (set(s.podReplacementPolicy) && s.podReplacementPolicy != "Failed" &&
        s.podReplacementPolicy != "TerminatingOrFailed")
        e.notSupported(p.child("podReplacementPolicy"), q(s.podReplacementPolicy), {"Failed", "TerminatingOrFailed"});
    validatePodTemplateSpec(e, tpl, p.child("template"));
    // An unset restartPolicy has been defaulted to Always by now, which a Job does not accept.
    Path rp = p.child("template", "spec", "restartPolicy");
    std::string restart = effectiveRestartPolicy(tpl.spec);
    if (restart == "Always")
        e.required(rp, "valid values: \"OnFailure\", \"Never\"");
    else if (restart != "OnFailure" && restart != "Never")
        e.notSupported(rp, q(restart), {"OnFailure", "Never"});
}

// ValidateJob = ValidateObjectMeta + validateGeneratedSelector + ValidateJobSpec + the indexed-hostname
// check. Without manualSelector the registry first generates the selector and the template labels
// (generateSelector): the controller-uid label (the uid is not known yet here) and the job-name labels.
void validateJob(Errors &e, const Job &job)
{
    validateObjectMeta(e, job.metadata, true, nameIsDnsSubdomain, root("metadata"));
    const JobSpec &s = job.spec;
    Path spec = root("spec");
    PodTemplateSpec tpl = s.template_;
    std::optional<LabelSelector> selector = s.selector;
    const std::string &uid = job.metadata.uid, &name = job.metadata.name;
    const std::pair<const char *, const std::string *> generated[] = {{"controller-uid", &uid},
                                                                      {"job-name", &name},
                                                                      {"batch.kubernetes.io/controller-uid", &uid},
                                                                      {"batch.kubernetes.io/job-name", &name}};
    if (!s.manualSelector) {
        Labels userLabels = tpl.metadata.labels;
        for (const auto &[key, value] : generated)
            tpl.metadata.labels.emplace(key, *value);
        if (!selector)
            selector.emplace();
        selector->matchLabels.emplace("batch.kubernetes.io/controller-uid", uid);
        // validateGeneratedSelector: ValidateHasLabel for each generated label, then the selector must
        // select exactly the generated labels.
        Path tm = spec.child("template", "metadata");
        Labels expected;
        for (const auto &[key, value] : generated) {
            expected[key] = *value;
            if (auto it = userLabels.find(key); it != userLabels.end() && it->second != *value)
                e.invalid(tm.child("labels").key(key), goStringMap(tpl.metadata.labels, false),
                          "must be '" + *value + "'");
        }
        if (selectorConverts(selector) && !selector->matches(expected))
            e.invalid(spec.child("selector"), selectorString(*selector), "`selector` not auto-generated");
    }
    validateJobSpecFields(e, s, tpl, spec);
    if (!selector)
        e.required(spec.child("selector"));
    else
        validateLabelSelector(e, &*selector, spec.child("selector"));
    if (selectorConverts(selector) && !selectorMatches(selector, tpl.metadata.labels))
        selectorMismatch(e, tpl.metadata.labels, spec.child("template"));
    if (s.completionMode == "Indexed" && s.completions && *s.completions > 0) {
        std::string hostname = name + "-" + num(*s.completions - 1);
        if (!isDns1123Label(hostname).empty())
            e.invalid(root("metadata").child("name"), q(name),
                      "will not able to create pod with invalid DNS label: " + hostname);
    }
}

// validateTimeZone
void validateTimeZone(Errors &e, const std::optional<std::string> &tz, const Path &p)
{
    if (!tz)
        return;
    if (tz->empty()) {
        e.invalid(p, q(*tz), "timeZone must be nil or non-empty string");
        return;
    }
    for (std::string_view part : splitOn(*tz, '/')) {
        bool chars = !part.empty() && part.size() <= 14 && std::all_of(part.begin(), part.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '+';
        });
        if (part == "." || part == ".." || startsWith(part, "-") || !chars) {
            e.invalid(p, q(*tz), "unknown time zone " + *tz);
            return;
        }
    }
    std::string lower = *tz;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "local")
        e.invalid(p, q(*tz), "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones");
    else if (!knownTimeZone(*tz))
        e.invalid(p, q(*tz), "unknown time zone " + *tz);
}

// ValidateCronJobCreate / validateCronJobSpec / ValidateJobTemplateSpec
void validateCronJob(Errors &e, const CronJob &cj)
{
    validateObjectMeta(e, cj.metadata, true, nameIsDnsSubdomain, root("metadata"));
    const auto &s = cj.spec;
    Path spec = root("spec");
    if (s.schedule.empty()) {
        e.required(spec.child("schedule"));
    } else { // validateScheduleFormat
        if (auto err = cronScheduleError(s.schedule))
            e.invalid(spec.child("schedule"), q(s.schedule), *err);
        if (s.schedule.find("TZ") != std::string::npos)
            e.invalid(spec.child("schedule"), q(s.schedule),
                      "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
    }
    if (s.startingDeadlineSeconds)
        validateNonNegative(e, *s.startingDeadlineSeconds, spec.child("startingDeadlineSeconds"));
    validateTimeZone(e, s.timeZone, spec.child("timeZone"));
    if (set(s.concurrencyPolicy) && s.concurrencyPolicy != "Allow" && s.concurrencyPolicy != "Forbid" &&
        s.concurrencyPolicy != "Replace")
        e.notSupported(spec.child("concurrencyPolicy"), q(s.concurrencyPolicy), {"Allow", "Forbid", "Replace"});
    Path jt = spec.child("jobTemplate", "spec");
    validateJobSpecFields(e, s.jobSpec, s.jobSpec.template_, jt);
    if (s.jobSpec.selector)
        e.invalid(jt.child("selector"), selectorString(*s.jobSpec.selector), "`selector` will be auto-generated");
    if (s.jobSpec.manualSelector)
        e.notSupported(jt.child("manualSelector"), "true", {"nil", "false"});
    validateNonNegative(e, s.successfulJobsHistoryLimit, spec.child("successfulJobsHistoryLimit"));
    validateNonNegative(e, s.failedJobsHistoryLimit, spec.child("failedJobsHistoryLimit"));
    if (cj.metadata.name.size() > 52) // room for the "-<timestamp>" suffix of its Jobs
        e.invalid(root("metadata").child("name"), q(cj.metadata.name), "must be no more than 52 characters");
}

// ---------------------------------------------------------------------------------------------------
// Services (ValidateService).

// The strategy's normalizeClusterIPs: clusterIPs defaults to [clusterIP].
std::vector<std::string> effectiveClusterIPs(const Service::Spec &s)
{
    if (!s.clusterIPs.empty())
        return s.clusterIPs;
    if (!s.clusterIP.empty())
        return {s.clusterIP};
    return {};
}

// isHeadlessService
bool isHeadless(const std::vector<std::string> &ips)
{
    return ips.size() == 1 && ips[0] == "None";
}

// The targetPort after SetDefaults_Service: an unset, 0 or "" targetPort becomes the port.
IntOrString effectiveTargetPort(const ServicePort &port)
{
    const IntOrString &t = port.targetPort;
    if (!port.hasTargetPort || (!t.isString && t.intValue == 0) || (t.isString && t.stringValue.empty()))
        return IntOrString::fromInt(port.port);
    return t;
}

// validateServicePort
void validateServicePort(Errors &e, const ServicePort &sp, bool requireName, std::set<std::string> &names,
                         const Path &p)
{
    if (requireName && sp.name.empty()) {
        e.required(p.child("name"));
    } else if (!sp.name.empty()) {
        e.invalidEach(p.child("name"), q(sp.name), isDns1123Label(sp.name));
        if (!names.insert(sp.name).second)
            e.duplicate(p.child("name"), q(sp.name));
    }
    e.invalidEach(p.child("port"), num(sp.port), isValidPortNum(sp.port));
    std::string protocol = effectiveProtocol(sp.protocol);
    if (protocol != "TCP" && protocol != "UDP" && protocol != "SCTP")
        e.notSupported(p.child("protocol"), q(protocol), {"SCTP", "TCP", "UDP"});
    validatePortNumOrName(e, effectiveTargetPort(sp), p.child("targetPort"));
    if (set(sp.appProtocol))
        e.invalidEach(p.child("appProtocol"), q(sp.appProtocol), isQualifiedName(sp.appProtocol));
}

// %#v of the core.ServicePort key used by the duplicate-port check (protocol and port only).
std::string servicePortKey(const std::string &protocol, std::int32_t port)
{
    return "core.ServicePort{Name:\"\", Protocol:" + q(protocol) + ", AppProtocol:(*string)(nil), Port:" + num(port) +
           ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}";
}

// ValidateService's per-type rules: headless LoadBalancer/NodePort Services, ExternalName fields.
void validateServiceType(Errors &e, const Service::Spec &s, const std::string &type, const Path &spec)
{
    std::vector<std::string> ips = effectiveClusterIPs(s);
    if ((type == "LoadBalancer" || type == "NodePort") && isHeadless(ips)) {
        e.invalid(spec.child("clusterIPs").index(0), q(ips[0]), "may not be set to 'None' for " + type + " services");
        return;
    }
    if (type != "ExternalName")
        return;
    if (!ips.empty())
        e.forbidden(spec.child("clusterIPs"), "may not be set for ExternalName services");
    if (!s.ipFamilies.empty())
        e.forbidden(spec.child("ipFamilies"), "may not be set for ExternalName services");
    if (set(s.ipFamilyPolicy))
        e.forbidden(spec.child("ipFamilyPolicy"), "may not be set for ExternalName services");
    std::string cname = s.externalName; // a trailing dot marks a fully qualified name
    if (!cname.empty() && cname.back() == '.')
        cname.pop_back();
    if (!cname.empty())
        e.invalidEach(spec.child("externalName"), q(cname), isDns1123Subdomain(cname));
    else
        e.required(spec.child("externalName"));
}

// ValidateServiceClusterIPsRelatedFields, the family and policy parts (not for ExternalName).
void validateServiceFamilies(Errors &e, const Service::Spec &s, const Path &spec)
{
    std::set<std::string> seen;
    for (std::size_t i = 0; i < s.ipFamilies.size(); ++i) {
        Path fp = spec.child("ipFamilies").index(i);
        if (s.ipFamilies[i] != "IPv4" && s.ipFamilies[i] != "IPv6")
            e.notSupported(fp, q(s.ipFamilies[i]), {"IPv4", "IPv6"});
        if (!seen.insert(s.ipFamilies[i]).second)
            e.duplicate(fp, q(s.ipFamilies[i]));
    }
    if (set(s.ipFamilyPolicy) && s.ipFamilyPolicy != "SingleStack" && s.ipFamilyPolicy != "PreferDualStack" &&
        s.ipFamilyPolicy != "RequireDualStack")
        e.notSupported(spec.child("ipFamilyPolicy"), q(s.ipFamilyPolicy),
                       {"PreferDualStack", "RequireDualStack", "SingleStack"});
}

// ValidateService's port set checks: no nodePort on ClusterIP, unique (protocol, nodePort) and
// (protocol, port) pairs.
void validateServicePortSet(Errors &e, const Service::Spec &s, const std::string &type, const Path &spec)
{
    Path ports = spec.child("ports");
    if (type == "ClusterIP")
        for (std::size_t i = 0; i < s.ports.size(); ++i)
            if (s.ports[i].nodePort != 0)
                e.forbidden(ports.index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'");
    std::set<std::pair<std::string, std::int32_t>> nodePorts, seen;
    for (std::size_t i = 0; i < s.ports.size(); ++i) {
        const auto &sp = s.ports[i];
        if (sp.nodePort != 0 && !nodePorts.insert({effectiveProtocol(sp.protocol), sp.nodePort}).second)
            e.duplicate(ports.index(i).child("nodePort"), num(sp.nodePort));
    }
    for (std::size_t i = 0; i < s.ports.size(); ++i) {
        std::string protocol = effectiveProtocol(s.ports[i].protocol);
        if (!seen.insert({protocol, s.ports[i].port}).second)
            e.duplicate(ports.index(i), servicePortKey(protocol, s.ports[i].port));
    }
}

// validateServiceExternalTrafficPolicy and validateServiceInternalTrafficFieldsValue (both policies
// default to Cluster where they apply).
void validateServiceTrafficPolicies(Errors &e, const Service::Spec &s, const std::string &type, const Path &spec)
{
    bool externallyAccessible =
        type == "LoadBalancer" || type == "NodePort" || (type == "ClusterIP" && !s.externalIPs.empty());
    const std::string &external = s.externalTrafficPolicy, &internal = s.internalTrafficPolicy;
    if (!externallyAccessible && set(external))
        e.invalid(spec.child("externalTrafficPolicy"), q(external),
                  "may only be set for externally-accessible services");
    else if (externallyAccessible && set(external) && external != "Cluster" && external != "Local")
        e.notSupported(spec.child("externalTrafficPolicy"), q(external), {"Cluster", "Local"});
    if (set(internal) && internal != "Cluster" && internal != "Local")
        e.notSupported(spec.child("internalTrafficPolicy"), q(internal), {"Cluster", "Local"});
}

// ValidateService (IP address syntax and load-balancer specifics are not checked).
void validateService(Errors &e, const Service &svc)
{
    validateObjectMeta(e, svc.metadata, true, nameIsDns1035Label, root("metadata"));
    const auto &s = svc.spec;
    Path spec = root("spec");
    std::string type = s.type.empty() ? "ClusterIP" : s.type;
    if (s.ports.empty() && !isHeadless(effectiveClusterIPs(s)) && type != "ExternalName")
        e.required(spec.child("ports"));
    validateServiceType(e, s, type, spec);
    std::set<std::string> names;
    for (std::size_t i = 0; i < s.ports.size(); ++i)
        validateServicePort(e, s.ports[i], s.ports.size() > 1, names, spec.child("ports").index(i));
    if (s.selector)
        validateLabels(e, *s.selector, spec.child("selector"));
    if (set(s.sessionAffinity) && s.sessionAffinity != "ClientIP" && s.sessionAffinity != "None")
        e.notSupported(spec.child("sessionAffinity"), q(s.sessionAffinity), {"ClientIP", "None"});
    if (type != "ExternalName")
        validateServiceFamilies(e, s, spec);
    if (type != "ClusterIP" && type != "NodePort" && type != "LoadBalancer" && type != "ExternalName")
        e.notSupported(spec.child("type"), q(type), {"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"});
    validateServicePortSet(e, s, type, spec);
    validateServiceTrafficPolicies(e, s, type, spec);
}

// ---------------------------------------------------------------------------------------------------
// Namespaces, ConfigMaps, Secrets, ServiceAccounts, Nodes.

// ValidateNamespace
void validateNamespace(Errors &e, const Namespace &ns)
{
    validateObjectMeta(e, ns.metadata, false, nameIsDnsLabel, root("metadata"));
}

// ValidateServiceAccount
void validateServiceAccount(Errors &e, const ServiceAccount &sa)
{
    validateObjectMeta(e, sa.metadata, true, nameIsDnsSubdomain, root("metadata"));
}

// ValidateConfigMap (binaryData sizes are not kept, so the 1 MiB limit counts data only).
void validateConfigMap(Errors &e, const ConfigMap &cm)
{
    validateObjectMeta(e, cm.metadata, true, nameIsDnsSubdomain, root("metadata"));
    std::set<std::string> binary(cm.binaryDataKeys.begin(), cm.binaryDataKeys.end());
    std::size_t total = 0;
    for (const auto &[key, value] : cm.data) {
        e.invalidEach(root("data").key(key), q(key), isConfigMapKey(key));
        if (binary.count(key))
            e.invalid(root("data").key(key), q(key), "duplicate of key present in binaryData");
        total += value.size();
    }
    for (const auto &key : cm.binaryDataKeys)
        e.invalidEach(root("binaryData").key(key), q(key), isConfigMapKey(key));
    if (total > 1024 * 1024)
        e.tooLong(Path{}, "may not be more than 1048576 bytes");
}

// ValidateSecret: data and stringData keys have been merged into data; values are not kept, so
// "present" stands for "present and non-empty" in the ssh-auth check.
void validateSecret(Errors &e, const Secret &secret)
{
    validateObjectMeta(e, secret.metadata, true, nameIsDnsSubdomain, root("metadata"));
    Path data = root("data");
    std::set<std::string> keys(secret.keys.begin(), secret.keys.end());
    for (const auto &key : secret.keys)
        e.invalidEach(data.key(key), q(key), isConfigMapKey(key));
    const std::string &type = secret.type;
    if (type == "kubernetes.io/service-account-token") {
        auto it = secret.metadata.annotations.find("kubernetes.io/service-account.name");
        if (it == secret.metadata.annotations.end() || it->second.empty())
            e.required(root("metadata").child("annotations").key("kubernetes.io/service-account.name"));
    } else if (type == "kubernetes.io/dockercfg" && !keys.count(".dockercfg")) {
        e.required(data.key(".dockercfg"));
    } else if (type == "kubernetes.io/dockerconfigjson" && !keys.count(".dockerconfigjson")) {
        e.required(data.key(".dockerconfigjson"));
    } else if (type == "kubernetes.io/basic-auth" && !keys.count("username") && !keys.count("password")) {
        e.required(data.key("username"));
        e.required(data.key("password"));
    } else if (type == "kubernetes.io/ssh-auth" && !keys.count("ssh-privatekey")) {
        e.required(data.key("ssh-privatekey"));
    } else if (type == "kubernetes.io/tls") {
        if (!keys.count("tls.crt"))
            e.required(data.key("tls.crt"));
        if (!keys.count("tls.key"))
            e.required(data.key("tls.key"));
    }
}

// validateNodeTaints. ValidateNode passes metadata's path, so taint errors read metadata.taints[i].
void validateNodeTaints(Errors &e, const std::vector<Taint> &taints, const Path &p)
{
    std::set<std::pair<std::string, std::string>> unique; // (effect, key)
    for (std::size_t i = 0; i < taints.size(); ++i) {
        const Taint &t = taints[i];
        Path ip = p.index(i);
        validateLabelName(e, t.key, ip.child("key"));
        auto msgs = isValidLabelValue(t.value);
        if (!msgs.empty())
            e.invalid(ip.child("value"), q(t.value), joinMessages(msgs));
        validateTaintEffect(e, t.effect, false, ip.child("effect"));
        if (!unique.insert({t.effect, t.key}).second)
            e.duplicate(ip,
                        "core.Taint{Key:" + q(t.key) + ", Value:" + q(t.value) + ", Effect:" + q(t.effect) +
                            ", TimeAdded:" + goPointer("v1.Time", t.timeAdded.has_value()) + "}",
                        "taints must be unique by key and effect pair");
    }
}

// ValidateNode (spec.podCIDRs syntax is not checked).
void validateNode(Errors &e, const Node &node)
{
    Path meta = root("metadata");
    validateObjectMeta(e, node.metadata, false, nameIsDnsSubdomain, meta);
    validateNodeTaints(e, node.spec.taints, meta.child("taints"));
    for (const auto &[name, qty] : node.status.capacity) // ValidateNodeResources
        validateQuantityValue(e, name, qty, root("status").child("capacity", name));
    for (const auto &[name, qty] : node.status.allocatable)
        validateQuantityValue(e, name, qty, root("status").child("allocatable", name));
}

// ---------------------------------------------------------------------------------------------------
// PersistentVolumes and PersistentVolumeClaims.

// The access mode checks PV and PVC specs share.
void validateAccessModes(Errors &e, const std::vector<std::string> &modes, const Path &p)
{
    static const std::set<std::string_view> supported = {"ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany",
                                                         "ReadWriteOncePod"};
    bool rwop = false, other = false;
    for (const auto &mode : modes) {
        if (!supported.count(mode))
            e.notSupported(p, q(mode), {"ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"});
        if (mode == "ReadWriteOncePod")
            rwop = true;
        else if (supported.count(mode))
            other = true;
    }
    if (rwop && other)
        e.forbidden(p, "may not use ReadWriteOncePod with other access modes");
}

void validateVolumeMode(Errors &e, const std::string &mode, const Path &p)
{
    if (set(mode) && mode != "Block" && mode != "Filesystem")
        e.notSupported(p, q(mode), {"Block", "Filesystem"});
}

// ValidatePersistentVolumeClaim / ValidatePersistentVolumeClaimSpec. The storage request's path is
// spec.resources[storage] (sic).
void validatePersistentVolumeClaim(Errors &e, const PersistentVolumeClaim &pvc)
{
    validateObjectMeta(e, pvc.metadata, true, nameIsDnsSubdomain, root("metadata"));
    const auto &s = pvc.spec;
    Path spec = root("spec");
    if (s.accessModes.empty())
        e.required(spec.child("accessModes"), "at least 1 access mode is required");
    if (s.selector)
        validateLabelSelector(e, &*s.selector, spec.child("selector"));
    validateAccessModes(e, s.accessModes, spec.child("accessModes"));
    Path storage = spec.child("resources").key("storage");
    auto it = s.resources.requests.find("storage");
    if (it == s.resources.requests.end())
        e.required(storage);
    else if (it->second.sign() <= 0)
        e.invalid(storage, q(it->second.toString()), "must be greater than zero");
    else
        validateQuantityValue(e, "storage", it->second, storage);
    if (s.storageClassName && !s.storageClassName->empty())
        e.invalidEach(spec.child("storageClassName"), q(*s.storageClassName),
                      nameIsDnsSubdomain(*s.storageClassName, false));
    validateVolumeMode(e, s.volumeMode, spec.child("volumeMode"));
}

// ValidatePersistentVolume / ValidatePersistentVolumeSpec (not inline). Only the source's presence is
// checked, not its fields. The capacity in "Unsupported value" is printed as name:"quantity" pairs,
// where Kubernetes prints its internal resource.Quantity structs.
void validatePersistentVolume(Errors &e, const PersistentVolume &pv)
{
    validateObjectMeta(e, pv.metadata, false, nameIsDnsSubdomain, root("metadata"));
    const auto &s = pv.spec;
    Path spec = root("spec");
    if (s.accessModes.empty())
        e.required(spec.child("accessModes"));
    validateAccessModes(e, s.accessModes, spec.child("accessModes"));
    Path cap = spec.child("capacity");
    if (s.capacity.empty())
        e.required(cap);
    if (!s.capacity.count("storage") || s.capacity.size() > 1) {
        std::string list = "core.ResourceList{";
        bool first = true;
        for (const auto &[name, qty] : s.capacity) {
            list += (first ? "" : ", ") + q(name) + ":" + q(qty.toString());
            first = false;
        }
        e.notSupported(cap, s.capacity.empty() ? "core.ResourceList(nil)" : list + "}", {"storage"});
    }
    for (const auto &[name, qty] : s.capacity) {
        if (qty.value() < 0) // validateBasicResource
            e.invalid(cap.key(name), num(qty.value()), "must be a valid resource quantity");
        if (qty.sign() <= 0) // ValidatePositiveQuantityValue
            e.invalid(cap.key(name), q(qty.toString()), "must be greater than zero");
    }
    const std::string &reclaim = s.persistentVolumeReclaimPolicy;
    if (set(reclaim) && reclaim != "Delete" && reclaim != "Recycle" && reclaim != "Retain")
        e.notSupported(spec.child("persistentVolumeReclaimPolicy"), q(reclaim), {"Delete", "Recycle", "Retain"});
    bool nodeAffinity = s.nodeAffinity.has_value() || e.writtenOr(spec.child("nodeAffinity").s, false);
    if (nodeAffinity) { // validateVolumeNodeAffinity
        if (s.nodeAffinity)
            validateNodeSelector(e, *s.nodeAffinity, false, spec.child("nodeAffinity", "required"));
        else
            e.required(spec.child("nodeAffinity", "required"), "must specify required node constraints");
    }
    if (s.sourceType.empty())
        e.required(spec, "must specify a volume type");
    else if (s.sourceType == "local" && !nodeAffinity)
        e.required(spec.child("nodeAffinity"), "Local volume requires node affinity");
    if (set(s.storageClassName))
        e.invalidEach(spec.child("storageClassName"), q(s.storageClassName),
                      nameIsDnsSubdomain(s.storageClassName, false));
    validateVolumeMode(e, s.volumeMode, spec.child("volumeMode"));
}

// ---------------------------------------------------------------------------------------------------
// LimitRanges and ResourceQuotas.

// validateLimitRangeTypeName
void validateLimitRangeType(Errors &e, const std::string &type, const Path &p)
{
    auto msgs = isQualifiedName(type);
    e.invalidEach(p, q(type), msgs);
    if (msgs.empty() && type.find('/') == std::string::npos && type != "Container" && type != "Pod" &&
        type != "PersistentVolumeClaim")
        e.invalid(p, q(type), "must be a standard limit type or fully qualified");
}

// validateLimitRangeResourceName
void validateLimitRangeResourceName(Errors &e, const std::string &type, const std::string &name, const Path &p)
{
    if (type == "Pod" || type == "Container")
        validateContainerResourceName(e, name, p);
    else
        validateResourceName(e, name, p);
}

// Go's %f.
std::string goFloat(double v)
{
    if (v == HUGE_VAL)
        return "+Inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%f", v);
    return buf;
}

// The min/max/default consistency checks of ValidateLimitRange, for one resource.
void validateLimitRangeValues(Errors &e, const LimitRangeItem &item, const std::string &k, const Path &ip)
{
    auto find = [&](const ResourceList &list) {
        auto it = list.find(k);
        return it == list.end() ? nullptr : &it->second;
    };
    const Quantity *min = find(item.min), *max = find(item.max),
                   *def = item.type == "Pod" ? nullptr : find(item.default_),
                   *defReq = item.type == "Pod" ? nullptr : find(item.defaultRequest),
                   *ratio = find(item.maxLimitRequestRatio);
    if (min && max && min->compare(*max) > 0)
        e.invalid(ip.child("min").key(k), min->toString(),
                  "min value " + min->toString() + " is greater than max value " + max->toString());
    if (defReq && min && min->compare(*defReq) > 0)
        e.invalid(ip.child("defaultRequest").key(k), defReq->toString(),
                  "min value " + min->toString() + " is greater than default request value " + defReq->toString());
    if (defReq && max && defReq->compare(*max) > 0)
        e.invalid(ip.child("defaultRequest").key(k), defReq->toString(),
                  "default request value " + defReq->toString() + " is greater than max value " + max->toString());
    if (defReq && def && defReq->compare(*def) > 0)
        e.invalid(ip.child("defaultRequest").key(k), defReq->toString(),
                  "default request value " + defReq->toString() + " is greater than default limit value " +
                      def->toString());
    if (def && min && min->compare(*def) > 0)
        e.invalid(ip.child("default").key(k), min->toString(),
                  "min value " + min->toString() + " is greater than default value " + def->toString());
    if (def && max && def->compare(*max) > 0)
        e.invalid(ip.child("default").key(k), max->toString(),
                  "default value " + def->toString() + " is greater than max value " + max->toString());
    if (ratio && ratio->compare(Quantity::fromValue(1)) < 0)
        e.invalid(ip.child("maxLimitRequestRatio").key(k), ratio->toString(),
                  "ratio " + ratio->toString() + " is less than 1");
    if (ratio && min && max) {
        const std::int64_t maxMilli = INT64_MAX / 1000;
        double ratioValue = static_cast<double>(ratio->value());
        std::int64_t minValue = min->value(), maxValue = max->value();
        if (ratio->value() < maxMilli && minValue < maxMilli && maxValue < maxMilli) {
            ratioValue = static_cast<double>(ratio->milliValue()) / 1000;
            minValue = min->milliValue();
            maxValue = max->milliValue();
        }
        double limit = minValue == 0 ? HUGE_VAL : static_cast<double>(maxValue) / static_cast<double>(minValue);
        if (ratioValue > limit)
            e.invalid(ip.child("maxLimitRequestRatio").key(k), ratio->toString(),
                      "ratio " + ratio->toString() + " is greater than max/min = " + goFloat(limit));
    }
    if (!isOvercommitAllowed(k) && def && defReq && def->compare(*defReq) != 0)
        e.invalid(ip.child("defaultRequest").key(k), defReq->toString(),
                  "default value " + def->toString() + " must equal to defaultRequest value " + defReq->toString() +
                      " in " + k);
}

// ValidateLimitRange
void validateLimitRange(Errors &e, const LimitRange &lr)
{
    validateObjectMeta(e, lr.metadata, true, nameIsDnsSubdomain, root("metadata"));
    Path limits = root("spec").child("limits");
    std::set<std::string> types;
    for (std::size_t i = 0; i < lr.limits.size(); ++i) {
        const LimitRangeItem &item = lr.limits[i];
        Path ip = limits.index(i);
        validateLimitRangeType(e, item.type, ip.child("type"));
        if (!types.insert(item.type).second)
            e.duplicate(ip.child("type"), q(item.type));
        std::set<std::string> keys;
        auto names = [&](const ResourceList &list, const char *field) {
            for (const auto &[k, v] : list) {
                validateLimitRangeResourceName(e, item.type, k, ip.child(field).key(k));
                keys.insert(k);
            }
        };
        names(item.max, "max");
        names(item.min, "min");
        if (item.type == "Pod") {
            if (!item.default_.empty())
                e.forbidden(ip.child("default"), "may not be specified when `type` is 'Pod'");
            if (!item.defaultRequest.empty())
                e.forbidden(ip.child("defaultRequest"), "may not be specified when `type` is 'Pod'");
        } else {
            names(item.default_, "default");
            names(item.defaultRequest, "defaultRequest");
        }
        if (item.type == "PersistentVolumeClaim" && !item.min.count("storage") && !item.max.count("storage"))
            e.required(ip.child("limits"),
                       "either minimum or maximum storage value is required, but neither was provided");
        names(item.maxLimitRequestRatio, "maxLimitRequestRatio");
        for (const auto &k : keys)
            validateLimitRangeValues(e, item, k, ip);
    }
}

// helper.IsResourceQuotaScopeValidForResource
bool scopeValidForResource(const std::string &scope, const std::string &resource)
{
    static const std::set<std::string_view> compute = {"cpu",           "memory",       "limits.cpu",
                                                       "limits.memory", "requests.cpu", "requests.memory"};
    if (scope == "Terminating" || scope == "NotTerminating" || scope == "NotBestEffort" || scope == "PriorityClass" ||
        scope == "CrossNamespacePodAffinity")
        return resource == "pods" || compute.count(resource);
    if (scope == "BestEffort")
        return resource == "pods";
    if (scope == "VolumeAttributesClass")
        return resource == "persistentvolumeclaims" || resource == "requests.storage";
    return true;
}

// ValidateResourceQuota / ValidateResourceQuotaSpec / validateResourceQuotaScopes
void validateResourceQuota(Errors &e, const ResourceQuota &rq)
{
    validateObjectMeta(e, rq.metadata, true, nameIsDnsSubdomain, root("metadata"));
    Path spec = root("spec");
    for (const auto &[k, v] : rq.hard) { // ValidateResourceQuotaResourceName
        Path rp = spec.child("hard").key(k);
        validateResourceName(e, k, rp);
        if (k.find('/') == std::string::npos && !isStandardQuotaResource(k))
            e.invalid(rp, q(k), "must be a standard resource for quota");
        validateQuantityValue(e, k, v, rp);
    }
    if (rq.scopes.empty())
        return;
    static const std::set<std::string_view> standard = {"Terminating",          "NotTerminating",
                                                        "BestEffort",           "NotBestEffort",
                                                        "PriorityClass",        "CrossNamespacePodAffinity",
                                                        "VolumeAttributesClass"};
    Path sp = spec.child("scopes");
    std::string scopesValue = goSlice("core.ResourceQuotaScope", rq.scopes);
    std::set<std::string> scopeSet;
    for (const auto &scope : rq.scopes) {
        if (!standard.count(scope))
            e.invalid(sp, scopesValue, "unsupported scope");
        for (const auto &[k, v] : rq.hard)
            if (isStandardQuotaResource(k) && !scopeValidForResource(scope, k))
                e.invalid(sp, scopesValue, "unsupported scope applied to resource");
        scopeSet.insert(scope);
    }
    if ((scopeSet.count("BestEffort") && scopeSet.count("NotBestEffort")) ||
        (scopeSet.count("Terminating") && scopeSet.count("NotTerminating")))
        e.invalid(sp, scopesValue, "conflicting scopes");
}

// ---------------------------------------------------------------------------------------------------
// PodDisruptionBudgets, PriorityClasses, StorageClasses, Ingresses, HorizontalPodAutoscalers.

// ValidatePodDisruptionBudget. Its strategy does not validate metadata: the generic registry checks it
// afterwards, and only when the spec is valid, with path-segment names (so "My_PDB" is accepted).
void validatePodDisruptionBudget(Errors &e, const PodDisruptionBudget &pdb)
{
    const auto &s = pdb.spec;
    Path spec = root("spec");
    std::size_t before = e.size();
    if (s.minAvailable && s.maxUnavailable)
        e.invalid(spec,
                  "policy.PodDisruptionBudgetSpec{MinAvailable:" + goPointer("intstr.IntOrString", true) +
                      ", Selector:" + goPointer("v1.LabelSelector", s.selector.has_value()) +
                      ", MaxUnavailable:" + goPointer("intstr.IntOrString", true) + ", UnhealthyPodEvictionPolicy:" +
                      goPointer("policy.UnhealthyPodEvictionPolicyType", set(s.unhealthyPodEvictionPolicy)) + "}",
                  "minAvailable and maxUnavailable cannot be both set");
    for (const auto &[name, value] :
         {std::pair<const char *, const std::optional<IntOrString> &>{"minAvailable", s.minAvailable},
          {"maxUnavailable", s.maxUnavailable}}) {
        if (!value)
            continue;
        validatePositiveIntOrPercent(e, *value, spec.child(name));
        notMoreThan100Percent(e, *value, spec.child(name));
    }
    validateLabelSelector(e, s.selector ? &*s.selector : nullptr, spec.child("selector"));
    const std::string &policy = s.unhealthyPodEvictionPolicy;
    if (set(policy) && policy != "IfHealthyBudget" && policy != "AlwaysAllow")
        e.notSupported(spec.child("unhealthyPodEvictionPolicy"), q(policy), {"AlwaysAllow", "IfHealthyBudget"});
    if (e.size() == before)
        validateObjectMeta(e, pdb.metadata, true, namePathSegment, root("metadata"), false);
}

// ValidatePriorityClass (scheduling.HighestUserDefinablePriority = 1e9; system classes are fixed).
void validatePriorityClass(Errors &e, const PriorityClass &pc)
{
    validateObjectMeta(e, pc.metadata, false, nameIsDnsSubdomain, root("metadata"));
    const std::string &name = pc.metadata.name;
    if (startsWith(name, "system-")) { // schedulingapiv1.IsKnownSystemPriorityClass
        std::string err;
        if (name == "system-node-critical" || name == "system-cluster-critical") {
            std::int32_t value = name == "system-node-critical" ? 2000001000 : 2000000000;
            if (pc.value != value)
                err = "value of " + name + " PriorityClass must be " + num(value);
            else if (pc.globalDefault)
                err = "globalDefault of " + name + " PriorityClass must be false";
        } else {
            err = name + " is not a known system priority class";
        }
        if (!err.empty())
            e.forbidden(root("metadata").child("name"),
                        "priority class names with 'system-' prefix are reserved for system use only. error: " + err);
    } else if (pc.value > 1000000000) {
        e.forbidden(root("value"), "maximum allowed value of a user defined priority is 1000000000");
    }
    if (set(pc.preemptionPolicy) && pc.preemptionPolicy != "PreemptLowerPriority" && pc.preemptionPolicy != "Never")
        e.notSupported(root("preemptionPolicy"), q(pc.preemptionPolicy), {"PreemptLowerPriority", "Never"});
}

// ValidateStorageClass
void validateStorageClass(Errors &e, const StorageClass &sc)
{
    validateObjectMeta(e, sc.metadata, false, nameIsDnsSubdomain, root("metadata"));
    if (sc.provisioner.empty()) { // validateProvisioner
        e.required(root("provisioner"));
    } else {
        std::string lower = sc.provisioner;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        e.invalidEach(root("provisioner"), q(sc.provisioner), isQualifiedName(lower));
    }
    std::size_t total = 0; // validateParameters
    if (sc.parameters.size() > 512) {
        e.tooLong(root("parameters"), "may not be more than 512 bytes");
    } else {
        for (const auto &[k, v] : sc.parameters) {
            if (k.empty())
                e.invalid(root("parameters"), q(k), "field can not be empty.");
            total += k.size() + v.size();
        }
        if (total > 256 * 1024)
            e.tooLong(root("parameters"), "may not be more than 262144 bytes");
    }
    if (set(sc.reclaimPolicy) && sc.reclaimPolicy != "Delete" && sc.reclaimPolicy != "Retain")
        e.notSupported(root("reclaimPolicy"), q(sc.reclaimPolicy), {"Delete", "Retain"});
    if (set(sc.volumeBindingMode) && sc.volumeBindingMode != "Immediate" &&
        sc.volumeBindingMode != "WaitForFirstConsumer")
        e.notSupported(root("volumeBindingMode"), q(sc.volumeBindingMode), {"Immediate", "WaitForFirstConsumer"});
}

// netutils.ParseIPSloppy succeeds: dotted IPv4 (leading zeros allowed) or an IPv6 literal.
bool looksLikeIP(std::string_view s)
{
    auto parts = splitOn(s, '.');
    if (parts.size() == 4 && std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
            return !p.empty() && p.size() <= 3 &&
                   std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                   std::atoi(std::string(p).c_str()) <= 255;
        }))
        return true;
    return s.find(':') != std::string_view::npos && std::all_of(s.begin(), s.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
           });
}

// validateIngressBackend (Service names: DNS-1035 labels, RelaxedServiceNameValidation being off).
void validateIngressBackend(Errors &e, const IngressBackend &b, const Path &p)
{
    bool hasResource = e.writtenOr(p.child("resource").s, set(b.resourceKind) || set(b.resourceName));
    bool hasService =
        e.writtenOr(p.child("service").s, set(b.serviceName) || b.servicePortNumber != 0 || set(b.servicePortName));
    if (hasResource && hasService) {
        e.invalid(p, q(""), "cannot set both resource and service backends");
        return;
    }
    if (hasResource) { // validateIngressTypedLocalObjectReference
        Path rp = p.child("resource");
        if (b.resourceKind.empty())
            e.required(rp.child("kind"));
        else
            e.invalidEach(rp.child("kind"), q(b.resourceKind), isValidPathSegmentName(b.resourceKind));
        if (b.resourceName.empty())
            e.required(rp.child("name"));
        else
            e.invalidEach(rp.child("name"), q(b.resourceName), isValidPathSegmentName(b.resourceName));
    } else if (hasService) {
        if (b.serviceName.empty())
            e.required(p.child("service", "name"));
        else
            e.invalidEach(p.child("service", "name"), q(b.serviceName), nameIsDns1035Label(b.serviceName, false));
        bool hasName = set(b.servicePortName), hasNumber = b.servicePortNumber != 0;
        if (hasName && hasNumber)
            e.invalid(p, q(""), "cannot set both port name & port number");
        else if (hasName)
            e.invalidEach(p.child("service", "port", "name"), q(b.servicePortName), isValidPortName(b.servicePortName));
        else if (hasNumber)
            e.invalidEach(p.child("service", "port", "number"), num(b.servicePortNumber),
                          isValidPortNum(b.servicePortNumber));
        else
            e.required(p, "port name or number is required");
    } else {
        e.invalid(p, q(""), "resource or service backend is required");
    }
}

// validateHTTPIngressPath
void validateIngressPath(Errors &e, const IngressPath &path, const Path &p)
{
    if (path.pathType.empty()) {
        e.required(p.child("pathType"), "pathType must be specified");
        return;
    }
    const std::string &v = path.path;
    if (path.pathType == "Exact" || path.pathType == "Prefix") {
        if (!isAbsPath(v))
            e.invalid(p.child("path"), q(v), "must be an absolute path");
        if (!v.empty()) {
            for (std::string_view seq : {"//", "/./", "/../", "%2f", "%2F"})
                if (v.find(seq) != std::string::npos)
                    e.invalid(p.child("path"), q(v), "must not contain '" + std::string(seq) + "'");
            for (std::string_view suffix : {"/..", "/."})
                if (v.size() >= suffix.size() && v.compare(v.size() - suffix.size(), suffix.size(), suffix) == 0)
                    e.invalid(p.child("path"), q(v), "cannot end with '" + std::string(suffix) + "'");
        }
    } else if (path.pathType == "ImplementationSpecific") {
        if (!v.empty() && !isAbsPath(v))
            e.invalid(p.child("path"), q(v), "must be an absolute path");
    } else {
        e.notSupported(p.child("pathType"), q(path.pathType), {"Exact", "ImplementationSpecific", "Prefix"});
    }
    validateIngressBackend(e, path.backend, p.child("backend"));
}

// ValidateIngressCreate / ValidateIngressSpec (TLS hosts are not checked: their entries are merged).
void validateIngress(Errors &e, const Ingress &ing)
{
    validateObjectMeta(e, ing.metadata, true, nameIsDnsSubdomain, root("metadata"));
    const auto &s = ing.spec;
    Path spec = root("spec");
    if (s.rules.empty() && !s.defaultBackend)
        e.invalid(spec,
                  e.writtenOr("spec.rules", false) ? "[]networking.IngressRule{}" : "[]networking.IngressRule(nil)",
                  "either `defaultBackend` or `rules` must be specified");
    if (s.defaultBackend)
        validateIngressBackend(e, *s.defaultBackend, spec.child("defaultBackend"));
    for (std::size_t i = 0; i < s.rules.size(); ++i) { // validateIngressRules
        const IngressRule &rule = s.rules[i];
        Path rp = spec.child("rules").index(i);
        if (!rule.host.empty()) {
            if (looksLikeIP(rule.host))
                e.invalid(rp.child("host"), q(rule.host), "must be a DNS name, not an IP address");
            if (rule.host.find('*') != std::string::npos)
                e.invalidEach(rp.child("host"), q(rule.host), isWildcardDns1123Subdomain(rule.host));
            else
                e.invalidEach(rp.child("host"), q(rule.host), isDns1123Subdomain(rule.host));
        }
        if (!e.writtenOr(rp.child("http").s, !rule.paths.empty()))
            continue;
        Path hp = rp.child("http"); // validateHTTPIngressRuleValue
        if (rule.paths.empty())
            e.required(hp.child("paths"));
        for (std::size_t j = 0; j < rule.paths.size(); ++j)
            validateIngressPath(e, rule.paths[j], hp.child("paths").index(j));
    }
    for (std::size_t i = 0; i < s.tlsSecrets.size(); ++i) // validateIngressTLS: secret names
        if (!s.tlsSecrets[i].empty())
            e.invalidEach(spec.child("tls").index(i).child("secretName"), q(s.tlsSecrets[i]),
                          nameIsDnsSubdomain(s.tlsSecrets[i], false));
    if (set(s.ingressClassName))
        e.invalidEach(spec.child("ingressClassName"), q(s.ingressClassName),
                      nameIsDnsSubdomain(s.ingressClassName, false));
    auto it = ing.metadata.annotations.find("kubernetes.io/ingress.class");
    if (it != ing.metadata.annotations.end() && set(s.ingressClassName) && it->second != s.ingressClassName)
        e.invalid(root("annotations").child("kubernetes.io/ingress.class"), q(it->second),
                  "must match `ingressClassName` when both are specified");
}

// ValidateHorizontalPodAutoscaler: the replica bounds and the target reference (metrics are not checked).
void validateHorizontalPodAutoscaler(Errors &e, const HorizontalPodAutoscaler &hpa)
{
    validateObjectMeta(e, hpa.metadata, true, nameIsDnsSubdomain, root("metadata"));
    const auto &s = hpa.spec;
    Path spec = root("spec");
    if (s.minReplicas < 1)
        e.invalid(spec.child("minReplicas"), num(s.minReplicas), "must be greater than or equal to 1");
    if (s.maxReplicas < 1)
        e.invalid(spec.child("maxReplicas"), num(s.maxReplicas), "must be greater than 0");
    if (s.maxReplicas < s.minReplicas)
        e.invalid(spec.child("maxReplicas"), num(s.maxReplicas), "must be greater than or equal to `minReplicas`");
    Path ref = spec.child("scaleTargetRef"); // ValidateCrossVersionObjectReference
    if (s.targetKind.empty())
        e.required(ref.child("kind"));
    else
        e.invalidEach(ref.child("kind"), q(s.targetKind), isValidPathSegmentName(s.targetKind));
    if (s.targetName.empty())
        e.required(ref.child("name"));
    else
        e.invalidEach(ref.child("name"), q(s.targetName), isValidPathSegmentName(s.targetName));
}

// Runs fn on obj when it is a T.
template <typename T, typename Fn> bool dispatch(const Object &obj, Errors &e, Fn fn)
{
    if (const auto *typed = dynamic_cast<const T *>(&obj)) {
        fn(e, *typed);
        return true;
    }
    return false;
}

} // namespace

const yaml::Node *locateField(const yaml::Node *root, std::string_view path)
{
    const yaml::Node *deepest = root;
    forEachStep(path, [&](std::string_view step, bool bracket) {
        const yaml::Node *next = stepInto(deepest, step, bracket);
        if (next)
            deepest = next;
        return next != nullptr;
    });
    return deepest;
}

std::vector<FieldError> validateObject(const Object &obj)
{
    Errors e(obj);
    dispatch<Pod>(obj, e, validatePod) || dispatch<Deployment>(obj, e, validateDeployment) ||
        dispatch<ReplicaSet>(obj, e, validateReplicaSet) || dispatch<StatefulSet>(obj, e, validateStatefulSet) ||
        dispatch<DaemonSet>(obj, e, validateDaemonSet) || dispatch<Job>(obj, e, validateJob) ||
        dispatch<CronJob>(obj, e, validateCronJob) ||
        dispatch<ReplicationController>(obj, e, validateReplicationController) ||
        dispatch<Service>(obj, e, validateService) || dispatch<Namespace>(obj, e, validateNamespace) ||
        dispatch<ConfigMap>(obj, e, validateConfigMap) || dispatch<Secret>(obj, e, validateSecret) ||
        dispatch<ServiceAccount>(obj, e, validateServiceAccount) || dispatch<Node>(obj, e, validateNode) ||
        dispatch<PersistentVolume>(obj, e, validatePersistentVolume) ||
        dispatch<PersistentVolumeClaim>(obj, e, validatePersistentVolumeClaim) ||
        dispatch<LimitRange>(obj, e, validateLimitRange) || dispatch<ResourceQuota>(obj, e, validateResourceQuota) ||
        dispatch<PodDisruptionBudget>(obj, e, validatePodDisruptionBudget) ||
        dispatch<PriorityClass>(obj, e, validatePriorityClass) ||
        dispatch<StorageClass>(obj, e, validateStorageClass) || dispatch<Ingress>(obj, e, validateIngress) ||
        dispatch<HorizontalPodAutoscaler>(obj, e, validateHorizontalPodAutoscaler);
    return e.finish();
}

} // namespace podscape
