// Builders for the scheduler tests, in the spirit of Kubernetes' st.MakePod() / st.MakeNode()
// (pkg/scheduler/testing/wrappers.go).
#pragma once

#include "cluster/object_store.h"
#include "sim/scheduler/schedule_one.h"

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace schedtest {

using namespace podscape;
using Requests = std::initializer_list<std::pair<const char *, const char *>>;

inline Quantity q(const char *text)
{
    return *Quantity::parse(text);
}

inline ResourceList resources(Requests list)
{
    ResourceList out;
    for (const auto &[name, value] : list)
        out[name] = q(value);
    return out;
}

struct NodeBuilder {
    std::shared_ptr<Node> node = std::make_shared<Node>();

    explicit NodeBuilder(const std::string &name)
    {
        node->kind = "Node";
        node->metadata.name = name;
    }
    // st.MakeNode().Capacity: capacity and allocatable.
    NodeBuilder &capacity(Requests list)
    {
        node->status.capacity = resources(list);
        node->status.allocatable = node->status.capacity;
        return *this;
    }
    NodeBuilder &label(const std::string &k, const std::string &v)
    {
        node->metadata.labels[k] = v;
        return *this;
    }
    NodeBuilder &taint(const std::string &k, const std::string &v, const std::string &effect)
    {
        node->spec.taints.push_back({k, v, effect, std::nullopt});
        return *this;
    }
    NodeBuilder &unschedulable()
    {
        node->spec.unschedulable = true;
        return *this;
    }
    NodeBuilder &image(std::vector<std::string> names, std::int64_t sizeBytes)
    {
        node->status.images.push_back({std::move(names), sizeBytes});
        return *this;
    }
    std::shared_ptr<Node> obj() const { return node; }
};

struct PodBuilder {
    std::shared_ptr<Pod> pod = std::make_shared<Pod>();

    explicit PodBuilder(const std::string &name, const std::string &ns = "default")
    {
        pod->kind = "Pod";
        pod->metadata.name = name;
        pod->metadata.namespace_ = ns;
        pod->metadata.uid = ns + "/" + name;
    }
    PodBuilder &label(const std::string &k, const std::string &v)
    {
        pod->metadata.labels[k] = v;
        return *this;
    }
    // st.MakePod().Req: one more container with these requests.
    PodBuilder &req(Requests list, const std::string &image = "")
    {
        Container c;
        c.name = "c" + std::to_string(pod->spec.containers.size());
        c.image = image;
        c.resources.requests = resources(list);
        pod->spec.containers.push_back(c);
        return *this;
    }
    PodBuilder &image(const std::string &image) { return req({}, image); }
    PodBuilder &initReq(Requests list, bool sidecar = false, const std::string &image = "")
    {
        Container c;
        c.name = "init" + std::to_string(pod->spec.initContainers.size());
        c.image = image;
        c.resources.requests = resources(list);
        if (sidecar)
            c.restartPolicy = "Always";
        pod->spec.initContainers.push_back(c);
        return *this;
    }
    PodBuilder &hostPort(std::int32_t port, const std::string &protocol = "TCP", const std::string &ip = "")
    {
        if (pod->spec.containers.empty())
            req({});
        pod->spec.containers.back().ports.push_back({"", port, port, ip, protocol});
        return *this;
    }
    PodBuilder &node(const std::string &name)
    {
        pod->spec.nodeName = name;
        return *this;
    }
    PodBuilder &priority(std::int32_t p)
    {
        pod->spec.priority = p;
        return *this;
    }
    PodBuilder &toleration(const std::string &k, const std::string &op, const std::string &v, const std::string &effect)
    {
        pod->spec.tolerations.push_back({k, op, v, effect, std::nullopt});
        return *this;
    }
    PodBuilder &nodeSelector(const std::string &k, const std::string &v)
    {
        pod->spec.nodeSelector[k] = v;
        return *this;
    }
    Affinity &affinity()
    {
        if (!pod->spec.affinity)
            pod->spec.affinity = Affinity{};
        return *pod->spec.affinity;
    }
    PodBuilder &claim(const std::string &volume, const std::string &claimName)
    {
        Volume v;
        v.name = volume;
        v.type = Volume::Type::PersistentVolumeClaim;
        v.sourceName = claimName;
        pod->spec.volumes.push_back(v);
        return *this;
    }
    std::shared_ptr<Pod> obj() const { return pod; }
};

// A LabelSelector with matchLabels.
inline LabelSelector selector(std::initializer_list<std::pair<std::string, std::string>> labels)
{
    LabelSelector s;
    for (const auto &[k, v] : labels)
        s.matchLabels[k] = v;
    return s;
}

inline LabelSelectorRequirement requirement(const std::string &key, SelectorOperator op, std::vector<std::string> values = {})
{
    return {key, op, std::move(values)};
}

inline PodAffinityTerm term(LabelSelector s, const std::string &topologyKey)
{
    PodAffinityTerm t;
    t.labelSelector = std::move(s);
    t.topologyKey = topologyKey;
    return t;
}

// A snapshot of the nodes with the pods bound to the nodes named in their spec.nodeName.
inline sched::ClusterSnapshot snapshotOf(const std::vector<std::shared_ptr<Node>> &nodes,
                                         const std::vector<std::shared_ptr<Pod>> &pods = {},
                                         const ObjectStore *store = nullptr)
{
    sched::ClusterSnapshot s(store);
    for (const auto &n : nodes)
        s.setNode(n);
    for (const auto &p : pods)
        s.addPod(p);
    return s;
}

inline std::vector<std::int64_t> scores(std::initializer_list<std::int64_t> list)
{
    return list;
}

}  // namespace schedtest
