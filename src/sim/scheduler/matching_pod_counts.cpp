#include "sim/scheduler/matching_pod_counts.h"

#include <algorithm>

namespace podscape::sched {

namespace {

// Bounds the memory of selections of workloads long gone; past it, counting starts afresh.
constexpr std::size_t kMaxSelections = 4096;

void appendLabelKey(std::string &out, std::string_view ns, std::string_view key, std::string_view value)
{
    out.assign(ns).append("\x1f").append(key).append("\x1f").append(value);
}

} // namespace

bool PodSelection::matches(const Pod &pod) const
{
    if (pod.metadata.namespace_ != namespace_ || !selector.matches(pod.metadata.labels))
        return false;
    for (const auto &[k, v] : labels) {
        auto it = pod.metadata.labels.find(k);
        if (it == pod.metadata.labels.end() || it->second != v)
            return false;
    }
    return true;
}

std::string PodSelection::key() const
{
    std::string key = namespace_;
    for (const auto &[k, v] : selector.matchLabels)
        key.append("\x1e").append(k).append("\x1f").append(v);
    for (const auto &r : selector.matchExpressions) {
        key.append("\x1d").append(r.key).append("\x1f").push_back(char('0' + int(r.op)));
        for (const auto &v : r.values)
            key.append("\x1f").append(v);
    }
    for (const auto &[k, v] : labels)
        key.append("\x1c").append(k).append("\x1f").append(v);
    return key;
}

// Of the labels every matching pod must carry (matchLabels, In/= requirements of one value, the
// exact labels), the one fewest pods have; null when the selection requires none.
MatchingPodCounts::Label *MatchingPodCounts::requiredLabel(const PodSelection &s)
{
    std::string rarest;
    std::int32_t fewest = -1;
    auto consider = [&](std::string_view key, std::string_view value) {
        appendLabelKey(scratch_, s.namespace_, key, value);
        auto it = labels_.find(scratch_);
        const std::int32_t pods = it == labels_.end() ? 0 : it->second.pods;
        if (fewest < 0 || pods < fewest) {
            fewest = pods;
            rarest = scratch_;
        }
    };
    for (const auto &[k, v] : s.selector.matchLabels)
        consider(k, v);
    for (const auto &r : s.selector.matchExpressions) {
        const bool equality =
            r.op == SelectorOperator::In || r.op == SelectorOperator::Equals || r.op == SelectorOperator::DoubleEquals;
        if (equality && r.values.size() == 1)
            consider(r.key, r.values.front());
    }
    for (const auto &[k, v] : s.labels)
        consider(k, v);
    return fewest < 0 ? nullptr : &labels_[rarest];
}

const std::vector<std::int32_t> &MatchingPodCounts::counts(const PodSelection &selection,
                                                           std::span<const NodeInfo> nodes)
{
    std::string key = selection.key();
    if (auto it = byKey_.find(key); it != byKey_.end())
        return selections_[it->second]->perNode;
    if (selections_.size() >= kMaxSelections)
        clear();
    auto counted = std::make_unique<Counted>(Counted{selection, std::vector<std::int32_t>(nodes.size(), 0)});
    const auto id = static_cast<std::uint32_t>(selections_.size());
    Label *required = requiredLabel(selection);
    if (!required || required->pods > 0)
        for (const auto &node : nodes)
            for (const auto &p : node.pods)
                if (!p.terminating && selection.matches(*p.pod))
                    ++counted->perNode[node.index];
    if (required)
        required->selections.push_back(id);
    else
        unindexedByNamespace_[selection.namespace_].push_back(id);
    selections_.push_back(std::move(counted));
    byKey_.emplace(std::move(key), id);
    return selections_[id]->perNode;
}

void MatchingPodCounts::podChanged(const Pod &pod, std::size_t nodeIndex, int delta)
{
    auto apply = [&](const std::vector<std::uint32_t> &ids) {
        for (std::uint32_t id : ids) {
            Counted &c = *selections_[id];
            if (nodeIndex < c.perNode.size() && c.selection.matches(pod))
                c.perNode[nodeIndex] += delta;
        }
    };
    const std::string &ns = pod.metadata.namespace_;
    for (const auto &[k, v] : pod.metadata.labels) {
        appendLabelKey(scratch_, ns, k, v);
        auto it = labels_.find(scratch_);
        if (it == labels_.end()) {
            if (delta < 0)
                continue;
            it = labels_.emplace(scratch_, Label{}).first;
        }
        it->second.pods += delta;
        apply(it->second.selections);
        if (it->second.pods <= 0 && it->second.selections.empty())
            labels_.erase(it); // per-pod labels (a StatefulSet pod's name) would pile up
    }
    if (auto it = unindexedByNamespace_.find(ns); it != unindexedByNamespace_.end())
        apply(it->second);
}

void MatchingPodCounts::nodeInserted(std::size_t nodeIndex)
{
    for (auto &c : selections_)
        c->perNode.insert(c->perNode.begin() + static_cast<std::ptrdiff_t>(std::min(nodeIndex, c->perNode.size())), 0);
}

void MatchingPodCounts::nodeRemoved(std::size_t nodeIndex)
{
    for (auto &c : selections_)
        if (nodeIndex < c->perNode.size())
            c->perNode.erase(c->perNode.begin() + static_cast<std::ptrdiff_t>(nodeIndex));
}

void MatchingPodCounts::clear()
{
    selections_.clear();
    byKey_.clear();
    unindexedByNamespace_.clear();
    for (auto it = labels_.begin(); it != labels_.end();) {
        it->second.selections.clear();
        it = it->second.pods > 0 ? std::next(it) : labels_.erase(it);
    }
}

} // namespace podscape::sched
