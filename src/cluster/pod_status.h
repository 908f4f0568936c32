// How kubectl shows a pod: the STATUS column, READY and RESTARTS
// (pkg/printers/internalversion/printers.go, printPod).
#pragma once

#include "cluster/api/core.h"

#include <string>

namespace podscape {

std::string kubectlPodStatus(const Pod &pod);
std::string kubectlReadyColumn(const Pod &pod);  // "2/2" (sidecars count)
int totalRestarts(const Pod &pod);
bool isPodReady(const Pod &pod);                 // the Ready condition is True
const PodCondition *findCondition(const Pod &pod, const std::string &type);
// Sets (or replaces) a condition; returns true when its status changed.
bool setCondition(Pod &pod, const std::string &type, const std::string &status, double now,
                  const std::string &reason = {}, const std::string &message = {});

}  // namespace podscape
