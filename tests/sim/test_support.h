// What the simulation tests share: manifests from YAML text, and lookups into a Simulation.
#pragma once

#include "manifest/loader.h"
#include "sim/simulation.h"

#include <QStringList>
#include <QtGlobal>

namespace podscape::testing {

// Loads YAML the way `podscape simulate` does (the API server validates, not the loader).
inline std::vector<ObjectPtr> loadYaml(const std::string &text)
{
    LoaderOptions options;
    options.validate = false;
    LoadResult r = ManifestLoader(options).loadText(text, "test.yaml");
    if (!r.errors.empty())
        qFatal("load error: %s", r.errors.front().toString().c_str());
    return r.objects;
}

inline std::shared_ptr<Pod> pod(Simulation &sim, const std::string &name, const std::string &ns = "default")
{
    return sim.store().get<Pod>(ns, name);
}

// "Reason: message" of every event about the named object.
inline QStringList eventsOf(const Simulation &sim, const std::string &name)
{
    QStringList out;
    for (const auto &e : sim.events().events())
        if (e.object.name == name)
            out << QString::fromStdString(e.reason + ": " + e.message);
    return out;
}

// "time reason: message" (time with one decimal) of the events with this source about the object.
inline QStringList timedEvents(const Simulation &sim, const std::string &name, const std::string &source)
{
    QStringList out;
    for (const auto &e : sim.events().events())
        if (e.object.name == name && e.source == source)
            out << QString::number(e.time, 'f', 1) + " " + QString::fromStdString(e.reason + ": " + e.message);
    return out;
}

}  // namespace podscape::testing
