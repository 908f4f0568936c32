#include "sim/persistent_volume_controller.h"

#include <algorithm>

namespace podscape {

namespace {

Quantity requestedStorage(const PersistentVolumeClaim &claim)
{
    auto it = claim.spec.resources.requests.find("storage");
    return it == claim.spec.resources.requests.end() ? Quantity() : it->second;
}

Quantity capacityOf(const PersistentVolume &pv)
{
    auto it = pv.spec.capacity.find("storage");
    return it == pv.spec.capacity.end() ? Quantity() : it->second;
}

bool hasAccessModes(const PersistentVolume &pv, const PersistentVolumeClaim &claim)
{
    for (const auto &mode : claim.spec.accessModes)
        if (std::find(pv.spec.accessModes.begin(), pv.spec.accessModes.end(), mode) == pv.spec.accessModes.end())
            return false;
    return true;
}

}  // namespace

PersistentVolumeController::PersistentVolumeController(KubeApiServer &api, EventRecorder &events)
    : api_(api), events_(events)
{
}

void PersistentVolumeController::event(const PersistentVolumeClaim &claim, const std::string &type,
                                       const std::string &reason, const std::string &message, const std::string &source)
{
    events_.record({api_.clock().now(), type, reason,
                    {"PersistentVolumeClaim", claim.metadata.namespace_, claim.metadata.name, claim.metadata.uid, {}},
                    message, source});
}

std::shared_ptr<StorageClass> PersistentVolumeController::classOf(const PersistentVolumeClaim &claim) const
{
    if (!claim.spec.storageClassName || claim.spec.storageClassName->empty())
        return nullptr;
    return api_.store().get<StorageClass>("", *claim.spec.storageClassName);
}

// findBestMatchForClaim: the smallest Available volume of the claim's class that is big enough,
// has its access modes and volume mode, matches its selector, and (WaitForFirstConsumer) suits the node.
std::shared_ptr<PersistentVolume> PersistentVolumeController::findVolume(const PersistentVolumeClaim &claim,
                                                                         const Node *node) const
{
    std::shared_ptr<PersistentVolume> best;
    std::string wantedClass = claim.spec.storageClassName.value_or("");
    for (const auto &pv : api_.store().list<PersistentVolume>()) {
        if (pv->spec.claimRef && (pv->spec.claimRef->name != claim.metadata.name ||
                                  pv->spec.claimRef->namespace_ != claim.metadata.namespace_))
            continue;
        if (pv->spec.storageClassName != wantedClass || !hasAccessModes(*pv, claim) ||
            pv->spec.volumeMode != claim.spec.volumeMode || capacityOf(*pv) < requestedStorage(claim))
            continue;
        if (claim.spec.selector && !claim.spec.selector->matches(pv->metadata.labels))
            continue;
        if (!claim.spec.volumeName.empty() && claim.spec.volumeName != pv->metadata.name)
            continue;
        if (node && pv->spec.nodeAffinity && !pv->spec.nodeAffinity->matches(node->metadata.labels, node->metadata.name))
            continue;
        if (!best || capacityOf(*pv) < capacityOf(*best))
            best = pv;
    }
    return best;
}

void PersistentVolumeController::bind(const std::shared_ptr<PersistentVolumeClaim> &claim,
                                      const std::shared_ptr<PersistentVolume> &volume)
{
    volume->spec.claimRef = ObjectReference{"PersistentVolumeClaim", claim->metadata.namespace_, claim->metadata.name,
                                            claim->metadata.uid};
    volume->phase = "Bound";
    api_.updateStatus(volume);
    claim->spec.volumeName = volume->metadata.name;
    claim->phase = "Bound";
    claim->capacity = volume->spec.capacity;
    api_.updateStatus(claim);
}

bool PersistentVolumeController::bindOrProvision(const std::shared_ptr<PersistentVolumeClaim> &claim, const Node *node)
{
    if (claim->phase == "Bound")
        return true;
    Busy guard(busy_);  // creating and binding a volume reports back through the watch
    if (auto volume = findVolume(*claim, node)) {
        bind(claim, volume);
        return true;
    }
    auto cls = classOf(*claim);
    if (!cls || cls->provisioner.empty() || cls->provisioner == "kubernetes.io/no-provisioner")
        return false;
    event(*claim, "Normal", "ExternalProvisioning",
          "Waiting for a volume to be created either by the external provisioner '" + cls->provisioner +
              "' or manually by the system administrator. If volume creation is delayed, please verify that the "
              "provisioner is running and correctly registered.");
    event(*claim, "Normal", "Provisioning",
          "External provisioner is provisioning volume for claim \"" + claim->metadata.namespace_ + "/" +
              claim->metadata.name + "\"",
          cls->provisioner);
    auto pv = std::make_shared<PersistentVolume>();
    pv->apiVersion = "v1";
    pv->kind = "PersistentVolume";
    pv->metadata.name = "pvc-" + claim->metadata.uid;
    pv->metadata.annotations["pv.kubernetes.io/provisioned-by"] = cls->provisioner;
    pv->spec.capacity["storage"] = requestedStorage(*claim);
    pv->spec.accessModes = claim->spec.accessModes;
    pv->spec.persistentVolumeReclaimPolicy = cls->reclaimPolicy;
    pv->spec.storageClassName = cls->metadata.name;
    pv->spec.volumeMode = claim->spec.volumeMode;
    pv->spec.sourceType = "hostPath";
    if (node) {  // a local volume lives on the node the pod was scheduled to
        NodeSelectorTerm term;
        term.matchExpressions.push_back({"kubernetes.io/hostname", SelectorOperator::In, {node->metadata.name}});
        pv->spec.nodeAffinity = NodeSelector{{term}};
    }
    pv->spec.claimRef = ObjectReference{"PersistentVolumeClaim", claim->metadata.namespace_, claim->metadata.name,
                                        claim->metadata.uid};
    if (!api_.create(pv, "persistentvolume-controller").ok())
        return false;
    event(*claim, "Normal", "ProvisioningSucceeded", "Successfully provisioned volume " + pv->metadata.name,
          cls->provisioner);
    bind(claim, pv);
    return true;
}

// IsVolumeBoundToClaim: a volume whose claimRef names this claim (and its uid, if set) is bound
// to it whatever the binding mode, even before a consumer exists.
std::shared_ptr<PersistentVolume> PersistentVolumeController::preBoundVolume(const PersistentVolumeClaim &claim) const
{
    for (const auto &pv : api_.store().list<PersistentVolume>()) {
        const auto &ref = pv->spec.claimRef;
        if (ref && ref->name == claim.metadata.name && ref->namespace_ == claim.metadata.namespace_ &&
            (ref->uid.empty() || ref->uid == claim.metadata.uid) && pv->phase != "Bound")
            return pv;
    }
    return nullptr;
}

void PersistentVolumeController::claimChanged(const std::shared_ptr<PersistentVolumeClaim> &claim)
{
    if (claim->phase == "Bound" || busy_)
        return;
    auto cls = classOf(*claim);
    if (cls && cls->volumeBindingMode == "WaitForFirstConsumer") {
        if (!claim->spec.volumeName.empty())
            return;
        if (auto pv = preBoundVolume(*claim)) {  // findMatchingVolume: a pre-bound PV binds at once
            Busy guard(busy_);
            bind(claim, pv);
            return;
        }
        event(*claim, "Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
        return;
    }
    if (!bindOrProvision(claim, nullptr) && !cls)
        event(*claim, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set");
}

void PersistentVolumeController::volumeChanged(const std::shared_ptr<PersistentVolume> &volume)
{
    if (volume->phase == "Pending")
        volume->phase = "Available";
    if (busy_)
        return;
    Busy guard(busy_);
    for (const auto &claim : api_.store().list<PersistentVolumeClaim>()) {
        auto cls = classOf(*claim);
        if (claim->phase == "Bound")
            continue;
        if (!(cls && cls->volumeBindingMode == "WaitForFirstConsumer"))
            bindOrProvision(claim, nullptr);
        else if (auto pv = preBoundVolume(*claim))
            bind(claim, pv);
    }
}

void PersistentVolumeController::bindPodClaims(const Pod &pod, const Node &node)
{
    for (const auto &vol : pod.spec.volumes) {
        if (vol.type != Volume::Type::PersistentVolumeClaim)
            continue;
        if (auto claim = api_.store().get<PersistentVolumeClaim>(pod.metadata.namespace_, vol.sourceName))
            bindOrProvision(claim, &node);
    }
}

}  // namespace podscape
