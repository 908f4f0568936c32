// libFuzzer target: any bytes as an actions file (DESIGN 4). The parser must answer with actions
// and file:line:col errors; the actions it accepts are then played on a small cluster (a
// Deployment behind a PodDisruptionBudget and a Service, a bare pod, a Job), so evict, drain,
// node failure, kill, scale and delete run against live objects. No crash, sanitizer report,
// leak or hang, whatever the steps.
#include "manifest/loader.h"
#include "sim/actions.h"
#include "sim/simulation.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

using namespace podscape;

namespace {

const char *const kCluster = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        resources: {requests: {cpu: 100m, memory: 64Mi}}
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-pdb}
spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Pod
metadata: {name: solo, labels: {app: solo}}
spec: {containers: [{name: main, image: busybox:1.36, command: [sleep, "30"]}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: job, image: busybox:1.36, command: [sh, -c, "exit 1"]}]
)";

// What one input may cost (under ASan, some 15 ms of CPU to start the cluster, a few ms per virtual
// minute): the fuzzer wants many runs per second, not a load test. The cluster runs until
// kSettle after the last step, never past kHorizon (steps after it never run); a scale beyond
// kMaxReplicas is a legitimately big cluster, not a bug, so it is capped.
constexpr double kHorizon = 400;  // a failed node's pods leave after 50 s + 300 s
constexpr double kSettle = 60;    // a failed node is NotReady after 50 s; drain retries every 5 s
constexpr std::size_t kMaxActions = 32;
constexpr int kMaxReplicas = 10;

std::vector<ObjectPtr> loadCluster()
{
    LoaderOptions options;
    options.threads = 1;
    options.validate = false;  // as `podscape simulate`: the API server validates
    return ManifestLoader(options).loadText(kCluster, "cluster.yaml").objects;
}

// `apply` names a file; reading whatever path the input names (/dev/zero) is not what this
// target tests (the loader has its own), so each apply re-applies the cluster's manifests.
void scheduleApplies(Simulation &sim, const ActionsFile &file)
{
    std::size_t scheduled = 0;
    for (const Action &a : file.actions)
        if (a.type == Action::Type::Apply && a.at <= kHorizon && scheduled++ < kMaxActions)
            sim.clock().at(a.at, [&sim] { sim.apply(loadCluster()); });
}

ActionsFile playable(const ActionsFile &parsed)
{
    ActionsFile out;
    for (const Action &a : parsed.actions) {
        if (out.actions.size() == kMaxActions)
            break;
        if (a.type == Action::Type::Apply || a.at > kHorizon)
            continue;
        out.actions.push_back(a);
        out.actions.back().replicas = std::min(a.replicas, kMaxReplicas);
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ActionsFile parsed =
        parseActions(std::string(reinterpret_cast<const char *>(data), size), "actions.yaml", "/nonexistent");
    for (const Diagnostic &e : parsed.errors)
        (void)e.toString();
    if (parsed.actions.empty())
        return 0;
    Simulation sim;
    sim.start(loadCluster());
    std::vector<Diagnostic> problems;
    scheduleActions(sim, playable(parsed), problems);
    scheduleApplies(sim, parsed);
    sim.runUntil(std::min(kHorizon, parsed.actions.back().at + kSettle));
    return 0;
}
