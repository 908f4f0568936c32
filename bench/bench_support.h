// What the benchmarks share: the JSON line each figure is printed as, and the node they run on.
#pragma once

#include "cluster/object_store.h"

#include <cstdio>
#include <memory>
#include <string>

namespace podscape::bench {

// One figure: {"name": ..., "value": ..., "unit": ...} on its own line.
inline void printFigure(const std::string &name, double value, const char *unit)
{
    std::printf("{\"name\": \"%s\", \"value\": %.2f, \"unit\": \"%s\"}\n", name.c_str(), value, unit);
    std::fflush(stdout);
}

// node-1000, node-1001, ...: 32 CPUs, 128 GiB, 110 pods, in one of three zones.
inline std::shared_ptr<Node> largeNode(int i)
{
    auto node = std::make_shared<Node>();
    node->apiVersion = "v1";
    node->kind = "Node";
    node->metadata.name = "node-" + std::to_string(1000 + i);
    node->metadata.labels["topology.kubernetes.io/zone"] = "zone-" + std::to_string(i % 3);
    node->status.capacity = {{"cpu", *Quantity::parse("32")}, {"memory", *Quantity::parse("128Gi")},
                             {"pods", *Quantity::parse("110")}};
    return node;
}

// What `kubectl create deployment app-N --image=nginx --replicas=R` gives, with requests.
inline std::shared_ptr<Deployment> makeDeployment(int i, int replicas)
{
    auto d = std::make_shared<Deployment>();
    d->apiVersion = "apps/v1";
    d->kind = "Deployment";
    d->metadata.name = "app-" + std::to_string(i);
    d->metadata.labels = {{"app", d->metadata.name}};
    d->spec.replicas = replicas;
    d->spec.selector = LabelSelector{{{"app", d->metadata.name}}, {}};
    d->spec.template_.metadata.labels = {{"app", d->metadata.name}};
    Container c;
    c.name = "nginx";
    c.image = "nginx:1.27";
    c.resources.requests = {{"cpu", *Quantity::parse("100m")}, {"memory", *Quantity::parse("64Mi")}};
    d->spec.template_.spec.containers.push_back(c);
    return d;
}

}  // namespace podscape::bench
