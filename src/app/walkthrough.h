// The guided walkthrough: the stories the study notes tell (what happens when you create a Pod,
// when you delete one, when one is evicted, when its node fails), told on the running cluster.
// Each stop is a step the simulation really took (a trace entry or an event of the story's pods
// and node), in order; the cluster is paused there and the narration explains it in the user's
// language. Next runs the clock to the next stop; Back replays to the previous one.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace podscape {

class ClusterSession;

class Walkthrough : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(ClusterSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(QString story READ story NOTIFY changed)
    Q_PROPERTY(QString storyTitle READ storyTitle NOTIFY changed)
    Q_PROPERTY(int index READ index NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString narration READ narration NOTIFY changed)
    // The control-plane lane the stop belongs to, and the engine's own words for it (English, as
    // Kubernetes components would log them).
    Q_PROPERTY(QString component READ component NOTIFY changed)
    Q_PROPERTY(QString detail READ detail NOTIFY changed)
    Q_PROPERTY(QString subject READ subject NOTIFY changed) // the pod ("namespace/name") or node
    Q_PROPERTY(double time READ time NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)

public:
    explicit Walkthrough(QObject *parent = nullptr);

    // [{id, title}] of every story, in the notes' order.
    Q_INVOKABLE static QVariantList stories();
    // Starts a story on the session's files: "create", "delete", "evict" or "nodeFailure". False
    // (and `error`) when the files have nothing the story can be told on.
    Q_INVOKABLE bool start(const QString &story);
    Q_INVOKABLE void next();
    Q_INVOKABLE void back();
    Q_INVOKABLE void stop();

    ClusterSession *session() const { return session_; }
    void setSession(ClusterSession *session);
    bool active() const { return !stops_.empty(); }
    QString story() const { return story_; }
    QString storyTitle() const;
    int index() const { return index_; }
    int count() const { return int(stops_.size()); }
    QString title() const;
    QString narration() const;
    QString component() const;
    QString detail() const;
    QString subject() const;
    double time() const;
    QString error() const { return error_; }

    // One stop: what happened, when, and how far the clock had run when it was reached.
    struct Stop {
        double time = 0;
        QString component; // trace component or event source
        QString stage;     // trace stage or event reason
        QString detail;
        QString subject;
        QString title;
        QString narration;
        int eventsRun = -1; // filled in as the walkthrough reaches the stop
    };
    const std::vector<Stop> &stops() const { return stops_; }

signals:
    void sessionChanged();
    void changed();

private:
    struct Narration {
        QString title;
        QString text;
    };
    // The study notes' explanation of a step, in their order and terms.
    static Narration narrate(const Stop &stop, const QString &story);
    bool startCreate();
    bool startAfterAction(const QString &story);
    void goTo(int index);
    bool fail(const QString &why);

    QPointer<ClusterSession> session_;
    QString story_;
    std::vector<Stop> stops_;
    int index_ = -1;
    QString error_;
};

} // namespace podscape
