// Kubernetes' name and label checks (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go),
// returning the exact messages the API server prints; an empty list means valid.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace podscape {

std::vector<std::string> isDns1123Subdomain(std::string_view value);
std::vector<std::string> isDns1123Label(std::string_view value);
std::vector<std::string> isQualifiedName(std::string_view value);  // label keys, annotation keys
std::vector<std::string> isValidLabelValue(std::string_view value);

// More checks from the same file (and apimachinery/pkg/api/validation/path), same conventions.
std::vector<std::string> isDns1035Label(std::string_view value);
std::vector<std::string> isWildcardDns1123Subdomain(std::string_view value);
std::vector<std::string> isConfigMapKey(std::string_view value);
std::vector<std::string> isValidPortName(std::string_view value);
std::vector<std::string> isValidPortNum(long long port);
std::vector<std::string> isValidPercent(std::string_view value);
std::vector<std::string> isRelaxedEnvVarName(std::string_view value);
std::vector<std::string> isValidPathSegmentName(std::string_view value);

// apimachinery/pkg/api/validation/generic.go maskTrailingDash: how a generateName prefix is checked.
std::string maskTrailingDash(std::string_view name);

// The message helpers (MaxLenError, RegexError, InclusiveRangeError).
std::string maxLenError(int length);
std::string regexError(std::string_view msg, std::string_view format, const std::vector<std::string_view> &examples);
std::string inclusiveRangeError(long long lo, long long hi);

}  // namespace podscape
