// What a container's process does once started, read from its spec: Podscape runs no images, so
// the command decides. Documented rules (README "Simulated containers"):
//   - annotation podscape.io/run-seconds: "N" on the pod (every container) or
//     podscape.io/run-seconds.<container>: "N" runs for N seconds; "forever" never exits;
//     podscape.io/exit-code[.<container>]: "N" sets the exit code (default 0);
//   - otherwise a `sleep N` in command/args runs N seconds (summed if several; `sleep infinity` never
//     exits), and an `exit N` sets the exit code;
//   - a shell one-liner (`sh -c ...`) of short commands only (echo, date, cp, ...) and without
//     sleep, loop or exec finishes almost at once (one that starts a script or a server serves);
//   - so does an init container (not a sidecar), and a Job's container, whatever it runs;
//   - anything else (an image's own entrypoint, a server binary) runs until stopped.
// A few well-known tools also write to the API server when they succeed (apiWritesOnSuccess):
//   - kube-webhook-certgen `create --secret-name=S [--namespace=N]` creates the Secret S with the
//     keys ca, cert and key (ingress-nginx and many charts wait for it before their webhook starts).
#pragma once

#include "cluster/api/core.h"

#include <optional>
#include <vector>

namespace podscape {

struct ContainerBehaviour {
    std::optional<double> runSeconds;  // nullopt: runs until stopped
    int exitCode = 0;
};

ContainerBehaviour behaviourOf(const Pod &pod, const Container &container);

// The objects the container creates through the API server when it exits 0.
std::vector<ObjectPtr> apiWritesOnSuccess(const Pod &pod, const Container &container);

}  // namespace podscape
