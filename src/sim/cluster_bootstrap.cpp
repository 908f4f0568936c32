#include "sim/cluster_bootstrap.h"

#include "sim/kube_apiserver.h"

namespace podscape {

namespace {

template <typename T> std::shared_ptr<T> make(const char *apiVersion, const char *kind, const std::string &name,
                                              const std::string &ns = {})
{
    auto obj = std::make_shared<T>();
    obj->apiVersion = apiVersion;
    obj->kind = kind;
    obj->metadata.name = name;
    obj->metadata.namespace_ = ns;
    return obj;
}

Quantity q(const char *text)
{
    return *Quantity::parse(text);
}

}  // namespace

void completeNode(Node &node, int index)
{
    auto &labels = node.metadata.labels;
    labels.try_emplace("kubernetes.io/hostname", node.metadata.name);
    labels.try_emplace("kubernetes.io/os", "linux");
    labels.try_emplace("kubernetes.io/arch", "amd64");
    labels.try_emplace("beta.kubernetes.io/os", "linux");
    labels.try_emplace("beta.kubernetes.io/arch", "amd64");
    if (node.spec.podCIDR.empty())
        node.spec.podCIDR = "10.244." + std::to_string(index) + ".0/24";
    if (node.spec.podCIDRs.empty())
        node.spec.podCIDRs = {node.spec.podCIDR};
    auto &st = node.status;
    if (st.capacity.empty())
        st.capacity = {{"cpu", q("4")}, {"memory", q("8Gi")}, {"pods", q("110")}, {"ephemeral-storage", q("100Gi")}};
    st.capacity.try_emplace("pods", q("110"));
    for (const auto &[r, v] : st.capacity)
        st.allocatable.try_emplace(r, v);
    bool hasIp = false;
    for (const auto &a : st.addresses)
        hasIp = hasIp || a.type == "InternalIP";
    if (!hasIp)
        st.addresses.insert(st.addresses.begin(), {"InternalIP", "172.18.0." + std::to_string(index + 2)});
    st.addresses.push_back({"Hostname", node.metadata.name});
    if (st.conditions.empty())
        st.conditions = {{"MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", 0},
                         {"DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", 0},
                         {"PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", 0},
                         {"Ready", "True", "KubeletReady", "kubelet is posting ready status", 0}};
    st.architecture = "amd64";
    st.operatingSystem = "linux";
    st.kubeletVersion = "v1.35.0";
}

std::vector<std::shared_ptr<Node>> defaultNodes()
{
    static const char *zones[] = {"zone-a", "zone-b", "zone-c"};
    std::vector<std::shared_ptr<Node>> nodes;
    for (int i = 0; i < 4; ++i) {
        auto node = make<Node>("v1", "Node", i == 0 ? "control-plane" : "worker-" + std::to_string(i));
        node->metadata.labels["topology.kubernetes.io/zone"] = zones[i == 0 ? 0 : (i - 1) % 3];
        if (i == 0) {
            node->metadata.labels["node-role.kubernetes.io/control-plane"] = "";
            node->spec.taints.push_back({"node-role.kubernetes.io/control-plane", "", "NoSchedule", {}});
        }
        completeNode(*node, i);
        nodes.push_back(node);
    }
    return nodes;
}

void bootstrapCluster(KubeApiServer &api, const std::vector<std::shared_ptr<Node>> &nodes)
{
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"})
        api.create(make<Namespace>("v1", "Namespace", ns), "kube-apiserver");
    for (const auto &node : nodes)
        api.create(node, "kubelet");

    auto standard = make<StorageClass>("storage.k8s.io/v1", "StorageClass", "standard");
    standard->provisioner = "rancher.io/local-path";
    standard->reclaimPolicy = "Delete";
    standard->volumeBindingMode = "WaitForFirstConsumer";
    standard->metadata.annotations["storageclass.kubernetes.io/is-default-class"] = "true";
    api.create(standard, "kube-apiserver");

    auto critical = make<PriorityClass>("scheduling.k8s.io/v1", "PriorityClass", "system-cluster-critical");
    critical->value = 2000000000;
    critical->description = "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.";
    api.create(critical, "kube-apiserver");
    auto nodeCritical = make<PriorityClass>("scheduling.k8s.io/v1", "PriorityClass", "system-node-critical");
    nodeCritical->value = 2000001000;
    nodeCritical->description = "Used for system critical pods that must not be moved from their current node.";
    api.create(nodeCritical, "kube-apiserver");

    // The API server's own Service; its endpoints are managed by the API server, not a selector.
    auto kubernetes = make<Service>("v1", "Service", "kubernetes", "default");
    kubernetes->metadata.labels = {{"component", "apiserver"}, {"provider", "kubernetes"}};
    kubernetes->spec.clusterIP = "10.96.0.1";
    ServicePort https;
    https.name = "https";
    https.port = 443;
    https.targetPort = IntOrString::fromInt(6443);
    https.hasTargetPort = true;
    kubernetes->spec.ports.push_back(https);
    api.create(kubernetes, "kube-apiserver");
}

}  // namespace podscape
