// libFuzzer target: any bytes as one manifest file's text, through the loader and the API
// server's validation (`podscape validate`). Whatever the input, loading must end in objects
// and file:line:col errors: no crash, no sanitizer report, no leak, no hang.
#include "manifest/loader.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    podscape::LoaderOptions options;
    options.threads = 1;  // one input at a time: a pool would only add noise to the coverage
    podscape::LoadResult r = podscape::ManifestLoader(options).loadText(
        std::string(reinterpret_cast<const char *>(data), size), "fuzz.yaml");
    for (const podscape::Diagnostic &e : r.errors)
        (void)e.toString();  // the messages are built from the input too
    return 0;
}
