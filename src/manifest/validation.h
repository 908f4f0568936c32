// Validation as the API server does it (k8s.io/kubernetes pkg/apis/*/validation), with its
// messages, on objects as they were written (before admission defaults). Each error names the
// field path; the loader turns it into "file:line:col: Kind "name" is invalid: path: message".
#pragma once

#include "cluster/api/object.h"
#include "manifest/field_reader.h"

#include <vector>

namespace podscape {

// Returns the field errors of one decoded object (empty when valid). `line`/`column` point at the
// offending value when the object still has its document (obj.node), else at 0.
std::vector<FieldError> validateObject(const Object &obj);

// Finds the node at a field path such as "spec.template.spec.containers[0].image" or
// "metadata.labels[app]"; returns the deepest node that exists on the way.
const yaml::Node *locateField(const yaml::Node *root, std::string_view path);

}  // namespace podscape
