// What kube-controller-manager runs: controllers that watch the store and reconcile on the
// virtual clock. Each controller lives in its own file, named after the Kubernetes controller it
// plays, and is registered in controller_manager.cpp.
#pragma once

#include "cluster/events.h"
#include "cluster/object_store.h"
#include "sim/controllers/pod_informer.h"
#include "sim/kube_apiserver.h"

#include <memory>
#include <vector>

namespace podscape {

// What a controller may use: the API server (its only way to write), the event recorder, the
// pod traces and the shared pod informer.
struct ControllerContext {
    KubeApiServer &api;
    EventRecorder &events;
    TraceRecorder &traces;
    const PodInformer &pods;
};

class Controller {
public:
    explicit Controller(ControllerContext ctx) : ctx_(ctx) {}
    virtual ~Controller() = default;
    // Every change in the store, after it happened (informers' event handlers), with what it
    // changed in the shared pod informer, which is already up to date.
    virtual void onWatch(const WatchEvent &event, const PodDelta &delta) = 0;

protected:
    KubeApiServer &api() { return ctx_.api; }
    SimClock &clock() { return ctx_.api.clock(); }
    ObjectStore &store() { return ctx_.api.store(); }
    const ObjectStore &store() const { return ctx_.api.store(); }
    const PodInformer &podInformer() const { return ctx_.pods; }
    void event(const Object &obj, const std::string &type, const std::string &reason, const std::string &message,
               const std::string &source)
    {
        ctx_.events.record({clock().now(), type, reason,
                            {obj.kind, obj.metadata.namespace_, obj.metadata.name, obj.metadata.uid, {}}, message,
                            source});
    }
    ControllerContext ctx_;
};

// kube-controller-manager: owns the controllers and the pod informer they share, and hands each
// controller every watch event.
class ControllerManager {
public:
    ControllerManager(KubeApiServer &api, EventRecorder &events, TraceRecorder &traces);
    ~ControllerManager();
    void onWatch(const WatchEvent &event);
    template <typename F> void forEach(F &&f) const
    {
        for (const auto &c : controllers_)
            f(static_cast<const Controller &>(*c));
    }
    // The first running controller of type T (for its status accessors), null if none; for
    // ReplicaSetController that is the ReplicaSet one (the ReplicationController one comes after).
    template <typename T> const T *find() const
    {
        for (const auto &c : controllers_)
            if (auto *t = dynamic_cast<const T *>(c.get()))
                return t;
        return nullptr;
    }
    template <typename T> T *find()
    {
        for (const auto &c : controllers_)
            if (auto *t = dynamic_cast<T *>(c.get()))
                return t;
        return nullptr;
    }

private:
    PodInformer pods_;
    std::vector<std::unique_ptr<Controller>> controllers_;
};

}  // namespace podscape
