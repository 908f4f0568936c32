#include "sim/scheduler/fit_error.h"

#include <algorithm>

namespace podscape::sched {

void FitErrorBuilder::count(std::string_view reason, std::size_t n)
{
    for (auto &[r, c] : counts_) {
        if (r.data() == reason.data() || r == reason) {
            c += n;
            return;
        }
    }
    counts_.emplace_back(reason, n);
}

void FitErrorBuilder::addNodeStatus(const Status &status)
{
    ++explicitNodes_;
    for (std::size_t i = 0; i < status.reasonCount(); ++i)
        count(status.reason(i), 1);
}

void FitErrorBuilder::addNodeReasons(std::span<const std::string_view> reasons)
{
    ++explicitNodes_;
    for (auto r : reasons)
        count(r, 1);
}

// FitError.Error.
std::string FitErrorBuilder::message(std::size_t numAllNodes) const
{
    std::string out = "0/" + std::to_string(numAllNodes) + " nodes are available:";
    if (!preFilterMessage_.empty()) {
        out.append(" ").append(preFilterMessage_).append(".");
    } else {
        auto counts = counts_;
        if (explicitNodes_ < numAllNodes) {
            for (std::size_t i = 0; i < absent_.reasonCount(); ++i) {
                auto r = absent_.reason(i);
                auto it = std::find_if(counts.begin(), counts.end(), [r](const auto &c) { return c.first == r; });
                if (it == counts.end())
                    counts.emplace_back(r, numAllNodes - explicitNodes_);
                else
                    it->second += numAllNodes - explicitNodes_;
            }
        }
        std::vector<std::string> entries;
        for (const auto &[reason, n] : counts)
            entries.push_back(std::to_string(n).append(" ").append(reason));
        std::sort(entries.begin(), entries.end());
        for (std::size_t i = 0; i < entries.size(); ++i)
            out.append(i ? ", " : " ").append(entries[i]);
        if (!entries.empty())
            out += ".";
    }
    if (!postFilterMessage_.empty())
        out.append(" ").append(postFilterMessage_);
    return out;
}

}  // namespace podscape::sched
