// The event log and the stage traces keep their strings once, as ids: what goes in must come
// back unchanged, in order, and views must stay valid however much is recorded after them.
#include "cluster/events.h"

#include <QtTest>

using namespace podscape;

namespace {

Event scheduled(const std::string &pod, double time)
{
    return {time,
            "Normal",
            "Scheduled",
            {"Pod", "default", pod, "uid-" + pod, {}},
            "Successfully assigned default/" + pod + " to worker-1",
            "default-scheduler"};
}

void compareEvents(const Event &got, const Event &want)
{
    QCOMPARE(got.time, want.time);
    QCOMPARE(got.type, want.type);
    QCOMPARE(got.reason, want.reason);
    QCOMPARE(got.object.kind, want.object.kind);
    QCOMPARE(got.object.namespace_, want.object.namespace_);
    QCOMPARE(got.object.name, want.object.name);
    QCOMPARE(got.object.uid, want.object.uid);
    QCOMPARE(got.object.fieldPath, want.object.fieldPath);
    QCOMPARE(got.message, want.message);
    QCOMPARE(got.source, want.source);
}

} // namespace

class TestEvents : public QObject {
    Q_OBJECT

private slots:
    void eventsComeBackAsRecorded()
    {
        EventRecorder recorder;
        std::vector<Event> seen;
        recorder.listen([&](const Event &e) { seen.push_back(e); });
        Event pulled{2.5, "Normal", "Pulled", {"Pod", "shop", "web-0", "u-1", "spec.containers{nginx}"},
                     "Container image \"nginx\" already present on machine", "kubelet"};
        recorder.record(scheduled("web-0", 1));
        recorder.record(pulled);
        recorder.record(scheduled("web-1", 3));

        const EventLog &log = recorder.events();
        QCOMPARE(log.size(), std::size_t(3));
        compareEvents(log[0], scheduled("web-0", 1));
        compareEvents(log[1], pulled);
        compareEvents(log[2], scheduled("web-1", 3));
        QCOMPARE(seen.size(), std::size_t(3));
        compareEvents(seen[1], pulled);
        std::vector<std::string> reasons;
        for (const Event &e : log)
            reasons.push_back(e.reason);
        QCOMPARE(reasons, (std::vector<std::string>{"Scheduled", "Pulled", "Scheduled"}));
        QVERIFY(log.involves(1, "Pod", "shop", "web-0"));
        QVERIFY(!log.involves(0, "Pod", "shop", "web-0")); // web-0 in default, not shop
        QVERIFY(!log.involves(2, "Node", "default", "web-1"));
    }

    void longMessagesAreCutAsKubernetesCutsThem()
    {
        EventRecorder recorder;
        Event e = scheduled("web-0", 1);
        e.message = std::string(3000, 'x');
        recorder.record(e);
        const std::string kept = recorder.events()[0].message;
        QCOMPARE(kept.size(), std::size_t(1024));
        QVERIFY(kept.ends_with(" ..."));
    }

    void tracesPerPodAndInTheOrderRecorded()
    {
        TraceRecorder traces;
        traces.add("default/a", 0.1, "kubectl", "create", "POST /api/v1/namespaces/default/pods");
        traces.add("default/b", 0.2, "kubectl", "create", "POST /api/v1/namespaces/default/pods");
        traces.add("default/a", 0.3, "kube-scheduler", "bind", "Binding default/a to worker-1");
        QCOMPARE(traces.size(), std::size_t(3));
        auto a = traces.trace("default/a");
        QCOMPARE(a.size(), std::size_t(2));
        QCOMPARE(a[0].stage, std::string_view("create"));
        QCOMPARE(a[1].detail, std::string_view("Binding default/a to worker-1"));
        QCOMPARE(a[1].time, 0.3);
        QVERIFY(traces.trace("default/never").empty());
        std::vector<std::string> order;
        for (const auto &[pod, e] : traces)
            order.push_back(std::string(pod) + " " + std::string(e.stage));
        QCOMPARE(order, (std::vector<std::string>{"default/a create", "default/b create", "default/a bind"}));
    }

    // A hundred thousand pods' traces fill many chunks of the string pool: entries read back
    // early and entries far past a chunk's end (and longer than one) are intact.
    void viewsStayValidAsThePoolGrows()
    {
        TraceRecorder traces;
        traces.add("default/first", 0, "kubelet", "CNI: IP assigned", "10.244.0.2");
        const TraceEntry first = traces.trace("default/first").front();
        const std::string huge(100 * 1024, 'y');
        traces.add("default/huge", 1, "kubelet", "container exited", huge);
        for (int i = 0; i < 20000; ++i)
            traces.add("default/pod-" + std::to_string(i), i, "kube-scheduler", "bind",
                       "Binding default/pod-" + std::to_string(i) + " to worker-" + std::to_string(i % 7));
        QCOMPARE(first.detail, std::string_view("10.244.0.2"));
        QCOMPARE(traces.trace("default/huge").front().detail.size(), huge.size());
        QCOMPARE(traces.trace("default/pod-12345").front().detail, std::string_view("Binding default/pod-12345 to worker-4"));
        QCOMPARE(traces[0].second.detail, std::string_view("10.244.0.2"));
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
