#include "sim/controllers/pods_by_node.h"

namespace podscape {

namespace {

const PodsByNode::Pods kNoPods;

} // namespace

PodsByNode::Change PodsByNode::observe(const WatchEvent &event)
{
    // The pod this index holds, by address first: most events are status updates of bound pods.
    auto known = nodeOf_.find(event.object.get());
    if (known != nodeOf_.end() && event.type != WatchEventType::Deleted)
        return Change::Updated; // spec.nodeName is set once (by the binding) and never changes after
    if (event.object->kind != "Pod" || !dynamic_cast<const Pod *>(event.object.get()))
        return Change::None;
    auto pod = std::static_pointer_cast<Pod>(event.object);
    if (event.type == WatchEventType::Deleted) {
        if (known == nodeOf_.end())
            return Change::None;
        auto group = byNode_.find(known->second);
        group->second.erase(pod->metadata.namespace_ + '/' + pod->metadata.name);
        if (group->second.empty())
            byNode_.erase(group);
        nodeOf_.erase(known);
        return Change::Removed;
    }
    if (pod->spec.nodeName.empty())
        return Change::None;
    byNode_[pod->spec.nodeName][pod->metadata.namespace_ + '/' + pod->metadata.name] = pod;
    nodeOf_.emplace(pod.get(), pod->spec.nodeName);
    return Change::Bound;
}

const PodsByNode::Pods &PodsByNode::on(const std::string &node) const
{
    auto it = byNode_.find(node);
    return it == byNode_.end() ? kNoPods : it->second;
}

std::vector<std::shared_ptr<Pod>> PodsByNode::podsOn(const std::string &node) const
{
    std::vector<std::shared_ptr<Pod>> out;
    for (const auto &[key, pod] : on(node))
        out.push_back(pod);
    return out;
}

} // namespace podscape
