#include "sim/container_behaviour.h"

#include "sim/durations.h"

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

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

// A shell one-liner that only runs short commands (`echo ...; date`, `cp a b && ls`) ends at once;
// one that starts anything else (`/opt/app/start.sh`, `nginx -g ...`, `node server.js`) serves
// until stopped.
bool onlyShortCommands(const Container &c)
{
    static const std::set<std::string> shortLived{
        "echo", "printf", "date", "cat", "cp", "mv", "rm", "ls", "mkdir", "touch", "chmod", "chown", "ln",
        "env", "printenv", "hostname", "true", "false", "test", "[", "exit", "nslookup", "id", "pwd",
        "uname", "whoami", "wc", "grep", "head", "tail", "sed", "awk", "cut", "sort", "tee", "export", "set",
        ":", "cd", "sync", "df", "du", "ps", "base64", "sha256sum", "md5sum", "basename", "dirname"};
    std::string script;
    const auto &words = c.command.empty() ? c.args : c.command;
    for (std::size_t i = 1; i < words.size(); ++i)
        script += words[i] + " ";
    if (!c.command.empty())
        for (const auto &a : c.args)
            script += a + " ";
    static const std::regex separators(R"(;|&&|\|\||\||\n|\$\(|`)");
    for (auto it = std::sregex_token_iterator(script.begin(), script.end(), separators, -1);
         it != std::sregex_token_iterator(); ++it) {
        std::istringstream segment(it->str());
        std::string word;
        while (segment >> word && (word == "-c" || word == "-ec" || word == "-e" || word.find('=') != std::string::npos))
            ;  // the shell's own flags and VAR=value assignments
        if (word.empty())
            continue;
        std::string command = word.substr(word.rfind('/') == std::string::npos ? 0 : word.rfind('/') + 1);
        if (!shortLived.count(command))
            return false;
    }
    return true;
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
    const bool finishes = (isShell(c) && onlyShortCommands(c)) || isRunToCompletionInit(pod, c) || isJobTask(pod);
    if (finishes && !std::regex_search(line, longRunning))
        b.runSeconds = durations::kOneShotCommand;
    return b;
}

}  // namespace podscape

namespace podscape {

namespace {

// `--flag=value` or `--flag value` among the container's command and args.
std::optional<std::string> flagValue(const Container &c, const std::string &flag)
{
    std::vector<std::string> words(c.command);
    words.insert(words.end(), c.args.begin(), c.args.end());
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].rfind(flag + "=", 0) == 0)
            return words[i].substr(flag.size() + 1);
        if (words[i] == flag && i + 1 < words.size())
            return words[i + 1];
    }
    return std::nullopt;
}

bool hasWord(const Container &c, const std::string &word)
{
    auto has = [&](const std::vector<std::string> &v) { return std::find(v.begin(), v.end(), word) != v.end(); };
    return has(c.command) || has(c.args);
}

}  // namespace

std::vector<ObjectPtr> apiWritesOnSuccess(const Pod &pod, const Container &c)
{
    std::vector<ObjectPtr> out;
    if (c.image.find("kube-webhook-certgen") == std::string::npos || !hasWord(c, "create"))
        return out;
    auto name = flagValue(c, "--secret-name");
    if (!name)
        return out;
    // `--namespace=$(POD_NAMESPACE)`: the downward API gives the pod's own namespace.
    std::string ns = flagValue(c, "--namespace").value_or(pod.metadata.namespace_);
    if (ns.empty() || ns.rfind("$(", 0) == 0)
        ns = pod.metadata.namespace_;
    auto secret = std::make_shared<Secret>();
    secret->apiVersion = "v1";
    secret->kind = "Secret";
    secret->metadata.name = *name;
    secret->metadata.namespace_ = ns;
    secret->keys = {"ca", "cert", "key"};
    out.push_back(secret);
    return out;
}

}  // namespace podscape
