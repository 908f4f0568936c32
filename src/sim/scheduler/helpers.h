// Helpers several plugins share:
//   component-helpers/scheduling/corev1 (TolerationsTolerateTaint, FindMatchingUntoleratedTaint)
//   component-helpers/scheduling/corev1/nodeaffinity (GetRequiredNodeAffinity(...).Match)
//   pkg/scheduler/framework/plugins/helper (DefaultNormalizeScore)
//   topologyToMatchedTermCount (interpodaffinity) / TpPairToMatchNum (podtopologyspread)
#pragma once

#include "sim/scheduler/cluster_snapshot.h"

#include <span>
#include <string_view>
#include <vector>

namespace podscape::sched {

// v1.Toleration.ToleratesTaint.
bool toleratesTaint(const Toleration &toleration, const Taint &taint);
bool tolerationsTolerateTaint(const std::vector<Toleration> &tolerations, const Taint &taint);
// FindMatchingUntoleratedTaint with DoNotScheduleTaintsFilterFunc (NoSchedule, NoExecute).
const Taint *findUntoleratedDoNotScheduleTaint(const std::vector<Taint> &taints, const std::vector<Toleration> &tolerations);

// The pod's requiredDuringSchedulingIgnoredDuringExecution node selector, null if none.
const NodeSelector *requiredNodeSelector(const Pod &pod);
// Whether GetRequiredNodeAffinity(pod) holds anything: a spec.nodeSelector or a required node
// affinity. Without either, every node matches.
bool hasRequiredNodeAffinity(const Pod &pod);
// nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): spec.nodeSelector and the required node
// affinity.
bool matchesRequiredNodeAffinity(const Pod &pod, const Node &node);

// helper.DefaultNormalizeScore.
void defaultNormalizeScore(std::int64_t maxPriority, bool reverse, std::span<std::int64_t> scores);

// Counts per topology domain of one key (a topologyToMatchedTermCount for one key), dense over
// the key's domains. Tracks how many domains are non-zero (len() of the Go map).
class DomainCounts {
public:
    void reset(std::string_view key, const DomainIndex &index);
    std::string_view key() const { return key_; }
    const DomainIndex &index() const { return *index_; }
    std::int64_t at(std::int32_t domain) const { return domain < 0 ? 0 : counts_[static_cast<std::size_t>(domain)]; }
    // The node's count, 0 when the node lacks the key.
    std::int64_t atNode(std::uint32_t nodeIndex) const { return at(index_->nodeDomain[nodeIndex]); }
    void add(std::int32_t domain, std::int64_t delta);
    std::size_t nonZero() const { return nonZero_; }

private:
    std::string_view key_;
    const DomainIndex *index_ = nullptr;
    std::vector<std::int64_t> counts_;
    std::size_t nonZero_ = 0;
};

// DomainCounts for the few topology keys one pod refers to. Keys view strings of the pod specs,
// which outlive the scheduling cycle.
class TopologyCounter {
public:
    void clear() { used_ = 0; }
    DomainCounts &forKey(const std::string &key, const ClusterSnapshot &snapshot);
    const DomainCounts *find(std::string_view key) const;
    std::span<const DomainCounts> keys() const { return {entries_.data(), used_}; }
    std::size_t nonZero() const;  // len(topologyToMatchedTermCount)

private:
    std::vector<DomainCounts> entries_;  // reused; the first used_ are live
    std::size_t used_ = 0;
};

}  // namespace podscape::sched
