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

EventView EventLog::view(std::size_t i) const
{
    const Stored &s = log_[i];
    return {s.time,
            strings_[s.type],
            strings_[s.reason],
            strings_[s.kind],
            strings_[s.namespace_],
            strings_[s.name],
            strings_[s.uid],
            strings_[s.fieldPath],
            strings_[s.message],
            strings_[s.source]};
}

Event EventLog::operator[](std::size_t i) const
{
    const EventView v = view(i);
    auto str = [](std::string_view s) { return std::string(s); };
    return {v.time,
            str(v.type),
            str(v.reason),
            {str(v.kind), str(v.namespace_), str(v.name), str(v.uid), str(v.fieldPath)},
            str(v.message),
            str(v.source)};
}

bool EventLog::involves(std::size_t i, std::string_view kind, std::string_view ns, std::string_view name) const
{
    const EventView v = view(i);
    return v.name == name && v.kind == kind && v.namespace_ == ns;
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

// The slot holding `s`, or the empty slot where it would go.
std::size_t StringPool::slotOf(std::uint64_t hash, std::string_view s) const
{
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = slots_[i];
        if (slot.id == kEmpty || (slot.hash == hash && std::string_view(slot.text, slot.size) == s))
            return i;
    }
}

void StringPool::grow()
{
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot &slot : old) {
        if (slot.id == kEmpty)
            continue;
        std::size_t i = slot.hash & mask;
        while (slots_[i].id != kEmpty)
            i = (i + 1) & mask;
        slots_[i] = slot;
    }
}

std::uint32_t StringPool::intern(std::string_view s)
{
    if ((views_.size() + 1) * 2 > slots_.size())
        grow();
    const std::uint64_t hash = std::hash<std::string_view>{}(s);
    Slot &slot = slots_[slotOf(hash, s)];
    if (slot.id != kEmpty)
        return slot.id;
    // Copied into the current chunk (a string longer than a chunk gets one of its own).
    if (chunkUsed_ + s.size() > kChunk || s.size() > kChunk) {
        chunks_.push_back(std::make_unique<char[]>(std::max(kChunk, s.size())));
        chunkUsed_ = 0;
    }
    char *at = chunks_.back().get() + chunkUsed_;
    std::copy(s.begin(), s.end(), at);
    chunkUsed_ += s.size();
    slot = {hash, at, std::uint32_t(s.size()), std::uint32_t(views_.size())};
    views_.emplace_back(at, s.size());
    return slot.id;
}

std::optional<std::uint32_t> StringPool::find(std::string_view s) const
{
    if (slots_.empty())
        return std::nullopt;
    const Slot &slot = slots_[slotOf(std::hash<std::string_view>{}(s), s)];
    return slot.id == kEmpty ? std::nullopt : std::optional(slot.id);
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
