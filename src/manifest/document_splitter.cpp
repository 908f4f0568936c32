#include "manifest/document_splitter.h"

namespace podscape {

namespace {

bool isMarkerLine(std::string_view line, char c)
{
    if (line.size() < 3 || line[0] != c || line[1] != c || line[2] != c)
        return false;
    return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

bool startsAsJson(std::string_view text)
{
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

// JSON allows tabs between tokens, YAML does not indent with them. Outside string literals a tab
// is only ever whitespace, so a space keeps the meaning and every column.
void untabifyJson(std::string &text)
{
    bool inString = false, escaped = false;
    for (char &c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '\t') {
            c = ' ';
        }
    }
}

}  // namespace

SplitFile splitDocuments(std::string content)
{
    SplitFile file;
    if (content.size() >= 3 && content.compare(0, 3, "\xEF\xBB\xBF") == 0)
        content.erase(0, 3);
    file.content = std::move(content);
    std::string_view text = file.content;

    if (startsAsJson(text)) {
        file.json = true;
        untabifyJson(file.content);
        file.documents.push_back({0, file.content.size(), 1});
        return file;
    }

    std::size_t docStart = 0;
    int docLine = 1;
    std::size_t pos = 0;
    for (int line = 1; pos < text.size(); ++line) {
        std::size_t end = text.find('\n', pos);
        std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        std::string_view lineText = text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
        if (isMarkerLine(lineText, '-')) {
            // "--- " starts a document and may carry its content on the same line: keep it.
            if (pos > docStart)
                file.documents.push_back({docStart, pos - docStart, docLine});
            docStart = pos;
            docLine = line;
        } else if (isMarkerLine(lineText, '.')) {
            file.documents.push_back({docStart, pos - docStart, docLine});
            docStart = next;
            docLine = line + 1;
        }
        pos = next;
    }
    if (docStart < text.size())
        file.documents.push_back({docStart, text.size() - docStart, docLine});
    return file;
}

}  // namespace podscape
