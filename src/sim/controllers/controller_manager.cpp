#include "sim/controllers/controller.h"

namespace podscape {

// Controllers register here, in the order kube-controller-manager starts them.
ControllerManager::ControllerManager(ControllerContext ctx)
{
    (void)ctx;
}

ControllerManager::~ControllerManager() = default;

void ControllerManager::onWatch(const WatchEvent &event)
{
    for (auto &c : controllers_)
        c->onWatch(event);
}

}  // namespace podscape
