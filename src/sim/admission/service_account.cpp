// ServiceAccount (plugin/pkg/admission/serviceaccount/admission.go): the pod runs as the
// namespace's "default" ServiceAccount unless it names one, and gets the projected
// kube-api-access-<suffix> token volume mounted into every container.
#include "sim/admission/admission.h"

namespace podscape::admission {

namespace {

constexpr const char *kTokenMountPath = "/var/run/secrets/kubernetes.io/serviceaccount";

void addTokenVolume(Pod &pod, NameGenerator &names)
{
    Volume vol;
    vol.name = names.generate("kube-api-access-");
    vol.type = Volume::Type::Projected;
    vol.projectedSources = {{ProjectedSource::Type::ServiceAccountToken, ""},
                            {ProjectedSource::Type::ConfigMap, "kube-root-ca.crt"},
                            {ProjectedSource::Type::DownwardAPI, ""}};
    pod.spec.volumes.push_back(vol);
    VolumeMount mount{vol.name, kTokenMountPath, "", true};
    for (auto *list : {&pod.spec.initContainers, &pod.spec.containers})
        for (auto &c : *list) {
            bool hasMount = false;
            for (const auto &m : c.volumeMounts)
                hasMount = hasMount || m.mountPath == kTokenMountPath;
            if (!hasMount)
                c.volumeMounts.push_back(mount);
        }
}

}  // namespace

std::optional<ApiError> serviceAccount(Pod &pod, const ObjectStore &store, NameGenerator &names)
{
    if (pod.spec.serviceAccountName.empty())
        pod.spec.serviceAccountName = "default";
    const std::string &ns = pod.metadata.namespace_;
    auto sa = store.get<ServiceAccount>(ns, pod.spec.serviceAccountName);
    if (!sa)
        return ApiError{403, "Forbidden",
                        forbiddenPrefix(pod) + "error looking up service account " + ns + "/" +
                            pod.spec.serviceAccountName + ": serviceaccount \"" + pod.spec.serviceAccountName +
                            "\" not found"};
    bool automount = pod.spec.automountServiceAccountToken.value_or(sa->automountServiceAccountToken.value_or(true));
    if (automount)
        addTokenVolume(pod, names);
    return std::nullopt;
}

}  // namespace podscape::admission
