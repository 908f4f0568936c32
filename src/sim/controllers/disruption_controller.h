// The disruption controller (pkg/controller/disruption/disruption.go): keeps every
// PodDisruptionBudget's status current (expectedPods, desiredHealthy, currentHealthy,
// disruptionsAllowed, disruptedPods and the DisruptionAllowed condition), which the eviction
// subresource reads to allow or refuse an eviction.
#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/controller_utils.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace podscape {

class DisruptionController : public Controller {
public:
    explicit DisruptionController(ControllerContext ctx);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

    static constexpr const char *kComponent = "controllermanager";
    // DeletionTimeout: how long an eviction the API server allowed may take to show up as a
    // terminating pod before the budget counts the pod as healthy again.
    static constexpr double kDeletionTimeout = 120;

private:
    using PodPtr = std::shared_ptr<Pod>;
    using BudgetPtr = std::shared_ptr<PodDisruptionBudget>;
    struct ExpectedCount {
        std::int32_t expected = 0;
        std::int32_t desiredHealthy = 0;
        std::vector<std::string> unmanagedPods;
    };

    void sync(const std::string &key);
    void budgetChanged(const WatchEvent &event);
    void podChanged(const WatchEvent &event);
    void workloadScaled(const Object &workload);
    void rebuildMembers(const PodDisruptionBudget &pdb);
    std::vector<PodPtr> podsOf(const std::string &key) const;
    std::optional<ExpectedCount> expectedPodCount(const PodDisruptionBudget &pdb, const std::vector<PodPtr> &pods,
                                                  std::string &error) const;
    std::optional<std::int32_t> expectedScale(const std::vector<PodPtr> &pods, std::vector<std::string> &unmanaged,
                                              std::string &error) const;
    std::optional<std::pair<std::string, std::int32_t>> controllerScale(const Pod &pod) const;
    std::map<std::string, double> disruptedPodMap(const PodDisruptionBudget &pdb, const std::vector<PodPtr> &pods,
                                                  std::optional<double> &recheck);
    void writeStatus(const BudgetPtr &pdb, std::int32_t healthy, const ExpectedCount &count,
                     std::map<std::string, double> disrupted);
    void failSafe(const BudgetPtr &pdb);
    // Records an event once per distinct message, as Kubernetes' aggregation shows repeats once.
    void eventOnce(const Object &obj, const std::string &type, const std::string &reason, const std::string &message);

    WorkQueue queue_;
    // "ns/name" of each budget → the keys of the pods its selector matches (the informer index).
    std::map<std::string, std::set<std::string>> members_;
    std::map<std::string, std::set<std::string>> budgetsIn_; // namespace → budget names
    std::map<std::string, std::string> lastEvent_;           // "ns/name/reason" → message
};

} // namespace podscape
