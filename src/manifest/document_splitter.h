// Splits a manifest file into its YAML documents before parsing, so that one broken document
// never stops the others (a YAML parser cannot resume after an error) and documents can be parsed
// in parallel.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace podscape {

// Where one document stands in its file's content. Offsets, not views: a SplitFile may be
// moved, and a short string's characters move with it.
struct DocumentText {
    std::size_t offset = 0;
    std::size_t length = 0;
    int firstLine = 1;  // 1-based line of the document's first character in the file
};

struct SplitFile {
    std::string content;  // the file, without a UTF-8 BOM; JSON has its tabs made spaces
    std::vector<DocumentText> documents;
    bool json = false;

    std::string_view text(const DocumentText &doc) const
    {
        return std::string_view(content).substr(doc.offset, doc.length);
    }
};

// Documents end at a line that starts with "---" or "..." followed by whitespace or the end
// of the line: YAML forbids such lines inside content, so this never cuts a document in two.
// A file whose first character is '{' or '[' is JSON and stays one document.
SplitFile splitDocuments(std::string content);

}  // namespace podscape
