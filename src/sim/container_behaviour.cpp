#include "sim/container_behaviour.h"

#include "sim/durations.h"

#include <cstdlib>
#include <regex>

namespace podscape {

namespace {

std::optional<std::string> annotation(const Pod &pod, const std::string &key, const std::string &container)
{
    const auto &a = pod.metadata.annotations;
    if (auto it = a.find(key + "." + container); it != a.end())
        return it->second;
    if (auto it = a.find(key); it != a.end())
        return it->second;
    return std::nullopt;
}

std::string commandLine(const Container &c)
{
    std::string line;
    for (const auto *list : {&c.command, &c.args})
        for (const auto &part : *list)
            line += part + " ";
    return line;
}

bool isShell(const Container &c)
{
    const auto &first = c.command.empty() ? (c.args.empty() ? std::string() : c.args[0]) : c.command[0];
    return first == "sh" || first == "/bin/sh" || first == "bash" || first == "/bin/bash" || first == "ash";
}

// Sums every `sleep N` (N in seconds, with an optional s/m/h suffix); infinity if one is infinite.
std::optional<double> sleepSeconds(const std::string &line, bool &found)
{
    static const std::regex sleepRe(R"(\bsleep\s+([0-9.]+|infinity)([smh]?))");
    double total = 0;
    found = false;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), sleepRe); it != std::sregex_iterator(); ++it) {
        found = true;
        if ((*it)[1] == "infinity")
            return std::nullopt;
        double n = std::atof((*it)[1].str().c_str());
        const std::string unit = (*it)[2];
        total += unit == "m" ? n * 60 : unit == "h" ? n * 3600 : n;
    }
    return total;
}

// An init container that is not a sidecar exists to finish: whatever it runs (`cp`, a migration,
// `argocd admin ...`) ends unless it visibly loops or sleeps forever.
bool isRunToCompletionInit(const Pod &pod, const Container &c)
{
    for (const auto &init : pod.spec.initContainers)
        if (init.name == c.name)
            return !init.isSidecar();
    return false;
}

// A Job's pod is a batch task: its containers (`perl -e 'print bpi(2000)'`, an image's own
// entrypoint) finish unless they visibly loop or sleep forever.
bool isJobTask(const Pod &pod)
{
    const OwnerReference *owner = pod.metadata.controllerRef();
    return owner && owner->kind == "Job";
}

}  // namespace

ContainerBehaviour behaviourOf(const Pod &pod, const Container &c)
{
    ContainerBehaviour b;
    if (auto code = annotation(pod, "podscape.io/exit-code", c.name))
        b.exitCode = std::atoi(code->c_str());
    if (auto run = annotation(pod, "podscape.io/run-seconds", c.name)) {
        if (*run != "forever")
            b.runSeconds = std::atof(run->c_str());
        return b;
    }
    std::string line = commandLine(c);
    static const std::regex exitRe(R"(\bexit\s+([0-9]+))");
    std::smatch m;
    if (std::regex_search(line, m, exitRe))
        b.exitCode = std::atoi(m[1].str().c_str());
    bool hasSleep = false;
    auto slept = sleepSeconds(line, hasSleep);
    static const std::regex longRunning(R"(\b(while|until|tail\s+-f|exec)\b)");
    if (hasSleep && !std::regex_search(line, longRunning)) {
        b.runSeconds = slept ? std::optional<double>(std::max(*slept, durations::kOneShotCommand)) : std::nullopt;
        return b;
    }
    if ((isShell(c) || isRunToCompletionInit(pod, c) || isJobTask(pod)) && !std::regex_search(line, longRunning))
        b.runSeconds = durations::kOneShotCommand;
    return b;
}

}  // namespace podscape
