#include "cluster/object_store.h"

namespace podscape {

std::int64_t ObjectStore::create(ObjectPtr obj)
{
    obj->metadata.resourceVersion = ++revision_;
    auto &byName = objects_[obj->kind];
    byName[{obj->metadata.namespace_, obj->metadata.name}] = obj;
    notify(WatchEventType::Added, obj);
    return revision_;
}

std::int64_t ObjectStore::update(const ObjectPtr &obj)
{
    obj->metadata.resourceVersion = ++revision_;
    notify(WatchEventType::Modified, obj);
    return revision_;
}

std::int64_t ObjectStore::replace(const ObjectPtr &obj)
{
    objects_[obj->kind][{obj->metadata.namespace_, obj->metadata.name}] = obj;
    return update(obj);
}

ObjectPtr ObjectStore::remove(std::string_view kind, std::string_view ns, std::string_view name)
{
    auto k = objects_.find(kind);
    if (k == objects_.end())
        return nullptr;
    auto it = k->second.find(NameView{ns, name});
    if (it == k->second.end())
        return nullptr;
    ObjectPtr obj = it->second;
    k->second.erase(it);
    ++revision_;
    notify(WatchEventType::Deleted, obj);
    return obj;
}

ObjectPtr ObjectStore::get(std::string_view kind, std::string_view ns, std::string_view name) const
{
    auto k = objects_.find(kind);
    if (k == objects_.end())
        return nullptr;
    auto it = k->second.find(NameView{ns, name});
    return it == k->second.end() ? nullptr : it->second;
}

std::vector<ObjectPtr> ObjectStore::list(std::string_view kind, std::string_view ns) const
{
    std::vector<ObjectPtr> out;
    auto k = objects_.find(kind);
    if (k == objects_.end())
        return out;
    if (ns.empty()) {
        out.reserve(k->second.size());
        for (const auto &entry : k->second)
            out.push_back(entry.second);
        return out;
    }
    for (auto it = k->second.lower_bound(NameView{ns, {}}); it != k->second.end() && it->first.first == ns; ++it)
        out.push_back(it->second);
    return out;
}

std::size_t ObjectStore::count(std::string_view kind) const
{
    auto k = objects_.find(kind);
    return k == objects_.end() ? 0 : k->second.size();
}

int ObjectStore::watch(Watcher watcher)
{
    watchers_[nextWatcher_] = std::move(watcher);
    return nextWatcher_++;
}

void ObjectStore::unwatch(int id)
{
    watchers_.erase(id);
}

void ObjectStore::notify(WatchEventType type, const ObjectPtr &obj)
{
    WatchEvent event{type, obj};
    for (auto &[id, watcher] : watchers_)
        watcher(event);
}

}  // namespace podscape
