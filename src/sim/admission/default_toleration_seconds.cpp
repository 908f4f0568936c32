// DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds/admission.go): every pod
// tolerates the not-ready and unreachable NoExecute taints for 300 s unless it says otherwise.
#include "sim/admission/admission.h"

namespace podscape::admission {

namespace {

bool toleratesKey(const Pod &pod, const std::string &key)
{
    for (const auto &t : pod.spec.tolerations) {
        bool keyMatches = t.key == key || (t.key.empty() && t.operator_ == "Exists");
        bool effectMatches = t.effect.empty() || t.effect == "NoExecute";
        if (keyMatches && effectMatches)
            return true;
    }
    return false;
}

}  // namespace

void defaultTolerationSeconds(Pod &pod)
{
    for (const char *key : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
        if (toleratesKey(pod, key))
            continue;
        Toleration t;
        t.key = key;
        t.operator_ = "Exists";
        t.effect = "NoExecute";
        t.tolerationSeconds = 300;
        pod.spec.tolerations.push_back(t);
    }
}

}  // namespace podscape::admission
