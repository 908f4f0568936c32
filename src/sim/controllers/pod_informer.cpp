#include "sim/controllers/pod_informer.h"

namespace podscape {

PodDelta PodInformer::observe(const WatchEvent &event)
{
    if (event.object->kind != "Pod")
        return {};
    return {byController_.observe(event), byNode_.observe(event)};
}

} // namespace podscape
