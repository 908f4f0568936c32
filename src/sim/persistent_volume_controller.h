// The PersistentVolume controller with the external provisioner of the default StorageClass
// (pkg/controller/volume/persistentvolume): claims bind to the smallest matching volume, or get
// one provisioned through their StorageClass; WaitForFirstConsumer claims wait until the
// scheduler has picked a node for their first pod (VolumeBinding's PreBind), and their volume
// is then tied to that node.
#pragma once

#include "cluster/events.h"
#include "sim/kube_apiserver.h"

namespace podscape {

class PersistentVolumeController {
public:
    PersistentVolumeController(KubeApiServer &api, EventRecorder &events);

    void claimChanged(const std::shared_ptr<PersistentVolumeClaim> &claim);
    void volumeChanged(const std::shared_ptr<PersistentVolume> &volume);
    // VolumeBinding PreBind: bind (or provision) the pod's unbound claims for the chosen node.
    void bindPodClaims(const Pod &pod, const Node &node);

private:
    std::shared_ptr<StorageClass> classOf(const PersistentVolumeClaim &claim) const;
    std::shared_ptr<PersistentVolume> preBoundVolume(const PersistentVolumeClaim &claim) const;
    std::shared_ptr<PersistentVolume> findVolume(const PersistentVolumeClaim &claim, const Node *node) const;
    bool bindOrProvision(const std::shared_ptr<PersistentVolumeClaim> &claim, const Node *node);
    void bind(const std::shared_ptr<PersistentVolumeClaim> &claim, const std::shared_ptr<PersistentVolume> &volume);
    void event(const PersistentVolumeClaim &claim, const std::string &type, const std::string &reason,
               const std::string &message, const std::string &source = "persistentvolume-controller");

    struct Busy {
        explicit Busy(bool &flag) : flag_(flag), was_(flag) { flag_ = true; }
        ~Busy() { flag_ = was_; }
        bool &flag_;
        bool was_;
    };

    KubeApiServer &api_;
    EventRecorder &events_;
    bool busy_ = false;  // our own writes come back through the watch: do not react to them
};

}  // namespace podscape
