#pragma once

// Kubernetes label selectors and node-affinity selectors, following (k8s v1.35):
//   apimachinery/pkg/labels/selector.go          string syntax, Requirement.Matches, String()
//   apimachinery/pkg/apis/meta/v1/helpers.go      LabelSelectorAsSelector (manifest form)
//   component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
//
// matches() is on the scheduler's hot path: it never allocates and uses no regex.
// Error strings are only built when a caller asks for them (parse(), validate()).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podscape {

using Labels = std::map<std::string, std::string>;

// selection.Operator. Equals, DoubleEquals and NotEquals only come from the string syntax;
// GreaterThan/LessThan come from the string syntax ('>', '<') or node affinity's Gt/Lt.
enum class SelectorOperator { In, NotIn, Exists, DoesNotExist, Equals, DoubleEquals, NotEquals, GreaterThan, LessThan };

struct LabelSelectorRequirement {
    std::string key;
    SelectorOperator op = SelectorOperator::In;
    std::vector<std::string> values;

    // labels.Requirement.Matches: NotIn/NotEquals match when the key is absent;
    // Gt/Lt need both sides to parse as int64.
    bool matches(const Labels &labels) const;
    // labels.Requirement.String(), e.g. "tier notin (cache,db)".
    std::string toString() const;
};

// metav1.LabelSelector: matchLabels + matchExpressions (as written in a manifest).
// A selector parsed from text keeps every requirement in matchExpressions with its original
// operator, so "a==b" prints back as "a==b" and "a=1,a=2" keeps both requirements.
struct LabelSelector {
    Labels matchLabels;
    std::vector<LabelSelectorRequirement> matchExpressions;

    // Empty selector matches everything (labels.Everything()). An absent (nil) selector
    // matches nothing: use matchesOptionalSelector() for fields where nil is possible.
    // Assumes a valid selector (see validate()), like labels.Selector does.
    bool matches(const Labels &labels) const;
    bool isEmpty() const;
    // As labels.Selector.String() prints it: requirements sorted by key (stable, matchLabels
    // first), joined by ',', e.g. "app=web,tier notin (db)". Empty selector prints "".
    std::string toString() const;
    // labels.NewRequirement checks, as LabelSelectorAsSelector reports the first failure:
    // nullopt if valid, otherwise Kubernetes' message.
    std::optional<std::string> validate() const;
    // labels.Parse (kubectl -l, actions file `selector: app=web`). nullopt + *error with
    // Kubernetes' message on failure.
    static std::optional<LabelSelector> parse(std::string_view text, std::string *error = nullptr);
};

// LabelSelectorAsSelector(nil) is labels.Nothing(): an absent selector selects no object.
bool matchesOptionalSelector(const std::optional<LabelSelector> &selector, const Labels &labels);

// Operator from a manifest's matchExpressions[].operator string ("In", "NotIn", "Exists",
// "DoesNotExist"; plus "Gt", "Lt" when allowGtLt, as node selectors have). Case-sensitive;
// nullopt if unknown.
std::optional<SelectorOperator> selectorOperatorFromString(std::string_view op, bool allowGtLt);

// LabelSelectorAsSelector's message for an unknown operator string:
// `"Foo" is not a valid pod selector operator`.
std::string invalidLabelSelectorOperatorMessage(std::string_view op);
// The operator as a manifest spells it (In, NotIn, Exists, DoesNotExist, Gt, Lt; "=" for Equals).
std::string_view selectorOperatorSpelling(SelectorOperator op);

struct NodeSelectorRequirement {
    std::string key;
    SelectorOperator op = SelectorOperator::In;
    std::vector<std::string> values;
};

// Requirements within a term are ANDed. A term with neither matchExpressions nor matchFields
// matches nothing, and so does a term with any invalid requirement.
struct NodeSelectorTerm {
    std::vector<NodeSelectorRequirement> matchExpressions;
    std::vector<NodeSelectorRequirement> matchFields; // only metadata.name, In/NotIn, one value
    bool isEmpty() const;
};

// v1.NodeSelector: terms are ORed; no terms matches nothing.
struct NodeSelector {
    std::vector<NodeSelectorTerm> nodeSelectorTerms;

    bool matches(const Labels &nodeLabels, const std::string &nodeName) const;
    // nodeaffinity.NewNodeSelector's error (all problems, with field paths), nullopt if valid.
    std::optional<std::string> validate() const;
};

bool matchesNodeSelectorTerm(const NodeSelectorTerm &term, const Labels &nodeLabels, const std::string &nodeName);

} // namespace podscape
