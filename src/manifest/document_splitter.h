// Splits a manifest file into its YAML documents before parsing, so that one broken document
// never stops the others (yaml-cpp cannot resume after an error) and documents can be parsed
// in parallel.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace podscape {

struct DocumentText {
    std::string_view text;  // points into SplitFile::content
    int firstLine = 1;      // 1-based line of text[0] in the file
};

struct SplitFile {
    std::string content;  // the file, without a UTF-8 BOM; JSON has its tabs made spaces
    std::vector<DocumentText> documents;
    bool json = false;
};

// Documents end at a line that starts with "---" or "..." followed by whitespace or the end
// of the line: YAML forbids such lines inside content, so this never cuts a document in two.
// A file whose first character is '{' or '[' is JSON and stays one document.
SplitFile splitDocuments(std::string content);

}  // namespace podscape
