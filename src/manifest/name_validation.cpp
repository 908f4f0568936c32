// Name, label and port-name checks of k8s.io/apimachinery/pkg/util/validation/validation.go (v1.35),
// with the same messages. The regular expressions are matched by hand: the loader runs these on
// every object of large manifest sets.
#include "manifest/name_validation.h"

#include <algorithm>
#include <cstddef>

namespace podscape {

namespace {

constexpr std::string_view kDns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kDns1123LabelErrMsg =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and "
    "end with an alphanumeric character";
constexpr std::string_view kDns1123SubdomainFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
constexpr std::string_view kDns1123SubdomainErrMsg =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
    "start and end with an alphanumeric character";
constexpr std::string_view kDns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kDns1035LabelErrMsg =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
    "character, and end with an alphanumeric character";
constexpr std::string_view kWildcardFmt = "\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
constexpr std::string_view kWildcardErrMsg =
    "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist "
    "of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
constexpr std::string_view kQualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
constexpr std::string_view kQualifiedNameErrMsg =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
    "character";
constexpr std::string_view kLabelValueFmt = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
constexpr std::string_view kLabelValueErrMsg =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
    "start and end with an alphanumeric character";
constexpr std::string_view kConfigMapKeyFmt = "[-._a-zA-Z0-9]+";
constexpr std::string_view kConfigMapKeyErrMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
constexpr std::string_view kPercentFmt = "[0-9]+%";
constexpr std::string_view kPercentErrMsg = "a valid percent string must be a numeric string followed by an ending '%'";

constexpr int kDns1123LabelMaxLength = 63;
constexpr int kDns1123SubdomainMaxLength = 253;
constexpr int kDns1035LabelMaxLength = 63;
constexpr int kQualifiedNameMaxLength = 63;
constexpr int kLabelValueMaxLength = 63;

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool isAlnum(char c) { return isLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool matchesDns1123Label(std::string_view s)
{
    if (s.empty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return isLowerAlnum(c) || c == '-'; });
}

// label(\.label)*
bool matchesDns1123Subdomain(std::string_view s)
{
    while (true) {
        std::size_t dot = s.find('.');
        if (!matchesDns1123Label(s.substr(0, dot)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        s.remove_prefix(dot + 1);
    }
}

// [a-z]([-a-z0-9]*[a-z0-9])?
bool matchesDns1035Label(std::string_view s)
{
    return matchesDns1123Label(s) && s.front() >= 'a' && s.front() <= 'z';
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool matchesQualifiedNamePart(std::string_view s)
{
    if (s.empty() || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return isAlnum(c) || c == '-' || c == '_' || c == '.'; });
}

std::vector<std::string> prefixEach(std::vector<std::string> msgs, std::string_view prefix)
{
    for (auto &m : msgs)
        m.insert(0, prefix);
    return msgs;
}

// hasChDirPrefix
void addChDirPrefixErrors(std::string_view value, std::vector<std::string> &errs)
{
    if (value == ".")
        errs.emplace_back("must not be '.'");
    else if (value == "..")
        errs.emplace_back("must not be '..'");
    else if (value.starts_with(".."))
        errs.emplace_back("must not start with '..'");
}

}  // namespace

std::string maxLenError(int length) { return "must be no more than " + std::to_string(length) + " characters"; }

// Label keys and values are checked by api/validate/content (IsLabelKey, IsLabelValue), whose
// MaxLenError counts bytes; DNS names keep util/validation's "characters".
static std::string contentMaxLenError(int length) { return "must be no more than " + std::to_string(length) + " bytes"; }

std::string regexError(std::string_view msg, std::string_view format, const std::vector<std::string_view> &examples)
{
    std::string out(msg);
    if (examples.empty())
        return out + " (regex used for validation is '" + std::string(format) + "')";
    out += " (e.g. ";
    for (std::size_t i = 0; i < examples.size(); ++i) {
        if (i > 0)
            out += " or ";
        out += "'" + std::string(examples[i]) + "', ";
    }
    return out + "regex used for validation is '" + std::string(format) + "')";
}

std::string inclusiveRangeError(long long lo, long long hi)
{
    return "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", inclusive";
}

// IsDNS1123Subdomain
std::vector<std::string> isDns1123Subdomain(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.size() > kDns1123SubdomainMaxLength)
        errs.push_back(maxLenError(kDns1123SubdomainMaxLength));
    if (!matchesDns1123Subdomain(value))
        errs.push_back(regexError(kDns1123SubdomainErrMsg, kDns1123SubdomainFmt, {"example.com"}));
    return errs;
}

// IsDNS1123Label
std::vector<std::string> isDns1123Label(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.size() > kDns1123LabelMaxLength)
        errs.push_back(maxLenError(kDns1123LabelMaxLength));
    if (!matchesDns1123Label(value)) {
        if (matchesDns1123Subdomain(value))
            errs.emplace_back("must not contain dots");
        else
            errs.push_back(regexError(kDns1123LabelErrMsg, kDns1123LabelFmt, {"my-name", "123-abc"}));
    }
    return errs;
}

// IsDNS1035Label
std::vector<std::string> isDns1035Label(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.size() > kDns1035LabelMaxLength)
        errs.push_back(maxLenError(kDns1035LabelMaxLength));
    if (!matchesDns1035Label(value))
        errs.push_back(regexError(kDns1035LabelErrMsg, kDns1035LabelFmt, {"my-name", "abc-123"}));
    return errs;
}

// IsWildcardDNS1123Subdomain
std::vector<std::string> isWildcardDns1123Subdomain(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.size() > kDns1123SubdomainMaxLength)
        errs.push_back(maxLenError(kDns1123SubdomainMaxLength));
    if (!value.starts_with("*.") || !matchesDns1123Subdomain(value.substr(2)))
        errs.push_back(regexError(kWildcardErrMsg, kWildcardFmt, {"*.example.com"}));
    return errs;
}

// IsQualifiedName = content.IsLabelKey (label keys, annotation keys, finalizers, toleration and taint keys)
std::vector<std::string> isQualifiedName(std::string_view value)
{
    std::vector<std::string> errs;
    std::string_view name = value;
    std::size_t slash = value.find('/');
    if (slash != std::string_view::npos) {
        if (value.find('/', slash + 1) != std::string_view::npos) {
            errs.push_back("a valid label key " + regexError(kQualifiedNameErrMsg, kQualifiedNameFmt,
                                                            {"MyName", "my.name", "123-abc"}) +
                           " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errs;
        }
        std::string_view prefix = value.substr(0, slash);
        name = value.substr(slash + 1);
        if (prefix.empty())
            errs.emplace_back("prefix part must be non-empty");
        else if (auto msgs = isDns1123Subdomain(prefix); !msgs.empty())
            for (auto &m : prefixEach(std::move(msgs), "prefix part "))
                errs.push_back(std::move(m));
    }
    if (name.empty())
        errs.emplace_back("name part must be non-empty");
    else if (name.size() > kQualifiedNameMaxLength)
        errs.push_back("name part " + contentMaxLenError(kQualifiedNameMaxLength));
    if (!matchesQualifiedNamePart(name))
        errs.push_back("name part " + regexError(kQualifiedNameErrMsg, kQualifiedNameFmt, {"MyName", "my.name", "123-abc"}));
    return errs;
}

// IsValidLabelValue
std::vector<std::string> isValidLabelValue(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.size() > kLabelValueMaxLength)
        errs.push_back(contentMaxLenError(kLabelValueMaxLength));
    if (!value.empty() && !matchesQualifiedNamePart(value))
        errs.push_back(regexError(kLabelValueErrMsg, kLabelValueFmt, {"MyValue", "my_value", "12345"}));
    return errs;
}

// IsConfigMapKey
std::vector<std::string> isConfigMapKey(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.size() > kDns1123SubdomainMaxLength)
        errs.push_back(maxLenError(kDns1123SubdomainMaxLength));
    bool charsOk = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
        return isAlnum(c) || c == '-' || c == '.' || c == '_';
    });
    if (!charsOk)
        errs.push_back(regexError(kConfigMapKeyErrMsg, kConfigMapKeyFmt, {"key.name", "KEY_NAME", "key-name"}));
    addChDirPrefixErrors(value, errs);
    return errs;
}

// IsValidPortName
std::vector<std::string> isValidPortName(std::string_view port)
{
    std::vector<std::string> errs;
    if (port.size() > 15)
        errs.push_back(maxLenError(15));
    bool charsOk = !port.empty() && std::all_of(port.begin(), port.end(), [](char c) { return isLowerAlnum(c) || c == '-'; });
    if (!charsOk)
        errs.emplace_back("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    if (std::none_of(port.begin(), port.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        errs.emplace_back("must contain at least one letter (a-z)");
    if (port.find("--") != std::string_view::npos)
        errs.emplace_back("must not contain consecutive hyphens");
    if (!port.empty() && (port.front() == '-' || port.back() == '-'))
        errs.emplace_back("must not begin or end with a hyphen");
    return errs;
}

// IsValidPortNum
std::vector<std::string> isValidPortNum(long long port)
{
    if (port >= 1 && port <= 65535)
        return {};
    return {inclusiveRangeError(1, 65535)};
}

// IsValidPercent
std::vector<std::string> isValidPercent(std::string_view value)
{
    bool ok = value.size() >= 2 && value.back() == '%' &&
              std::all_of(value.begin(), value.end() - 1, [](char c) { return isDigit(c); });
    if (ok)
        return {};
    return {regexError(kPercentErrMsg, kPercentFmt, {"1%", "93%"})};
}

// IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is on by default since v1.32)
std::vector<std::string> isRelaxedEnvVarName(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.empty())
        errs.emplace_back("environment variable name must be non-empty");
    for (char ch : value) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c >= 0x7f || c == '=') {
            errs.emplace_back("a valid environment variable name must consist only of printable ASCII characters other than '='");
            break;
        }
    }
    return errs;
}

// apimachinery/pkg/api/validation/path: IsValidPathSegmentName
std::vector<std::string> isValidPathSegmentName(std::string_view value)
{
    if (value == "." || value == "..")
        return {"may not be '" + std::string(value) + "'"};
    std::vector<std::string> errs;
    if (value.find('/') != std::string_view::npos)
        errs.emplace_back("may not contain '/'");
    if (value.find('%') != std::string_view::npos)
        errs.emplace_back("may not contain '%'");
    return errs;
}

// maskTrailingDash replaces the last two characters by "a" (sic) when the name ends with '-'.
std::string maskTrailingDash(std::string_view name)
{
    if (!name.ends_with('-'))
        return std::string(name);
    if (name.size() < 2)
        return "a";  // Go would panic on name[:-1]
    return std::string(name.substr(0, name.size() - 2)) + "a";
}

}  // namespace podscape
