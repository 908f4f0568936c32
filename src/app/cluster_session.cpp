#include "app/cluster_session.h"

#include "app/event_model.h"
#include "app/inspection.h"
#include "app/node_model.h"
#include "app/pod_model.h"
#include "app/recent_files.h"
#include "app/service_model.h"
#include "manifest/loader.h"
#include "sim/simulation.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <map>

namespace podscape {

namespace {

constexpr int kFrameMs = 33;        // about 30 frames a second
constexpr qint64 kMaxFrameMs = 250; // after a stall, do not leap ahead
constexpr double kStepHorizon = 60; // a step looks this far ahead for a visible change
constexpr std::uint64_t kStepBudget = 200000;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Paths from the command line, file: URLs from a FileDialog, or resources (":/..."), which only
// Qt can read.
QString localPath(const QString &path)
{
    if (path.startsWith(QLatin1String("file:")))
        return QUrl(path).toLocalFile();
    if (path.startsWith(QLatin1String("qrc:")))
        return ':' + QUrl(path).path();
    return path;
}

// Resources are read through Qt; the loader reads the rest itself, with its own folder walk.
LoadResult loadResource(const ManifestLoader &loader, const QString &path)
{
    LoadResult result;
    QStringList files;
    if (QFileInfo(path).isDir()) {
        QDirIterator it(path, {"*.yaml", "*.yml", "*.json"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        files.sort();
    } else {
        files.append(path);
    }
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            QString message = QCoreApplication::translate("ClusterSession", "cannot read the file");
            result.errors.push_back({file.toStdString(), 0, 0, message.toStdString()});
            continue;
        }
        // Named without the ":/" that only Qt understands: "Podscape/resources/demo/web.yaml".
        result.append(loader.loadText(f.readAll().toStdString(), file.mid(2).toStdString()));
    }
    return result;
}

LoadResult loadInput(const QStringList &paths)
{
    LoaderOptions options;
    options.validate = false; // the simulated API server validates, and refuses into rejected()
    ManifestLoader loader(options);
    LoadResult result;
    std::vector<std::string> onDisk;
    for (const QString &path : paths) {
        QString local = localPath(path);
        if (local.startsWith(':'))
            result.append(loadResource(loader, local));
        else
            onDisk.push_back(local.toStdString());
    }
    if (!onDisk.empty())
        result.append(loader.loadPaths(onDisk));
    return result;
}

QStringList diagnosticTexts(const std::vector<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const auto &d : diagnostics)
        out.append(qs(d.toString()));
    return out;
}

// What the API server refused, placed like a load error: file:line: message.
QString rejectionText(const Rejection &r)
{
    if (!r.source.isKnown())
        return qs(r.message);
    return QStringLiteral("%1:%2: %3").arg(qs(r.source.file)).arg(r.source.line).arg(qs(r.message));
}

} // namespace

ClusterSession::ClusterSession(QObject *parent)
    : QObject(parent), nodes_(new NodeModel(this)), pods_(new PodModel(this)), services_(new ServiceModel(this)),
      events_(new EventModel(this)), controlPlane_(new ControlPlaneModel(this)), watcher_(new ManifestWatcher(this))
{
    timer_.setInterval(kFrameMs);
    connect(&timer_, &QTimer::timeout, this, &ClusterSession::onTick);
    connect(watcher_, &ManifestWatcher::changed, this, &ClusterSession::onDiskChange);
    restart(0); // an empty default cluster until something is opened
}

ClusterSession::~ClusterSession()
{
    events_->clear(); // it reads the simulation's event list, which goes first
}

bool ClusterSession::open(const QStringList &paths)
{
    LoadResult loaded = loadInput(paths);
    loadErrors_ = diagnosticTexts(loaded.errors);
    if (loaded.objects.empty() && !loaded.errors.empty()) {
        setErrors(loadErrors_); // nothing usable: keep what is loaded
        return false;
    }
    pause();
    objects_ = std::move(loaded.objects);
    actions_.clear();
    files_ = paths;
    eventsLogged_ = 0;
    events_->clear();
    clearNotice(); // it told about the cluster just replaced
    restart(0);
    if (watchFiles_)
        watcher_->watch(localFiles());
    if (rememberRecent_) {
        RecentFiles::add(localFiles());
        emit recentFilesChanged();
    }
    emit filesChanged();
    return true;
}

void ClusterSession::reload()
{
    if (files_.isEmpty())
        return;
    // Before reading: a save from now on is a change the watcher still reports.
    watcher_->acknowledge();
    LoadResult loaded = loadInput(files_);
    loadErrors_ = diagnosticTexts(loaded.errors);
    if (!loaded.objects.empty())
        recordAction([objects = std::move(loaded.objects)](Simulation &sim) { sim.apply(objects); });
    shown_ = {}; // the errors may have changed even if the store has not
    refresh();
}

QStringList ClusterSession::localFiles() const
{
    QStringList out;
    for (const QString &file : files_)
        out.append(localPath(file));
    return out;
}

namespace {

QString fileNames(const QStringList &paths)
{
    QStringList names;
    for (const QString &path : paths)
        names.append(QFileInfo(path).fileName());
    return names.join(QStringLiteral(", "));
}

} // namespace

// One save in an editor (or files copied into a watched folder) is applied as `kubectl apply`.
void ClusterSession::onDiskChange(const QStringList &modified, const QStringList &added, const QStringList &removed)
{
    if (modified.isEmpty() && added.isEmpty()) {
        setNotice(tr("%1 removed from disk: its objects stay in the cluster (kubectl apply deletes nothing).")
                      .arg(fileNames(removed)),
                  false);
        return;
    }
    reload();
    QString what = fileNames(modified + added);
    if (!loadErrors_.isEmpty()) // maybe not in these files: say what is true either way
        setNotice(tr("%1 changed on disk: applied again, but the files have errors (see above); nothing loaded "
                     "before is lost.")
                      .arg(what),
                  true);
    else if (modified.isEmpty())
        setNotice(tr("%1 added on disk: applied.").arg(what), false);
    else
        setNotice(tr("%1 changed on disk: applied again.").arg(what), false);
}

void ClusterSession::setWatchFiles(bool watch)
{
    if (watch == watchFiles_)
        return;
    watchFiles_ = watch;
    watcher_->watch(watch ? localFiles() : QStringList());
    emit watchFilesChanged();
}

void ClusterSession::setRememberRecent(bool remember)
{
    if (remember == rememberRecent_)
        return;
    rememberRecent_ = remember;
    emit recentFilesChanged();
}

QVariantList ClusterSession::recentFiles() const
{
    QVariantList out;
    if (rememberRecent_)
        for (const QStringList &set : RecentFiles::sets())
            out.append(RecentFiles::describe(set));
    return out;
}

void ClusterSession::clearRecentFiles()
{
    if (!rememberRecent_)
        return;
    RecentFiles::clear();
    emit recentFilesChanged();
}

QStringList ClusterSession::droppable(const QStringList &urls) const
{
    QStringList out;
    for (const QString &url : urls) {
        QUrl parsed(url);
        if (!parsed.isLocalFile())
            continue;
        QFileInfo info(parsed.toLocalFile());
        static const QStringList kSuffixes{"yaml", "yml", "json"};
        if (info.isDir() || (info.isFile() && kSuffixes.contains(info.suffix(), Qt::CaseInsensitive)))
            out.append(info.absoluteFilePath());
    }
    return out;
}

bool ClusterSession::loadActions(const QString &path)
{
    actionsFile_ = podscape::loadActions(localPath(path).toStdString());
    actionErrors_ = diagnosticTexts(actionsFile_.errors);
    pause();
    actions_.clear();
    restart(0);
    return actionsFile_.errors.empty();
}

void ClusterSession::setSimulationOptions(const SimulationOptions &options)
{
    options_ = options;
    pause();
    actions_.clear();
    restart(0);
}

bool ClusterSession::recordEventsTo(const QString &path)
{
    eventLog_.close();
    eventLog_.setFileName(localPath(path));
    eventsLogged_ = 0;
    if (!eventLog_.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return false;
    writeEventLog();
    return true;
}

// One JSON object a line, with the keys of `podscape simulate -o json`'s events[].
void ClusterSession::writeEventLog()
{
    if (!eventLog_.isOpen())
        return;
    const auto &events = sim_->events().events();
    for (; eventsLogged_ < events.size(); ++eventsLogged_) {
        const Event &e = events[eventsLogged_];
        // Milliseconds, as `simulate -o json` rounds the time.
        QJsonObject line{{"time", std::round(e.time * 1000) / 1000},
                         {"type", qs(e.type)},
                         {"reason", qs(e.reason)},
                         {"object", qs(e.object.str())},
                         {"message", qs(e.message)},
                         {"source", qs(e.source)}};
        eventLog_.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
    eventLog_.flush();
}

void ClusterSession::recordAction(std::function<void(Simulation &)> action)
{
    actions_.push_back({sim_->clock().eventsRun(), sim_->now(), std::move(action)});
    actions_.back().apply(*sim_);
    // The state just after the action is a point stepBack can return to; one step further back
    // undoes the action.
    if (marks_.back() != sim_->clock().eventsRun())
        marks_.push_back(sim_->clock().eventsRun());
    marked_ = signature();
}

bool ClusterSession::recordApiAction(std::function<std::optional<ApiError>(Simulation &)> action)
{
    // The first run answers here; a replay meets the same answer and ignores it.
    auto answer = std::make_shared<std::optional<ApiError>>();
    recordAction([action = std::move(action), answer](Simulation &sim) { *answer = action(sim); });
    refresh();
    if (*answer) {
        setNotice(qs((*answer)->message), true); // kubectl's words stay English
        return false;
    }
    return true;
}

void ClusterSession::setNotice(const QString &text, bool error)
{
    if (text == notice_ && error == noticeIsError_)
        return;
    notice_ = text;
    noticeIsError_ = error;
    emit noticeChanged();
}

namespace {

// Lambdas capture its parts as [ns = ns, name = name]: clang 14 cannot capture a structured
// binding by name (C++20, clang 16).
std::pair<std::string, std::string> splitKey(const QString &podKey)
{
    qsizetype slash = podKey.indexOf('/');
    if (slash < 0)
        return {"default", podKey.toStdString()};
    return {podKey.left(slash).toStdString(), podKey.mid(slash + 1).toStdString()};
}

} // namespace

QVariantMap ClusterSession::checkPlacement(const QString &podKey, const QString &node) const
{
    auto [ns, name] = splitKey(podKey);
    PlacementCheck check = sim_->checkPlacement(ns, name, node.toStdString());
    return {{"fits", check.fits}, {"message", qs(check.message)}, {"plugin", qs(check.plugin)}};
}

QVariantMap ClusterSession::evictPod(const QString &podKey, const QString &node)
{
    auto [ns, name] = splitKey(podKey);
    std::optional<std::string> to;
    if (!node.isEmpty())
        to = node.toStdString();
    auto record = std::make_shared<EvictionRecord>();
    recordAction([ns = ns, name = name, to, record](Simulation &sim) { *record = sim.evict(ns, name, to); });
    refresh();
    const bool replaced = record->allowed && !record->controller.empty();
    if (!record->allowed) {
        // The API server's or the scheduler's words, untranslated, with the budget's numbers.
        QString why = qs(record->message);
        if (!record->cause.empty())
            why += ' ' + qs(record->cause);
        setNotice(tr("%1 was not evicted: %2").arg(podKey, why), true);
    } else if (!replaced) {
        setNotice(
            tr("%1 was evicted. It has no controller, so nothing replaces it: pods are not self-healing.").arg(podKey),
            false);
    } else if (to) {
        setNotice(
            tr("%1 was evicted; %2 creates a replacement, placed on %3.").arg(podKey, qs(record->controller), node),
            false);
    } else {
        setNotice(tr("%1 was evicted; %2 creates a replacement and the scheduler places it.")
                      .arg(podKey, qs(record->controller)),
                  false);
    }
    return {{"allowed", record->allowed},
            {"reason", qs(record->reason)},
            {"message", qs(record->message)},
            {"cause", qs(record->cause)},
            {"replaced", replaced}};
}

bool ClusterSession::nodeAction(const QString &node, const QString &action)
{
    using Op = std::optional<ApiError> (Simulation::*)(const std::string &);
    static const std::map<QString, Op> ops{
        {"cordon", &Simulation::cordonNode},   {"uncordon", &Simulation::uncordonNode},
        {"drain", &Simulation::drainNode},     {"fail", &Simulation::failNode},
        {"recover", &Simulation::recoverNode}, {"remove", &Simulation::removeNode},
    };
    auto op = ops.find(action);
    if (op == ops.end()) {
        setNotice(tr("Unknown node action: %1").arg(action), true);
        return false;
    }
    std::string name = node.toStdString();
    if (!recordApiAction([f = op->second, name](Simulation &sim) { return (sim.*f)(name); }))
        return false;
    static const std::map<QString, const char *> done{
        {"cordon", QT_TR_NOOP("Node %1 cordoned: no new pods are scheduled there.")},
        {"uncordon", QT_TR_NOOP("Node %1 uncordoned: it takes new pods again.")},
        {"drain", QT_TR_NOOP("Draining node %1: cordoned, its pods are evicted (DaemonSet pods stay).")},
        {"fail", QT_TR_NOOP("Node %1 failed: its kubelet stopped; the node becomes NotReady.")},
        {"recover", QT_TR_NOOP("Node %1 recovered: its kubelet runs again.")},
        {"remove", QT_TR_NOOP("Node %1 removed from the cluster.")},
    };
    setNotice(tr(done.at(action)).arg(node), false);
    return true;
}

bool ClusterSession::addNode()
{
    std::string name = sim_->nextWorkerName();
    if (!recordApiAction([name](Simulation &sim) { return sim.addNode(name); }))
        return false;
    setNotice(tr("Node %1 added.").arg(qs(name)), false);
    return true;
}

bool ClusterSession::killContainer(const QString &podKey, const QString &container)
{
    auto [ns, name] = splitKey(podKey);
    std::string c = container.toStdString();
    if (!recordApiAction([ns = ns, name = name, c](Simulation &sim) { return sim.killContainer(ns, name, c); }))
        return false;
    setNotice(tr("Container %1 of %2 was killed; its pod's restartPolicy decides what follows.").arg(container, podKey),
              false);
    return true;
}

bool ClusterSession::deletePod(const QString &podKey)
{
    auto [ns, name] = splitKey(podKey);
    if (!recordApiAction([ns = ns, name = name](Simulation &sim) { return sim.remove("Pod", ns, name); }))
        return false;
    setNotice(tr("pod \"%1\" deleted").arg(podKey.mid(podKey.indexOf('/') + 1)), false);
    return true;
}

void ClusterSession::seekToStep(int eventsRun)
{
    pause();
    restart(std::uint64_t(std::max(eventsRun, 0)));
}

void ClusterSession::setPlaying(bool playing)
{
    if (playing == playing_)
        return;
    playing_ = playing;
    if (playing) {
        wallClock_.start();
        timer_.start();
    } else {
        timer_.stop();
    }
    emit playingChanged();
}

void ClusterSession::setSpeed(double speed)
{
    speed = std::clamp(speed, minSpeed(), maxSpeed());
    if (qFuzzyCompare(speed, speed_))
        return;
    speed_ = speed;
    emit speedChanged();
}

double ClusterSession::virtualTime() const
{
    return sim_->now();
}

int ClusterSession::stepCount() const
{
    return int(sim_->clock().eventsRun());
}

void ClusterSession::onTick()
{
    qint64 elapsed = std::min(wallClock_.restart(), kMaxFrameMs);
    advanceTo(sim_->now() + elapsed / 1000.0 * speed_);
}

ClusterSession::Signature ClusterSession::signature() const
{
    return {sim_->store().resourceVersion(), sim_->events().events().size(), sim_->rejected().size(), sim_->traces().size(),
            runProblems_->size()};
}

void ClusterSession::runEvent()
{
    sim_->step();
    Signature now = signature();
    if (now != marked_) {
        marked_ = now;
        marks_.push_back(sim_->clock().eventsRun());
    }
}

void ClusterSession::advanceTo(double time)
{
    // One event at a time rather than runUntil, so every visible change is marked for stepBack.
    while (sim_->clock().nextEventTime() <= time)
        runEvent();
    sim_->runUntil(time);
    refresh();
}

void ClusterSession::stepForward()
{
    pause();
    Signature before = signature();
    double horizon = sim_->now() + kStepHorizon;
    for (std::uint64_t i = 0; i < kStepBudget && sim_->clock().nextEventTime() <= horizon; ++i) {
        runEvent();
        if (signature() != before)
            break;
    }
    refresh();
}

void ClusterSession::stepBack()
{
    pause();
    std::uint64_t now = sim_->clock().eventsRun();
    // marks_ starts with 0 and is sorted; the current state is that of the last mark <= now.
    auto current = std::upper_bound(marks_.begin(), marks_.end(), now) - 1;
    std::uint64_t target = current == marks_.begin() ? 0 : *(current - 1);
    restart(target);
}

void ClusterSession::reset()
{
    pause();
    actions_.clear();
    clearNotice();
    restart(0);
}

void ClusterSession::restart(std::uint64_t eventsRun)
{
    auto sim = std::make_unique<Simulation>(options_);
    sim->start(objects_);
    auto problems = std::make_shared<std::vector<Diagnostic>>();
    scheduleActions(*sim, actionsFile_, *problems);
    std::erase_if(actions_, [&](const UserAction &a) { return a.eventsRun > eventsRun; });
    std::size_t next = 0;
    auto applyDue = [&] {
        for (; next < actions_.size() && actions_[next].eventsRun == sim->clock().eventsRun(); ++next) {
            sim->runUntil(actions_[next].time);
            actions_[next].apply(*sim);
        }
    };
    applyDue();
    while (sim->clock().eventsRun() < eventsRun && sim->step())
        applyDue();

    std::unique_ptr<Simulation> old = std::move(sim_);
    sim_ = std::move(sim);
    pods_->forgetVersions();
    runProblems_ = std::move(problems);
    std::erase_if(marks_, [&](std::uint64_t m) { return m > eventsRun; });
    if (marks_.empty())
        marks_.push_back(0);
    marked_ = signature();
    shown_ = {};
    refresh(); // the models let go of the old simulation here
}

void ClusterSession::refresh()
{
    emit timeChanged();
    if (signature() == shown_)
        return;
    shown_ = signature();
    refreshModels();
}

void ClusterSession::refreshModels()
{
    auto pods = sim_->store().list<Pod>();
    auto nodes = sim_->store().list<Node>();
    std::vector<LayoutNode> layoutNodes;
    for (const auto &n : nodes)
        layoutNodes.push_back({qs(n->metadata.name)});
    std::vector<LayoutPod> layoutPods;
    for (const auto &p : pods)
        layoutPods.push_back(PodModel::layoutEntry(*p));
    layout_.compute(layoutNodes, layoutPods);
    pendingCount_ =
        int(std::count_if(pods.begin(), pods.end(), [](const auto &p) { return p->spec.nodeName.empty(); }));

    nodes_->refresh(nodes, pods, layout_);
    pods_->refresh(pods, layout_);
    services_->refresh(*sim_);
    events_->refresh(sim_->events().events());
    controlPlane_->refresh(sim_->traces());
    emit layoutChanged();

    QStringList errors = loadErrors_ + actionErrors_ + diagnosticTexts(*runProblems_);
    for (const auto &r : sim_->rejected())
        errors.append(rejectionText(r));
    setErrors(errors);
    writeEventLog();
    updateInspection();
    updateHighlight();
}

void ClusterSession::setSelectedService(const QString &key)
{
    if (key == selectedService_)
        return;
    selectedService_ = key;
    emit selectedServiceChanged();
    updateHighlight();
    if (!key.isEmpty())
        inspect(QStringLiteral("Service"), key);
    else if (inspected_.kind == QLatin1String("Service"))
        inspect({}, {});
}

void ClusterSession::selectObject(const QString &kind, const QString &key)
{
    if (kind == QLatin1String("Pod"))
        setSelectedPod(key);
    else if (kind == QLatin1String("Node"))
        setSelectedNode(key);
    else if (kind == QLatin1String("Service"))
        setSelectedService(key);
    else
        inspect(kind, key);
}

void ClusterSession::updateHighlight()
{
    QStringList pods = services_->backingPods(selectedService_);
    if (pods == highlightedPods_)
        return;
    highlightedPods_ = pods;
    emit highlightedPodsChanged();
}

void ClusterSession::setErrors(QStringList errors)
{
    if (errors == errors_)
        return;
    errors_ = std::move(errors);
    emit errorsChanged();
}

void ClusterSession::setSelectedPod(const QString &key)
{
    if (key == selectedPod_)
        return;
    inspect(key.isEmpty() ? QString() : QStringLiteral("Pod"), key);
}

void ClusterSession::setSelectedNode(const QString &name)
{
    if (name == selectedNode_)
        return;
    inspect(name.isEmpty() ? QString() : QStringLiteral("Node"), name);
}

// One object is inspected at a time; the pod or node it is stays marked on the canvas, and a
// Service keeps its pods lit.
void ClusterSession::inspect(const QString &kind, const QString &key)
{
    inspected_ = {kind, key};
    QString pod = kind == QLatin1String("Pod") ? key : QString();
    QString node = kind == QLatin1String("Node") ? key : QString();
    if (pod != selectedPod_) {
        selectedPod_ = pod;
        emit selectedPodChanged();
    }
    if (node != selectedNode_) {
        selectedNode_ = node;
        emit selectedNodeChanged();
    }
    if (!kind.isEmpty() && kind != QLatin1String("Service") && !selectedService_.isEmpty()) {
        selectedService_.clear();
        emit selectedServiceChanged();
        updateHighlight();
    }
    updateInspection();
}

void ClusterSession::updateInspection()
{
    // Most frames change nothing the inspector shows; it re-reads its whole map on a change.
    QVariantMap next = inspectSelected();
    if (next == inspection_)
        return;
    inspection_ = std::move(next);
    emit inspectionChanged();
}

QVariantMap ClusterSession::inspectSelected() const
{
    const auto &[kind, key] = inspected_;
    if (kind.isEmpty())
        return {};
    if (kind == QLatin1String("Pod"))
        return inspectPod(*sim_, *pods_, key);
    if (kind == QLatin1String("Node"))
        return inspectNode(*sim_, *nodes_, *pods_, key);
    if (kind == QLatin1String("Service"))
        return inspectService(*sim_, *services_, key);
    return inspectObject(*sim_, kind, key);
}

} // namespace podscape
