// The one door between the QML scene and the engine: it owns the Simulation, opens manifests,
// plays virtual time on a timer, steps and seeks, and keeps the models in step with the store.
//
// Seeking back is a replay: the simulation is deterministic, so running the same objects (and
// the same user actions at the same points) from the start to an earlier event count gives the
// earlier state exactly.
#pragma once

#include "app/cluster_layout.h"
#include "app/control_plane_model.h"
#include "app/event_model.h"
#include "app/manifest_watcher.h"
#include "app/node_model.h"
#include "app/pod_model.h"
#include "app/service_model.h"
#include "sim/actions.h"
#include "sim/kube_apiserver.h"
#include "sim/simulation.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QRectF>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace podscape {

struct Object;

class ClusterSession : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QStringList files READ files NOTIFY filesChanged)
    Q_PROPERTY(QStringList errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(double virtualTime READ virtualTime NOTIFY timeChanged)
    Q_PROPERTY(int stepCount READ stepCount NOTIFY timeChanged)
    Q_PROPERTY(bool canStepBack READ canStepBack NOTIFY timeChanged)
    Q_PROPERTY(bool playing READ isPlaying WRITE setPlaying NOTIFY playingChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
    Q_PROPERTY(double minSpeed READ minSpeed CONSTANT)
    Q_PROPERTY(double maxSpeed READ maxSpeed CONSTANT)
    Q_PROPERTY(NodeModel *nodes READ nodes CONSTANT)
    Q_PROPERTY(PodModel *pods READ pods CONSTANT)
    Q_PROPERTY(ServiceModel *services READ services CONSTANT)
    Q_PROPERTY(EventModel *events READ events CONSTANT)
    Q_PROPERTY(ControlPlaneModel *controlPlane READ controlPlane CONSTANT)
    Q_PROPERTY(QRectF bounds READ bounds NOTIFY layoutChanged)
    Q_PROPERTY(QRectF queueRect READ queueRect NOTIFY layoutChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY layoutChanged)
    // One object is inspected at a time: selecting a pod clears the node, and the other way round;
    // selecting either clears the Service.
    Q_PROPERTY(QString selectedPod READ selectedPod WRITE setSelectedPod NOTIFY selectedPodChanged)
    Q_PROPERTY(QString selectedNode READ selectedNode WRITE setSelectedNode NOTIFY selectedNodeChanged)
    Q_PROPERTY(QVariantMap inspection READ inspection NOTIFY inspectionChanged)
    // The Service picked in the panel, and the pods behind its endpoints, lit on the canvas.
    Q_PROPERTY(QString selectedService READ selectedService WRITE setSelectedService NOTIFY selectedServiceChanged)
    Q_PROPERTY(QStringList highlightedPods READ highlightedPods NOTIFY highlightedPodsChanged)
    // What the last user action did or why it could not, for the window to show.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(bool noticeIsError READ noticeIsError NOTIFY noticeChanged)
    // Reload when an opened file or folder changes on disk (on by default).
    Q_PROPERTY(bool watchFiles READ watchFiles WRITE setWatchFiles NOTIFY watchFilesChanged)
    // Remember what is opened in the user's settings (the window turns it on; off, the session
    // neither reads nor writes them, so tests leave them alone).
    Q_PROPERTY(bool rememberRecent READ rememberRecent WRITE setRememberRecent NOTIFY recentFilesChanged)
    // The sets opened lately, most recent first: {paths, label, detail, available} (RecentFiles).
    Q_PROPERTY(QVariantList recentFiles READ recentFiles NOTIFY recentFilesChanged)

public:
    explicit ClusterSession(QObject *parent = nullptr);
    ~ClusterSession() override;

    // Opens manifest files or folders (paths or file: URLs) and starts a new simulation, paused
    // at time 0. When nothing at all could be loaded, what was loaded before stays.
    Q_INVOKABLE bool open(const QStringList &paths);
    // Reads the files again and applies them to the running cluster, as `kubectl apply -f`.
    Q_INVOKABLE void reload();
    // The paths among dropped URLs that open() takes: local manifest files and folders.
    Q_INVOKABLE QStringList droppable(const QStringList &urls) const;
    Q_INVOKABLE void clearRecentFiles();
    // The steps of an actions file (DESIGN 4) run at their virtual times in every run from now
    // on (podscape --actions); the simulation starts again from time 0.
    Q_INVOKABLE bool loadActions(const QString &path);
    // The seed and default namespace of every run from now on (podscape export --seed, -n); the
    // simulation starts again from time 0.
    void setSimulationOptions(const SimulationOptions &options);
    // Appends every event, once, as a JSON line to `path` (podscape --event-log).
    Q_INVOKABLE bool recordEventsTo(const QString &path);
    Q_INVOKABLE void play() { setPlaying(true); }
    Q_INVOKABLE void pause() { setPlaying(false); }
    Q_INVOKABLE void togglePlaying() { setPlaying(!playing_); }
    // Runs the simulation until something a user can see changes (or a minute of quiet passes).
    Q_INVOKABLE void stepForward();
    // Back to the previous visible change, by replaying from the start.
    Q_INVOKABLE void stepBack();
    // Back to time 0 with the same files and no user actions.
    Q_INVOKABLE void reset();
    // Runs virtual time forward to `time` (for tests, --until and the timer).
    Q_INVOKABLE void advanceTo(double time);

    // User actions on the cluster (DESIGN 3.3). Each is recorded at the current event count, so
    // stepping back and replaying does it again at the same point.
    // Could the pod ("ns/name") run on `node`? {fits, message, plugin}: the scheduler's answer,
    // asked on every hover of a drag, so nothing is recorded and nothing changes.
    Q_INVOKABLE QVariantMap checkPlacement(const QString &podKey, const QString &node) const;
    // The Eviction API on a pod; with a node, the replacement is placed there (a drop on a node).
    // {allowed, reason, message, cause, replaced}; the notice says what happened.
    Q_INVOKABLE QVariantMap evictPod(const QString &podKey, const QString &node = {});
    // cordon, uncordon, drain, fail, recover or remove; false (and a notice) when refused.
    Q_INVOKABLE bool nodeAction(const QString &node, const QString &action);
    Q_INVOKABLE bool addNode();
    Q_INVOKABLE bool killContainer(const QString &podKey, const QString &container);
    // kubectl delete pod: a graceful delete (DESIGN 3.2).
    Q_INVOKABLE bool deletePod(const QString &podKey);
    // Back (or forward) to the state after `eventsRun` events, keeping the user's actions up to
    // there: the walkthrough's Back.
    Q_INVOKABLE void seekToStep(int eventsRun);
    Q_INVOKABLE void clearNotice() { setNotice({}, false); }
    // Inspects any object by kind and key ("namespace/name", a node's name): the event log's
    // click. Pods, nodes and Services are also marked where they are drawn.
    Q_INVOKABLE void selectObject(const QString &kind, const QString &key);

    QStringList files() const { return files_; }
    QStringList errors() const { return errors_; }
    double virtualTime() const;
    int stepCount() const;
    bool canStepBack() const { return stepCount() > 0; }
    bool isPlaying() const { return playing_; }
    void setPlaying(bool playing);
    double speed() const { return speed_; }
    void setSpeed(double speed);
    static double minSpeed() { return 0.25; }
    static double maxSpeed() { return 16; }
    NodeModel *nodes() const { return nodes_; }
    PodModel *pods() const { return pods_; }
    ServiceModel *services() const { return services_; }
    EventModel *events() const { return events_; }
    ControlPlaneModel *controlPlane() const { return controlPlane_; }
    QRectF bounds() const { return layout_.bounds(); }
    QRectF queueRect() const { return layout_.queueRect(); }
    int pendingCount() const { return pendingCount_; }
    const ClusterLayout &layout() const { return layout_; }
    QString selectedPod() const { return selectedPod_; }
    QString selectedNode() const { return selectedNode_; }
    void setSelectedNode(const QString &name);
    void setSelectedPod(const QString &key);
    QVariantMap inspection() const { return inspection_; }
    QString selectedService() const { return selectedService_; }
    void setSelectedService(const QString &key);
    QStringList highlightedPods() const { return highlightedPods_; }
    const Simulation *simulation() const { return sim_.get(); }
    // Every trace entry of this run so far, with its pod, in the order they happened.
    const TraceLog &traceLog() const { return sim_->traces(); }
    QString notice() const { return notice_; }
    bool noticeIsError() const { return noticeIsError_; }
    bool watchFiles() const { return watchFiles_; }
    void setWatchFiles(bool watch);
    bool rememberRecent() const { return rememberRecent_; }
    void setRememberRecent(bool remember);
    QVariantList recentFiles() const;

signals:
    void filesChanged();
    void errorsChanged();
    void timeChanged();
    void playingChanged();
    void speedChanged();
    void layoutChanged();
    void selectedPodChanged();
    void selectedNodeChanged();
    void inspectionChanged();
    void selectedServiceChanged();
    void highlightedPodsChanged();
    void noticeChanged();
    void watchFilesChanged();
    void recentFilesChanged();

private:
    // What the user sees changed: the store was written, an event or a refusal was recorded.
    struct Signature {
        std::int64_t revision = -1;
        std::size_t events = 0;
        std::size_t rejected = 0;
        std::uint64_t traces = 0; // endpoints and kube-proxy changes write no object, only traces
        std::size_t problems = 0; // action steps that could not be carried out
        bool operator==(const Signature &) const = default;
    };
    // Something the user did at a point of the run; a replay does it again at the same point.
    struct UserAction {
        std::uint64_t eventsRun = 0;
        double time = 0;
        std::function<void(Simulation &)> apply;
    };
    using Objects = std::vector<std::shared_ptr<Object>>;

    void onTick();
    QStringList localFiles() const;
    void onDiskChange(const QStringList &modified, const QStringList &added, const QStringList &removed);
    Signature signature() const;
    void runEvent(); // one event of the clock, noting visible changes
    void restart(std::uint64_t eventsRun);
    void recordAction(std::function<void(Simulation &)> action);
    // Records an action that answers with an API error; the notice shows it.
    bool recordApiAction(std::function<std::optional<ApiError>(Simulation &)> action);
    void setNotice(const QString &text, bool error);
    void refresh();
    void refreshModels();
    void setErrors(QStringList errors);
    void writeEventLog();
    void updateHighlight();
    void inspect(const QString &kind, const QString &key);
    QVariantMap inspectSelected() const;
    void updateInspection();

    std::unique_ptr<Simulation> sim_;
    // What the actions of sim_'s run could not do; the scheduled steps write here, so it lives
    // as long as the run.
    std::shared_ptr<std::vector<Diagnostic>> runProblems_;
    SimulationOptions options_;
    ActionsFile actionsFile_;
    QStringList actionErrors_;
    QFile eventLog_;
    std::size_t eventsLogged_ = 0; // the log's high-water mark: replays do not write twice
    Objects objects_;
    std::vector<UserAction> actions_;
    std::vector<std::uint64_t> marks_; // event counts at which the visible state changed
    Signature marked_;                 // the state at the last mark
    Signature shown_;                  // what the models show
    QStringList files_;
    QStringList loadErrors_;
    QStringList errors_;
    ClusterLayout layout_;
    int pendingCount_ = 0;
    NodeModel *nodes_;
    PodModel *pods_;
    ServiceModel *services_;
    EventModel *events_;
    ControlPlaneModel *controlPlane_;
    QTimer timer_;
    QElapsedTimer wallClock_;
    bool playing_ = false;
    double speed_ = 1;
    QString selectedPod_;
    QString selectedNode_;
    struct Inspected {
        QString kind;
        QString key;
    } inspected_;
    QVariantMap inspection_;
    QString selectedService_;
    QStringList highlightedPods_;
    QString notice_;
    bool noticeIsError_ = false;
    ManifestWatcher *watcher_;
    bool watchFiles_ = true;
    bool rememberRecent_ = false;
};

} // namespace podscape
