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

}  // namespace podscape
