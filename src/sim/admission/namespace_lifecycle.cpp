// NamespaceLifecycle (plugin/pkg/admission/namespace/lifecycle/admission.go).
#include "sim/admission/admission.h"

namespace podscape::admission {

std::optional<ApiError> namespaceLifecycle(const Object &obj, const ObjectStore &store)
{
    if (!obj.isNamespaced() || obj.kind == "Namespace")
        return std::nullopt;
    const std::string &ns = obj.metadata.namespace_;
    auto namespaceObj = store.get<Namespace>("", ns);
    if (!namespaceObj)
        return ApiError{404, "NotFound", "namespaces \"" + ns + "\" not found"};
    if (namespaceObj->phase == "Terminating")
        return ApiError{403, "Forbidden",
                        forbiddenPrefix(obj) + "unable to create new content in namespace " + ns +
                            " because it is being terminated"};
    return std::nullopt;
}

}  // namespace podscape::admission
