// DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault/admission.go): a claim
// that names no class gets the default one (annotation storageclass.kubernetes.io/is-default-class).
#include "sim/admission/admission.h"

namespace podscape::admission {

void defaultStorageClass(PersistentVolumeClaim &claim, const ObjectStore &store)
{
    if (claim.spec.storageClassName)
        return;
    std::shared_ptr<StorageClass> chosen;
    for (const auto &cls : store.list<StorageClass>())
        if (cls->isDefaultClass() &&
            (!chosen || cls->metadata.creationTimestamp.value_or(0) > chosen->metadata.creationTimestamp.value_or(0)))
            chosen = cls;  // several defaults: the newest wins
    if (chosen)
        claim.spec.storageClassName = chosen->metadata.name;
}

}  // namespace podscape::admission
