// The actions file (DESIGN 4): user operations at virtual times, the same the GUI offers.
//   - at: 20s
//     evict: {pod: default/web-0, to: worker-2}
// Paths in `apply` are relative to the actions file.
#pragma once

#include "manifest/loader.h"

#include <optional>
#include <string>
#include <vector>

namespace podscape {

class Simulation;

struct Action {
    enum class Type { Evict, Node, Apply, Delete, Scale, Kill } type = Type::Apply;
    double at = 0;
    SourceLocation source;  // the step's position in the actions file
    // evict
    std::string pod;        // "ns/name"
    std::string selector;   // "app=web" (with node)
    std::string node;       // evict: the node to pick from; node: the node acted on
    std::optional<std::string> to;
    // node
    std::string nodeAction;  // fail | recover | cordon | uncordon | drain | add | remove
    // apply
    std::string path;        // resolved against the actions file's folder
    // delete / scale
    std::string kind;
    std::string namespace_;
    std::string name;
    int replicas = 0;
    std::string propagationPolicy = "Background";  // delete: kubectl --cascade, as the API spells it
    // kill
    std::string container;

    std::string typeName() const;
};

struct ActionsFile {
    std::vector<Action> actions;        // in time order (stable for equal times)
    std::vector<Diagnostic> errors;
};

// Parses an actions file; errors are file:line:col.
ActionsFile loadActions(const std::string &path);
ActionsFile parseActions(const std::string &text, const std::string &fileName, const std::string &baseDir);

// Parses "20s", "1m30s", "2h", "1.5m" or a plain number of seconds.
std::optional<double> parseDuration(const std::string &text);

// Schedules every action on the simulation's clock. Steps the simulation cannot perform yet
// are reported through `unsupported` (one "file:line:col: message" each) when their time comes.
void scheduleActions(Simulation &sim, const ActionsFile &actions, std::vector<Diagnostic> &problems);

}  // namespace podscape
