// Priority (plugin/pkg/admission/priority/admission.go): spec.priority from the PriorityClass
// named by priorityClassName, or from the globalDefault class, or 0.
#include "sim/admission/admission.h"

namespace podscape::admission {

std::optional<ApiError> priority(Pod &pod, const ObjectStore &store)
{
    std::shared_ptr<PriorityClass> cls;
    if (!pod.spec.priorityClassName.empty()) {
        cls = store.get<PriorityClass>("", pod.spec.priorityClassName);
        if (!cls)
            return ApiError{403, "Forbidden",
                            forbiddenPrefix(pod) + "no PriorityClass with name " + pod.spec.priorityClassName +
                                " was found"};
    } else {
        for (const auto &c : store.list<PriorityClass>())
            if (c->globalDefault && (!cls || c->value > cls->value))
                cls = c;
    }
    std::int32_t value = cls ? cls->value : 0;
    if (pod.spec.priority && *pod.spec.priority != value)
        return ApiError{403, "Forbidden",
                        forbiddenPrefix(pod) + "the integer value of priority (" + std::to_string(*pod.spec.priority) +
                            ") must not be provided in pod spec; priority admission controller computed " +
                            std::to_string(value) + " from the given PriorityClass name"};
    pod.spec.priority = value;
    if (cls && pod.spec.preemptionPolicy.empty())
        pod.spec.preemptionPolicy = cls->preemptionPolicy;
    if (pod.spec.preemptionPolicy.empty())
        pod.spec.preemptionPolicy = "PreemptLowerPriority";
    return std::nullopt;
}

}  // namespace podscape::admission
