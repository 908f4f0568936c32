#include "cluster/events.h"

#include <algorithm>

namespace podscape {

void EventLog::push_back(const Event &e)
{
    auto id = [this](std::string_view s) { return strings_.intern(s); };
    const ObjectRef &o = e.object;
    log_.push_back({e.time, id(e.type), id(e.reason), id(o.kind), id(o.namespace_), id(o.name), id(o.uid),
                    id(o.fieldPath), id(e.message), id(e.source)});
}

Event EventLog::operator[](std::size_t i) const
{
    const Stored &s = log_[i];
    auto str = [this](std::uint32_t id) { return std::string(strings_[id]); };
    return {s.time,
            str(s.type),
            str(s.reason),
            {str(s.kind), str(s.namespace_), str(s.name), str(s.uid), str(s.fieldPath)},
            str(s.message),
            str(s.source)};
}

bool EventLog::involves(std::size_t i, std::string_view kind, std::string_view ns, std::string_view name) const
{
    const Stored &s = log_[i];
    return strings_[s.name] == name && strings_[s.kind] == kind && strings_[s.namespace_] == ns;
}

void EventRecorder::record(Event event)
{
    // Kubernetes cuts event messages at 1024 characters (FailedScheduling on big clusters).
    if (event.message.size() > 1024)
        event.message = event.message.substr(0, 1020) + " ...";
    events_.push_back(event);
    for (const auto &l : listeners_)
        l(event);
}

std::uint32_t StringPool::intern(std::string_view s)
{
    if (auto it = ids_.find(s); it != ids_.end())
        return it->second;
    // Copied into the current chunk (a string longer than a chunk gets one of its own).
    if (chunkUsed_ + s.size() > kChunk || s.size() > kChunk) {
        chunks_.push_back(std::make_unique<char[]>(std::max(kChunk, s.size())));
        chunkUsed_ = 0;
    }
    char *at = chunks_.back().get() + chunkUsed_;
    std::copy(s.begin(), s.end(), at);
    chunkUsed_ += s.size();
    std::string_view kept(at, s.size());
    auto id = std::uint32_t(views_.size());
    views_.push_back(kept);
    ids_.emplace(kept, id);
    return id;
}

std::optional<std::uint32_t> StringPool::find(std::string_view s) const
{
    auto it = ids_.find(s);
    return it == ids_.end() ? std::nullopt : std::optional(it->second);
}

void TraceRecorder::add(std::string_view podKey, double time, std::string_view component, std::string_view stage,
                        std::string_view detail)
{
    Stored s{time, strings_.intern(podKey), strings_.intern(component), strings_.intern(stage), strings_.intern(detail)};
    byPod_[s.pod].push_back(std::uint32_t(log_.size()));
    log_.push_back(s);
    if (listeners_.empty())
        return;
    TraceEntry e = entry(s);
    for (const auto &l : listeners_)
        l(strings_[s.pod], e);
}

std::vector<TraceEntry> TraceRecorder::trace(std::string_view podKey) const
{
    std::vector<TraceEntry> out;
    auto id = strings_.find(podKey);
    auto positions = id ? byPod_.find(*id) : byPod_.end();
    if (positions == byPod_.end())
        return out;
    out.reserve(positions->second.size());
    for (std::uint32_t at : positions->second)
        out.push_back(entry(log_[at]));
    return out;
}

TraceRecorder::Record TraceRecorder::operator[](std::size_t i) const
{
    const Stored &s = log_[i];
    return {strings_[s.pod], entry(s)};
}

}  // namespace podscape
