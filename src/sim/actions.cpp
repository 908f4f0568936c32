#include "sim/actions.h"

#include "manifest/field_reader.h"
#include "manifest/kinds.h"
#include "manifest/label_selector.h"
#include "manifest/yaml_tree.h"
#include "sim/simulation.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

namespace podscape {

std::string Action::typeName() const
{
    switch (type) {
    case Type::Evict: return "evict";
    case Type::Node: return "node";
    case Type::Apply: return "apply";
    case Type::Delete: return "delete";
    case Type::Scale: return "scale";
    case Type::Kill: return "kill";
    }
    return {};
}

namespace {

// Digits with an optional fraction ("1", "1.5") at text[pos], pos moved past them. Parsed by
// hand, not std::regex (its recursion overflows the stack on a long run of digits), and with
// strtod, not std::stod (which throws on a number too large for a double).
std::optional<double> readNumber(std::string_view text, std::size_t &pos)
{
    auto digits = [&] {
        std::size_t from = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
            ++pos;
        return pos > from;
    };
    std::size_t start = pos;
    if (!digits())
        return std::nullopt;
    if (pos < text.size() && text[pos] == '.' && (++pos, !digits()))
        return std::nullopt;
    return std::strtod(std::string(text.substr(start, pos - start)).c_str(), nullptr);
}

// "h", "m", "s" or "ms" at text[pos] as seconds per unit, pos moved past it.
std::optional<double> readUnit(std::string_view text, std::size_t &pos)
{
    std::string_view rest = text.substr(pos);
    static constexpr std::pair<std::string_view, double> kUnits[] = {{"ms", 0.001}, {"h", 3600}, {"m", 60}, {"s", 1}};
    for (auto [unit, seconds] : kUnits)
        if (rest.starts_with(unit)) {
            pos += unit.size();
            return seconds;
        }
    return std::nullopt;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::optional<double> parseDuration(const std::string &text)
{
    std::string_view view(text);
    // A plain number of seconds, blanks around it allowed.
    std::size_t first = 0, last = view.size();
    while (first < last && isBlank(view[first]))
        ++first;
    while (last > first && isBlank(view[last - 1]))
        --last;
    std::size_t pos = first;
    if (auto n = readNumber(view.substr(0, last), pos); n && pos == last)
        return std::isfinite(*n) ? n : std::nullopt;
    // Number-unit pairs, nothing between or around them: 1m30s.
    double total = 0;
    pos = 0;
    while (pos < view.size()) {
        auto n = readNumber(view, pos);
        auto unit = n ? readUnit(view, pos) : std::nullopt;
        if (!unit)
            return std::nullopt;
        total += *n * *unit;
    }
    if (view.empty() || !std::isfinite(total))
        return std::nullopt;
    return total;
}

namespace {

class StepParser {
public:
    StepParser(const std::string &file, const std::string &baseDir, std::vector<Diagnostic> &errors)
        : file_(file), baseDir_(baseDir), errors_(errors)
    {
    }

    std::optional<Action> parse(const yaml::Node *step)
    {
        if (!step->isMap())
            return fail(step, "an action must be a map with \"at\" and one operation");
        Action a;
        a.source = {file_, step->line, step->column};
        const yaml::Node *at = step->find("at");
        if (!at)
            return fail(step, "at: Required value");
        auto when = at->isScalar() ? parseDuration(at->value) : std::nullopt;
        if (!when)
            return fail(at, "at: expected a duration such as 20s, 1m30s or 2h, got " + describeValue(*at));
        a.at = *when;
        int operations = 0;
        for (std::size_t i = 0; i < step->size(); ++i) {
            const std::string &key = step->keyAt(i)->value;
            if (key == "at")
                continue;
            ++operations;
            if (!parseOperation(key, step->valueAt(i), a))
                return std::nullopt;
        }
        if (operations != 1)
            return fail(step, "an action needs exactly one of evict, node, apply, delete, scale, kill");
        return a;
    }

private:
    std::nullopt_t fail(const yaml::Node *at, const std::string &message)
    {
        errors_.push_back({file_, at->line, at->column, message});
        return std::nullopt;
    }

    bool field(const yaml::Node *map, const char *key, std::string &out, const std::string &op, bool required)
    {
        const yaml::Node *v = map->find(key);
        if (!v) {
            if (required)
                fail(map, op + "." + key + ": Required value");
            return !required;
        }
        if (!v->isScalar()) {
            fail(v, op + "." + key + ": expected a string, got " + describeValue(*v));
            return false;
        }
        out = v->value;
        return true;
    }

    // kubectl delete --cascade: background (the default), foreground or orphan; the deprecated
    // booleans mean background (true) and orphan (false).
    bool parseCascade(const yaml::Node *map, Action &a)
    {
        std::string cascade = "background";
        if (!field(map, "cascade", cascade, "delete", false))
            return false;
        static const std::map<std::string, std::string> policies{
            {"background", "Background"}, {"foreground", "Foreground"}, {"orphan", "Orphan"},
            {"true", "Background"},       {"false", "Orphan"}};
        auto it = policies.find(cascade);
        if (it == policies.end())
            return fail(map->find("cascade"), "invalid cascade value (" + cascade +
                                                  "). Must be \"background\", \"foreground\", or \"orphan\""),
                   false;
        a.propagationPolicy = it->second;
        return true;
    }

    bool parseOperation(const std::string &key, const yaml::Node *v, Action &a)
    {
        if (key == "apply") {
            a.type = Action::Type::Apply;
            if (!v->isScalar())
                return fail(v, "apply: expected a file path, got " + describeValue(*v)), false;
            std::filesystem::path p(v->value);
            a.path = p.is_absolute() ? p.string() : (std::filesystem::path(baseDir_) / p).string();
            return true;
        }
        if (!v->isMap())
            return fail(v, key + ": expected a map, got " + describeValue(*v)), false;
        if (key == "evict") {
            a.type = Action::Type::Evict;
            std::string to;
            bool ok = field(v, "pod", a.pod, key, false) && field(v, "selector", a.selector, key, false) &&
                      field(v, "node", a.node, key, false) && field(v, "to", to, key, false);
            if (ok && !to.empty())
                a.to = to;
            if (ok && a.pod.empty() && (a.selector.empty() || a.node.empty()))
                return fail(v, "evict: needs pod, or selector and node"), false;
            std::string error;
            if (ok && !a.selector.empty() && !LabelSelector::parse(a.selector, &error))
                return fail(v->find("selector"), "evict.selector: " + error), false;
            return ok;
        }
        if (key == "node") {
            a.type = Action::Type::Node;
            bool ok = field(v, "name", a.node, key, true) && field(v, "action", a.nodeAction, key, true);
            static const std::vector<std::string> valid{"fail", "recover", "cordon", "uncordon", "drain", "add", "remove"};
            if (ok && std::find(valid.begin(), valid.end(), a.nodeAction) == valid.end())
                return fail(v->find("action"), "node.action: Unsupported value: \"" + a.nodeAction +
                                                   "\": supported values: \"add\", \"cordon\", \"drain\", \"fail\", "
                                                   "\"recover\", \"remove\", \"uncordon\""),
                       false;
            return ok;
        }
        if (key == "delete" || key == "scale") {
            a.type = key == "delete" ? Action::Type::Delete : Action::Type::Scale;
            bool ok = field(v, "kind", a.kind, key, true) && field(v, "namespace", a.namespace_, key, false) &&
                      field(v, "name", a.name, key, true);
            if (ok && key == "delete")
                ok = parseCascade(v, a);
            if (ok && key == "scale") {
                std::vector<FieldError> fe;
                FieldReader reader(fe);
                const yaml::Node *r = v->find("replicas");
                if (!r)
                    return fail(v, "scale.replicas: Required value"), false;
                reader.read(r, FieldPath{}.child("scale").child("replicas"), a.replicas);
                if (!fe.empty())
                    return fail(r, fe[0].path + ": " + fe[0].message), false;
            }
            return ok;
        }
        if (key == "kill") {
            a.type = Action::Type::Kill;
            return field(v, "pod", a.pod, key, true) && field(v, "container", a.container, key, false);
        }
        return fail(v, "unknown operation \"" + key + "\": use evict, node, apply, delete, scale or kill"), false;
    }

    const std::string &file_;
    const std::string &baseDir_;
    std::vector<Diagnostic> &errors_;
};

}  // namespace

ActionsFile parseActions(const std::string &text, const std::string &fileName, const std::string &baseDir)
{
    ActionsFile out;
    auto parsed = yaml::parseDocument(text, 1);
    if (auto *err = std::get_if<yaml::ParseError>(&parsed)) {
        out.errors.push_back({fileName, err->line, err->column, err->message});
        return out;
    }
    auto doc = std::get<std::shared_ptr<yaml::Document>>(parsed);
    if (!doc->root || doc->root->isNull())
        return out;
    if (!doc->root->isSequence()) {
        out.errors.push_back({fileName, doc->root->line, doc->root->column, "expected a list of actions"});
        return out;
    }
    StepParser parser(fileName, baseDir, out.errors);
    for (const yaml::Node *step : doc->root->children)
        if (auto a = parser.parse(step))
            out.actions.push_back(*a);
    std::stable_sort(out.actions.begin(), out.actions.end(), [](const Action &a, const Action &b) { return a.at < b.at; });
    return out;
}

ActionsFile loadActions(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ActionsFile out;
        out.errors.push_back({path, 0, 0, "the path \"" + path + "\" does not exist"});
        return out;
    }
    std::ostringstream s;
    s << in.rdbuf();
    return parseActions(s.str(), path, std::filesystem::path(path).parent_path().string());
}

namespace {

void report(std::vector<Diagnostic> &problems, const Action &a, const std::string &message)
{
    problems.push_back({a.source.file, a.source.line, a.source.column, message});
}

// "ns/name", or a name in the default namespace.
std::pair<std::string, std::string> podRef(const std::string &ref)
{
    auto slash = ref.find('/');
    if (slash == std::string::npos)
        return {"default", ref};
    return {ref.substr(0, slash), ref.substr(slash + 1)};
}

// `evict: {selector: app=web, node: worker-1}`: the first matching pod, by name, on that node
// (pods already terminating are not candidates: they are on their way out).
std::optional<std::pair<std::string, std::string>> podOnNode(const Simulation &sim, const Action &a)
{
    auto selector = LabelSelector::parse(a.selector);
    std::optional<std::pair<std::string, std::string>> first;
    for (const auto &pod : sim.store().list<Pod>()) {
        if (pod->spec.nodeName != a.node || pod->metadata.deletionTimestamp || !selector ||
            !selector->matches(pod->metadata.labels))
            continue;
        std::pair<std::string, std::string> key{pod->metadata.namespace_, pod->metadata.name};
        if (!first || key.second < first->second)
            first = key;
    }
    return first;
}

void runEvict(Simulation &sim, const Action &a, std::vector<Diagnostic> &problems)
{
    auto target = a.pod.empty() ? podOnNode(sim, a) : std::optional(podRef(a.pod));
    if (!target) {
        report(problems, a, "evict: no pod matching \"" + a.selector + "\" on node \"" + a.node + "\"");
        return;
    }
    EvictionRecord r = sim.evict(target->first, target->second, a.to);
    if (r.reason == "NotFound")
        report(problems, a, "evict: " + r.message);
}

void runNodeAction(Simulation &sim, const Action &a, std::vector<Diagnostic> &problems)
{
    std::optional<ApiError> err;
    if (a.nodeAction == "cordon")
        err = sim.cordonNode(a.node);
    else if (a.nodeAction == "uncordon")
        err = sim.uncordonNode(a.node);
    else if (a.nodeAction == "drain")
        err = sim.drainNode(a.node);
    else if (a.nodeAction == "fail")
        err = sim.failNode(a.node);
    else if (a.nodeAction == "recover")
        err = sim.recoverNode(a.node);
    else if (a.nodeAction == "add")
        err = sim.addNode(a.node);
    else if (a.nodeAction == "remove")
        err = sim.removeNode(a.node);
    if (err)
        report(problems, a, err->message);
}

void runAction(Simulation &sim, const Action &a, std::vector<Diagnostic> &problems)
{
    switch (a.type) {
    case Action::Type::Apply: {
        LoadResult loaded = ManifestLoader().loadPaths({a.path});
        for (auto &e : loaded.errors)
            problems.push_back(e);
        sim.apply(loaded.objects);
        break;
    }
    case Action::Type::Delete: {
        bool namespaced = lookupKind(preferredApiVersion(a.kind), a.kind).namespaced;
        std::string ns = !namespaced ? "" : a.namespace_.empty() ? "default" : a.namespace_;
        if (auto err = sim.remove(a.kind, ns, a.name, a.propagationPolicy))
            report(problems, a, err->message);
        break;
    }
    case Action::Type::Scale: {
        std::string ns = a.namespace_.empty() ? "default" : a.namespace_;
        if (auto err = sim.scale(a.kind, ns, a.name, a.replicas))
            report(problems, a, err->message);
        break;
    }
    case Action::Type::Evict: runEvict(sim, a, problems); break;
    case Action::Type::Node: runNodeAction(sim, a, problems); break;
    case Action::Type::Kill: {
        auto [ns, name] = podRef(a.pod);
        if (auto err = sim.killContainer(ns, name, a.container))
            report(problems, a, "kill: " + err->message);
        break;
    }
    }
}

}  // namespace

void scheduleActions(Simulation &sim, const ActionsFile &file, std::vector<Diagnostic> &problems)
{
    for (const Action &a : file.actions)
        sim.clock().at(a.at, [&sim, a, &problems] { runAction(sim, a, problems); });
}

}  // namespace podscape
