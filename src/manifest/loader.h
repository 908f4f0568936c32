// The manifest loader: files and folders in, typed API objects and precise errors out.
// Accepts what `kubectl apply -f` accepts (multi-document YAML, JSON, List kinds, folders).
#pragma once

#include "cluster/api/object.h"
#include "manifest/yaml_tree.h"

#include <cstdint>
#include <string>
#include <vector>

namespace podscape {

// One problem with the input: "file:line:column: message" (line 0 when there is no position).
struct Diagnostic {
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;

    std::string toString() const;
};

struct LoadResult {
    std::vector<ObjectPtr> objects;      // in file order, then document order
    std::vector<Diagnostic> errors;
    std::vector<std::string> files;      // every file read, in order
    int documents = 0;                   // non-empty documents seen
    std::uint64_t bytes = 0;

    void append(LoadResult &&other);
};

struct LoaderOptions {
    int threads = 0;  // 0: one per core
    yaml::ParseLimits limits;
    std::uint64_t maxFileBytes = std::uint64_t(512) << 20;
    // Run the API server's validation while loading (podscape validate). The simulation leaves it
    // to its API server, which refuses invalid objects as a cluster would (rejected[]).
    bool validate = true;
};

class ManifestLoader {
public:
    explicit ManifestLoader(LoaderOptions options = {}) : options_(options) {}

    // Files and folders (recursively: .yaml, .yml, .json, in name order, as kubectl walks them).
    LoadResult loadPaths(const std::vector<std::string> &paths) const;
    // One file's content, named `fileName` in errors and source locations.
    LoadResult loadText(std::string text, const std::string &fileName) const;

private:
    LoaderOptions options_;
};

}  // namespace podscape
