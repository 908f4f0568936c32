#include "cluster/api/core.h"

namespace podscape {

std::string Volume::typeName() const
{
    switch (type) {
    case Type::EmptyDir: return "emptyDir";
    case Type::ConfigMap: return "configMap";
    case Type::Secret: return "secret";
    case Type::Projected: return "projected";
    case Type::DownwardAPI: return "downwardAPI";
    case Type::HostPath: return "hostPath";
    case Type::PersistentVolumeClaim: return "persistentVolumeClaim";
    case Type::Ephemeral: return "ephemeral";
    case Type::Other: return otherType;
    }
    return otherType;
}

}  // namespace podscape
