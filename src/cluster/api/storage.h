// The storage.k8s.io group: StorageClass.
#pragma once

#include "cluster/api/object.h"

namespace podscape {

struct StorageClass : ObjectBase<StorageClass> {
    std::string provisioner;
    std::map<std::string, std::string> parameters;
    std::string reclaimPolicy = "Delete";                 // Delete | Retain
    std::string volumeBindingMode = "Immediate";          // Immediate | WaitForFirstConsumer
    bool allowVolumeExpansion = false;

    // storageclass.kubernetes.io/is-default-class: "true"
    bool isDefaultClass() const
    {
        auto it = metadata.annotations.find("storageclass.kubernetes.io/is-default-class");
        return it != metadata.annotations.end() && it->second == "true";
    }
};

}  // namespace podscape
