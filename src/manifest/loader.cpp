#include "manifest/loader.h"

#include "manifest/decode.h"
#include "manifest/document_splitter.h"
#include "manifest/kinds.h"
#include "manifest/validation.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace podscape {

namespace fs = std::filesystem;

std::string Diagnostic::toString() const
{
    if (line <= 0)
        return file + ": " + message;
    return file + ':' + std::to_string(line) + ':' + std::to_string(column) + ": " + message;
}

void LoadResult::append(LoadResult &&other)
{
    std::move(other.objects.begin(), other.objects.end(), std::back_inserter(objects));
    std::move(other.errors.begin(), other.errors.end(), std::back_inserter(errors));
    std::move(other.files.begin(), other.files.end(), std::back_inserter(files));
    documents += other.documents;
    bytes += other.bytes;
}

namespace {

// Everything one document turns into; documents are decoded independently (and in parallel).
struct DocumentResult {
    std::vector<ObjectPtr> objects;
    std::vector<Diagnostic> errors;
    bool empty = true;
};

class DocumentDecoder {
public:
    DocumentDecoder(const std::string &file, bool validate, DocumentResult &out)
        : file_(file), validate_(validate), out_(out)
    {
    }

    void decode(const std::shared_ptr<yaml::Document> &doc)
    {
        doc_ = doc;
        if (!doc->root || doc->root->isNull())  // empty, comment-only, or a bare "---"
            return;
        out_.empty = false;
        decodeObjectOrList(doc->root);
    }

    void error(const yaml::Node *at, std::string message)
    {
        out_.errors.push_back({file_, at ? at->line : 0, at ? at->column : 0, std::move(message)});
    }

private:
    static std::string stringField(const yaml::Node *map, std::string_view key, const yaml::Node **at = nullptr)
    {
        const yaml::Node *n = map->find(key);
        if (at)
            *at = n;
        return n && n->isScalar() ? n->value : std::string();
    }

    void decodeObjectOrList(const yaml::Node *root)
    {
        if (!root->isMap()) {
            error(root, "expected an object with apiVersion and kind, got " + describeValue(*root));
            return;
        }
        std::string kind = stringField(root, "kind");
        const yaml::Node *items = root->find("items");
        // kubectl treats any kind ending in "List" with an items array as a list of objects.
        if (kind.size() >= 4 && kind.ends_with("List") && items && (items->isSequence() || items->isNull())) {
            if (items->isSequence())
                for (const yaml::Node *item : items->children)
                    decodeObjectOrList(item);
            return;
        }
        decodeObject(root);
    }

    void decodeObject(const yaml::Node *root)
    {
        const yaml::Node *kindNode = nullptr, *versionNode = nullptr;
        std::string kind = stringField(root, "kind", &kindNode);
        std::string apiVersion = stringField(root, "apiVersion", &versionNode);
        // runtime.NewMissingKindErr / NewMissingVersionErr, as kubectl prints them.
        if (kind.empty()) {
            error(root, "Object 'Kind' is missing in '" + yaml::toJson(root) + "'");
            return;
        }
        if (apiVersion.empty()) {
            error(root, "Object 'apiVersion' is missing in '" + yaml::toJson(root) + "'");
            return;
        }
        KindInfo info = lookupKind(apiVersion, kind);
        if (info.support == KindSupport::NoMatch) {
            error(versionNode, "no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\"");
            return;
        }
        std::vector<FieldError> fieldErrors;
        FieldReader reader(fieldErrors);
        ObjectPtr obj;
        if (info.support == KindSupport::Simulated)
            obj = decodeTypedObject(kind, reader, root);
        if (!obj) {
            auto u = std::make_shared<UnstructuredObject>();
            u->namespaced = info.namespaced;
            decodeObjectMeta(reader, root->find("metadata"), FieldPath{}.child("metadata"), u->metadata);
            obj = u;
        }
        obj->apiVersion = apiVersion;
        obj->kind = kind;
        obj->source = {file_, root->line, root->column};
        obj->document = doc_;
        obj->node = root;
        if (fieldErrors.empty() && validate_)
            fieldErrors = validateObject(*obj);
        if (!fieldErrors.empty()) {
            reportFieldErrors(*obj, fieldErrors, info.support == KindSupport::Simulated);
            return;
        }
        out_.objects.push_back(std::move(obj));
    }

    void reportFieldErrors(const Object &obj, const std::vector<FieldError> &errors, bool typed)
    {
        std::string name = obj.metadata.name.empty() ? obj.metadata.generateName : obj.metadata.name;
        // Validation errors read as the API server words them: Deployment.apps "web" is invalid: ...
        std::string prefix = obj.qualifiedKind() + " \"" + name + "\" is invalid: ";
        for (const FieldError &e : errors) {
            bool typeError = e.message.starts_with("expected ") || e.message.starts_with("quantities ") ||
                             e.message.starts_with("unable to parse");
            std::string text = (typeError || !typed ? std::string() : prefix) + e.path + ": " + e.message;
            out_.errors.push_back({file_, e.line, e.column, std::move(text)});
        }
    }

    const std::string &file_;
    bool validate_;
    DocumentResult &out_;
    std::shared_ptr<yaml::Document> doc_;
};

DocumentResult decodeDocument(std::string_view text, int firstLine, const std::string &file,
                              const LoaderOptions &options)
{
    const yaml::ParseLimits &limits = options.limits;
    DocumentResult result;
    auto parsed = yaml::parseDocument(text, firstLine, limits);
    if (auto *err = std::get_if<yaml::ParseError>(&parsed)) {
        result.empty = false;
        result.errors.push_back({file, err->line, err->column, err->message});
        return result;
    }
    DocumentDecoder(file, options.validate, result).decode(std::get<std::shared_ptr<yaml::Document>>(parsed));
    return result;
}

// Runs fn(i) for i in [0, count) on up to `threads` threads.
template <typename Fn> void parallelFor(std::size_t count, int threads, Fn fn)
{
    std::size_t workers = std::min<std::size_t>(count, threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency()));
    if (workers <= 1) {
        for (std::size_t i = 0; i < count; ++i)
            fn(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++)
            fn(i);
    };
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workers; ++w)
        pool.emplace_back(work);
    work();
    for (auto &t : pool)
        t.join();
}

struct PendingFile {
    std::string name;
    SplitFile split;
};

bool hasManifestExtension(const fs::path &p)
{
    auto ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

std::vector<fs::path> expandFolder(const fs::path &dir, std::error_code &ec)
{
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && hasManifestExtension(it->path()))
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

std::optional<std::string> readFile(const fs::path &path, std::uint64_t maxBytes, std::string &error)
{
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (!ec && size > maxBytes) {
        error = "file is too large (" + std::to_string(size) + " bytes; the limit is " + std::to_string(maxBytes) + ")";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open the file for reading";
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

}  // namespace

LoadResult ManifestLoader::loadText(std::string text, const std::string &fileName) const
{
    LoadResult result;
    result.files.push_back(fileName);
    result.bytes = text.size();
    std::vector<PendingFile> files;
    files.push_back({fileName, splitDocuments(std::move(text))});
    const SplitFile &split = files.front().split;
    std::vector<DocumentResult> docs(split.documents.size());
    parallelFor(docs.size(), options_.threads,
                [&](std::size_t i) {
                    const DocumentText &d = split.documents[i];
                    docs[i] = decodeDocument(split.text(d), d.firstLine, fileName, options_);
                });
    for (auto &doc : docs) {
        result.documents += doc.empty ? 0 : 1;
        std::move(doc.objects.begin(), doc.objects.end(), std::back_inserter(result.objects));
        std::move(doc.errors.begin(), doc.errors.end(), std::back_inserter(result.errors));
    }
    return result;
}

LoadResult ManifestLoader::loadPaths(const std::vector<std::string> &paths) const
{
    LoadResult result;
    std::vector<std::pair<std::string, fs::path>> files;  // display name, path
    for (const std::string &arg : paths) {
        std::error_code ec;
        fs::path p(arg);
        if (fs::is_directory(p, ec)) {
            for (const auto &f : expandFolder(p, ec))
                files.emplace_back(f.string(), f);
            if (ec)
                result.errors.push_back({arg, 0, 0, ec.message()});
        } else if (fs::exists(p, ec)) {
            files.emplace_back(arg, p);
        } else {
            result.errors.push_back({arg, 0, 0, "the path \"" + arg + "\" does not exist"});
        }
    }
    // Read and split every file, then decode all documents of all files on all cores.
    std::vector<PendingFile> pending;
    for (auto &[name, path] : files) {
        std::string error;
        auto content = readFile(path, options_.maxFileBytes, error);
        result.files.push_back(name);
        if (!content) {
            result.errors.push_back({name, 0, 0, error});
            continue;
        }
        result.bytes += content->size();
        pending.push_back({name, splitDocuments(std::move(*content))});
    }
    std::vector<std::pair<const PendingFile *, const DocumentText *>> jobs;
    for (const auto &f : pending)
        for (const auto &d : f.split.documents)
            jobs.emplace_back(&f, &d);
    std::vector<DocumentResult> docs(jobs.size());
    parallelFor(jobs.size(), options_.threads, [&](std::size_t i) {
        const DocumentText &d = *jobs[i].second;
        docs[i] = decodeDocument(jobs[i].first->split.text(d), d.firstLine, jobs[i].first->name, options_);
    });
    for (auto &doc : docs) {
        result.documents += doc.empty ? 0 : 1;
        std::move(doc.objects.begin(), doc.objects.end(), std::back_inserter(result.objects));
        std::move(doc.errors.begin(), doc.errors.end(), std::back_inserter(result.errors));
    }
    return result;
}

}  // namespace podscape
