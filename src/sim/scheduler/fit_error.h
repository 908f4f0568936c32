// framework.FitError.Error (pkg/scheduler/framework/types.go): "0/N nodes are available:" then
// the PreFilter message, or a histogram of the reasons of each node's first failing plugin
// ("count reason" sorted with sort.Strings, joined by ", "), then the PostFilter message.
#pragma once

#include "sim/scheduler/framework.h"

#include <string>
#include <string_view>
#include <vector>

namespace podscape::sched {

class FitErrorBuilder {
public:
    // A node's explicit status (NodeToStatus.Set); its reasons each count once.
    void addNodeStatus(const Status &status);
    void addNodeReasons(std::span<const std::string_view> reasons);
    // The status of the nodes not listed (NodeToStatus.SetAbsentNodesStatus).
    void setAbsentStatus(const Status &status) { absent_ = status; }
    void setPreFilterMessage(std::string message) { preFilterMessage_ = std::move(message); }
    void setPostFilterMessage(std::string message) { postFilterMessage_ = std::move(message); }
    std::size_t explicitNodes() const { return explicitNodes_; }

    std::string message(std::size_t numAllNodes) const;

private:
    void count(std::string_view reason, std::size_t n);

    std::vector<std::pair<std::string_view, std::size_t>> counts_;
    std::size_t explicitNodes_ = 0;
    Status absent_;
    std::string preFilterMessage_;
    std::string postFilterMessage_;
};

// ErrNoNodesAvailable.
inline constexpr std::string_view kNoNodesAvailable = "no nodes available to schedule pods";

}  // namespace podscape::sched
