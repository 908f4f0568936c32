// The window at scale: CPU time per frame of the GUI thread and the scene graph's render thread
// while the canvas pans, with PODS pods Running on PODS/100 nodes. The window is the
// one users get (Main.qml), the cluster comes through the same files-and-simulation path, and
// the canvas sits at the level of detail it picks when fitted; a second figure zooms in to where
// pod cards with their chips are drawn. Prints JSON lines.
//
// Run it on an X server with OpenGL, as users have (bench/run starts Xvfb, whose OpenGL is Mesa's
// llvmpipe). llvmpipe rasterizes on the CPU in worker threads of its own, the work a graphics card
// does on a desktop: the figures leave it out, and stderr says what all threads together took.
//
//   bench_frames PODS [FRAMES]
#include "app/cluster_session.h"
#include "app/pod_field.h"
#include "app/pod_model.h"
#include "bench_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <pthread.h>
#include <vector>

using namespace podscape;

namespace {

double cpuMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The CPU clocks of the GUI thread and the render thread (the same thread with the basic
// render loop), and the whole process's.
struct Clocks {
    clockid_t gui = 0;
    clockid_t render = 0;
    bool separateRenderThread = false;

    double threadsMs() const { return cpuMs(gui) + (separateRenderThread ? cpuMs(render) : 0); }
    static double processMs() { return cpuMs(CLOCK_PROCESS_CPUTIME_ID); }
};

struct Frames {
    std::vector<double> threads; // GUI + render thread
    std::vector<double> process; // every thread, llvmpipe's too
};

// PODS/100 nodes and PODS/100 Deployments of 100 replicas, as a user would write them.
QByteArray clusterYaml(int pods)
{
    QByteArray yaml;
    const int groups = std::max(1, pods / 100);
    for (int i = 0; i < groups; ++i)
        yaml += QStringLiteral("apiVersion: v1\nkind: Node\nmetadata:\n  name: node-%1\n"
                               "status:\n  capacity:\n    cpu: \"32\"\n    memory: 128Gi\n    pods: \"110\"\n---\n")
                    .arg(1000 + i)
                    .toUtf8();
    for (int i = 0; i < groups; ++i)
        yaml += QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-%1\nspec:\n"
                               "  replicas: %2\n  selector:\n    matchLabels: {app: app-%1}\n  template:\n"
                               "    metadata:\n      labels: {app: app-%1}\n    spec:\n      containers:\n"
                               "      - name: nginx\n        image: nginx:1.27\n        resources:\n"
                               "          requests: {cpu: 100m, memory: 64Mi}\n---\n")
                    .arg(i)
                    .arg(std::min(100, pods - i * 100))
                    .toUtf8();
    return yaml;
}

int runningPods(const ClusterSession &session)
{
    const auto &rows = session.pods()->rows();
    return int(std::count_if(rows.begin(), rows.end(), [](const PodRow &r) { return r.status == "Running"; }));
}

void spin(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

// Pans the canvas one step per frame for `frames` frames; returns each frame's CPU time.
Frames panFrames(QQuickWindow *window, QQuickItem *canvas, const Clocks &clocks, int frames)
{
    Frames out;
    double last = clocks.threadsMs();
    double lastProcess = Clocks::processMs();
    int frame = 0;
    QEventLoop loop;
    auto pan = [&] {
        // Back and forth, so the view stays over the cluster.
        double dx = (frame / 60) % 2 == 0 ? 9 : -9;
        QMetaObject::invokeMethod(canvas, "panBy", Q_ARG(QVariant, dx), Q_ARG(QVariant, dx / 3));
    };
    auto conn = QObject::connect(
        window, &QQuickWindow::frameSwapped, &loop,
        [&] {
            double now = clocks.threadsMs();
            double process = Clocks::processMs();
            if (frame > 0) {
                out.threads.push_back(now - last);
                out.process.push_back(process - lastProcess);
            }
            last = now;
            lastProcess = process;
            if (++frame > frames)
                loop.quit();
            else
                pan();
        },
        Qt::QueuedConnection);
    pan();
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(conn);
    return out;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    const int pods = argc > 1 ? std::atoi(argv[1]) : 5000;
    const int frames = argc > 2 ? std::atoi(argv[2]) : 300;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("cluster.yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(clusterYaml(pods)) < 0)
        return 1;
    file.close();

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{QStringLiteral("initialFiles"), QStringList{path}}});
    engine.load(QUrl(QStringLiteral("qrc:/Podscape/qml/Main.qml")));
    auto *window =
        engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    auto *session = window ? window->findChild<ClusterSession *>() : nullptr;
    auto *canvas = window ? window->findChild<QQuickItem *>(QStringLiteral("clusterCanvas")) : nullptr;
    if (!session || !canvas)
        return 1;
    Clocks clocks;
    pthread_getcpuclockid(pthread_self(), &clocks.gui);
    const pthread_t gui = pthread_self();
    QObject::connect(
        window, &QQuickWindow::beforeRendering, window,
        [&clocks, gui] {
            if (clocks.render == 0 && !pthread_equal(gui, pthread_self())) {
                pthread_getcpuclockid(pthread_self(), &clocks.render);
                clocks.separateRenderThread = true;
            }
        },
        Qt::DirectConnection);

    // Until every pod is Running, on the virtual clock, as fast as the simulation goes.
    session->pause();
    QElapsedTimer wall;
    wall.start();
    for (double t = 10; runningPods(*session) < pods && t < 3600; t += 10) {
        session->advanceTo(t);
        QCoreApplication::processEvents();
    }
    const double simulated = double(wall.elapsed()) / 1000.0;
    if (runningPods(*session) < pods) {
        std::fprintf(stderr, "only %d of %d pods Running\n", runningPods(*session), pods);
        return 1;
    }
    QMetaObject::invokeMethod(canvas, "fit");
    spin(1500); // cards and bars settle

    const std::string shape = std::to_string(pods / 1000) + "k_pods";
    std::fprintf(stderr, "%s: graphics API %d (%s), %s render thread; simulated in the window in %.1f s\n",
                 shape.c_str(), int(window->rendererInterface()->graphicsApi()), qPrintable(qGuiApp->platformName()),
                 clocks.separateRenderThread ? "a" : "no", simulated);
    auto *field = window->findChild<PodField *>(QStringLiteral("podField"));
    auto report = [&](const std::string &name, const Frames &f) {
        const bool asField = field && field->isVisible();
        std::fprintf(stderr, "%s: zoom %.3f, %s (%d rectangles), %zu frames, median %.2f ms; all threads p95 %.2f ms\n",
                     name.c_str(), canvas->property("zoom").toDouble(),
                     canvas->property("detailed").toBool()   ? "pod cards with chips"
                     : canvas->property("labelled").toBool() ? "labelled pod cards"
                                                             : "pods as one field",
                     asField ? field->drawnRectangles() : 0, f.threads.size(), percentile(f.threads, 0.5),
                     percentile(f.process, 0.95));
        bench::printFigure(name, percentile(f.threads, 0.95), "ms");
    };
    report("frame_ms_" + shape, panFrames(window, canvas, clocks, frames));

    // Zoomed in to 60 %: cards with their chips, created only near the view.
    QMetaObject::invokeMethod(canvas, "zoomBy", Q_ARG(QVariant, 0.6 / canvas->property("zoom").toDouble()));
    spin(1500);
    report("frame_ms_" + shape + "_zoomed_in", panFrames(window, canvas, clocks, frames));
    return 0;
}
