#include "sim/scheduler/helpers.h"

namespace podscape::sched {

bool toleratesTaint(const Toleration &t, const Taint &taint)
{
    if (!t.effect.empty() && t.effect != taint.effect)
        return false;
    if (!t.key.empty() && t.key != taint.key)
        return false;
    if (t.operator_.empty() || t.operator_ == "Equal")
        return t.value == taint.value;
    return t.operator_ == "Exists";
}

bool tolerationsTolerateTaint(const std::vector<Toleration> &tolerations, const Taint &taint)
{
    for (const auto &t : tolerations)
        if (toleratesTaint(t, taint))
            return true;
    return false;
}

const Taint *findUntoleratedDoNotScheduleTaint(const std::vector<Taint> &taints, const std::vector<Toleration> &tolerations)
{
    for (const auto &taint : taints) {
        if (taint.effect != "NoSchedule" && taint.effect != "NoExecute")
            continue;
        if (!tolerationsTolerateTaint(tolerations, taint))
            return &taint;
    }
    return nullptr;
}

const NodeSelector *requiredNodeSelector(const Pod &pod)
{
    const auto &affinity = pod.spec.affinity;
    return affinity && affinity->nodeAffinity && affinity->nodeAffinity->required ? &*affinity->nodeAffinity->required
                                                                                  : nullptr;
}

bool hasRequiredNodeAffinity(const Pod &pod)
{
    return !pod.spec.nodeSelector.empty() || requiredNodeSelector(pod);
}

bool matchesRequiredNodeAffinity(const Pod &pod, const Node &node)
{
    const Labels &labels = node.metadata.labels;
    for (const auto &[key, value] : pod.spec.nodeSelector) {
        auto it = labels.find(key);
        if (it == labels.end() || it->second != value)
            return false;
    }
    const NodeSelector *required = requiredNodeSelector(pod);
    return !required || required->matches(labels, node.metadata.name);
}

void defaultNormalizeScore(std::int64_t maxPriority, bool reverse, std::span<std::int64_t> scores)
{
    std::int64_t maxCount = 0;
    for (auto s : scores)
        maxCount = std::max(maxCount, s);
    if (maxCount == 0) {
        if (reverse)
            for (auto &s : scores)
                s = maxPriority;
        return;
    }
    for (auto &s : scores) {
        std::int64_t v = maxPriority * s / maxCount;
        s = reverse ? maxPriority - v : v;
    }
}

// --- DomainCounts / TopologyCounter -----------------------------------------------------------

void DomainCounts::reset(std::string_view key, const DomainIndex &index)
{
    key_ = key;
    index_ = &index;
    counts_.assign(index.count(), 0);
    nonZero_ = 0;
}

void DomainCounts::add(std::int32_t domain, std::int64_t delta)
{
    if (domain < 0 || delta == 0)
        return;
    auto &c = counts_[static_cast<std::size_t>(domain)];
    const bool wasZero = c == 0;
    c += delta;
    if (wasZero && c != 0)
        ++nonZero_;
    else if (!wasZero && c == 0)
        --nonZero_;
}

DomainCounts &TopologyCounter::forKey(const std::string &key, const ClusterSnapshot &snapshot)
{
    for (std::size_t i = 0; i < used_; ++i)
        if (entries_[i].key() == key)
            return entries_[i];
    if (used_ == entries_.size())
        entries_.emplace_back();
    DomainCounts &c = entries_[used_++];
    c.reset(key, snapshot.domains(key));
    return c;
}

const DomainCounts *TopologyCounter::find(std::string_view key) const
{
    for (std::size_t i = 0; i < used_; ++i)
        if (entries_[i].key() == key)
            return &entries_[i];
    return nullptr;
}

std::size_t TopologyCounter::nonZero() const
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < used_; ++i)
        n += entries_[i].nonZero();
    return n;
}

}  // namespace podscape::sched
