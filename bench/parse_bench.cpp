// Parse throughput: the argo-cd install bundle (1.9 MB, 59 documents, CRDs with huge schemas)
// loaded into typed objects, on all cores and on one. Prints JSON lines.
#include "bench_support.h"
#include "manifest/loader.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Loads the text repeatedly for at least `seconds` and returns MB/s.
double throughput(const std::string &text, int threads, double seconds)
{
    podscape::LoaderOptions options;
    options.threads = threads;
    podscape::ManifestLoader loader(options);
    std::size_t objects = loader.loadText(text, "install.yaml").objects.size();  // warm-up
    if (objects == 0)
        std::fprintf(stderr, "warning: no objects loaded\n");
    auto start = std::chrono::steady_clock::now();
    double elapsed = 0;
    int rounds = 0;
    while (elapsed < seconds || rounds < 3) {
        auto result = loader.loadText(text, "install.yaml");
        ++rounds;
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return double(text.size()) * rounds / elapsed / 1e6;
}

}  // namespace

int main(int argc, char **argv)
{
    std::string path = argc > 1 ? argv[1] : PODSCAPE_CORPORA_DIR "/argo-cd/manifests/install.yaml";
    std::string text = readAll(path);
    if (text.empty()) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return 1;
    }
    podscape::bench::printFigure("parse_mb_per_s", throughput(text, 0, 3.0), "MB/s");
    podscape::bench::printFigure("parse_mb_per_s_one_thread", throughput(text, 1, 3.0), "MB/s");
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    podscape::bench::printFigure("parse_peak_rss_mb", usage.ru_maxrss / 1024.0, "MB");
    return 0;
}
