// How many pods of each node match a label selector, kept exact as the snapshot's pods come and
// go. PodTopologySpread's countPodsMatchSelector asks this of every node for every pod it
// scores (the system default constraints apply to every pod of a Deployment); kube-scheduler
// recounts on 16 goroutines, one thread here keeps the counts instead. A selection is counted the
// first time it is asked for (at no cost when no pod has its rarest required label, as for a new
// ReplicaSet's pods), then updated pod by pod.
#pragma once

#include "manifest/label_selector.h"
#include "sim/scheduler/framework.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace podscape::sched {

// The pods of one namespace that match a selector and carry some exact labels (the labels that
// matchLabelKeys takes from the incoming pod). Terminating pods never count.
struct PodSelection {
    std::string namespace_;
    LabelSelector selector;
    std::vector<std::pair<std::string, std::string>> labels;

    // Namespace, selector and labels; not the terminating state.
    bool matches(const Pod &pod) const;
    // One text per distinct selection (control-character separators no label can hold).
    std::string key() const;
};

class MatchingPodCounts {
public:
    // Per node index, the matching pods of the selection; counted from `nodes` on first use.
    const std::vector<std::int32_t> &counts(const PodSelection &selection, std::span<const NodeInfo> nodes);

    // A pod entered (delta 1) or left (-1) the counted pods of the node at nodeIndex: bound or
    // unbound, or it became terminating (-1).
    void podChanged(const Pod &pod, std::size_t nodeIndex, int delta);
    // A node was inserted at, or removed from, nodeIndex; later nodes move by one.
    void nodeInserted(std::size_t nodeIndex);
    void nodeRemoved(std::size_t nodeIndex);
    void clear();

private:
    struct Counted {
        PodSelection selection;
        std::vector<std::int32_t> perNode;
    };

    // One label of one namespace ("ns\x1fkey\x1fvalue"): how many counted pods carry it, and the
    // selections that require it (each selection is listed under one label it requires, so a
    // pod is matched only against selections one of its labels could satisfy).
    struct Label {
        std::int32_t pods = 0;
        std::vector<std::uint32_t> selections;
    };
    Label *requiredLabel(const PodSelection &s);

    std::vector<std::unique_ptr<Counted>> selections_;
    std::unordered_map<std::string, std::uint32_t> byKey_;
    std::unordered_map<std::string, Label> labels_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> unindexedByNamespace_; // no required label
    std::string scratch_;
};

} // namespace podscape::sched
