// The cron schedule parser (robfig/cron v3's ParseStandard, as the CronJob controller uses it):
// fields, ranges, lists, steps, names, `?`, the descriptors, @every, time zones, and the errors.
#include "sim/clock.h"
#include "sim/controllers/cron_schedule.h"

#include <QtTest>

using namespace podscape;

namespace {

std::int64_t utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return unixFromCivil(y, mo, d, h, mi, s);
}

// The next activation after `from`, as "YYYY-MM-DDTHH:MM:SS<zone>" in the schedule's zone.
QString next(const std::string &spec, std::int64_t from)
{
    std::string error;
    auto s = CronSchedule::parse(spec, &error);
    if (!s)
        return QString::fromStdString("error: " + error);
    auto t = s->next(from);
    return t ? QString::fromStdString(formatRfc3339(*t, s->zone())) : QString("never");
}

QString parseError(const std::string &spec)
{
    std::string error;
    return CronSchedule::parse(spec, &error) ? QString() : QString::fromStdString(error);
}

} // namespace

class TestCronSchedule : public QObject {
    Q_OBJECT

private slots:
    void calendar()
    {
        QCOMPARE(kVirtualEpochUnixSeconds, std::int64_t(1767225600));
        CivilTime c = civilFromUnix(kVirtualEpochUnixSeconds);
        QCOMPARE(c.year, 2026);
        QCOMPARE(c.month, 1);
        QCOMPARE(c.day, 1);
        QCOMPARE(c.weekday, 4); // a Thursday
        QCOMPARE(utc(2026, 1, 1), kVirtualEpochUnixSeconds);
        QCOMPARE(utc(2024, 2, 29, 12), std::int64_t(1709208000));
        QCOMPARE(utc(2025, 13, 1), utc(2026, 1, 1)); // time.Date normalises
        QCOMPARE(formatRfc3339(kVirtualEpochUnixSeconds + 60, *TimeZone::utc()), std::string("2026-01-01T00:01:00Z"));
        QCOMPARE(formatRfc1123Z(kVirtualEpochUnixSeconds + 60), std::string("Thu, 01 Jan 2026 00:01:00 +0000"));
    }

    void next_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<qint64>("from");
        QTest::addColumn<QString>("expected");
        const qint64 epoch = kVirtualEpochUnixSeconds; // Thursday 2026-01-01 00:00:00 UTC
        QTest::newRow("every minute") << "*/1 * * * *" << epoch << "2026-01-01T00:01:00Z";
        QTest::newRow("strictly after") << "* * * * *" << epoch + 59 << "2026-01-01T00:01:00Z";
        QTest::newRow("every 5 minutes") << "*/5 * * * *" << epoch + 61 << "2026-01-01T00:05:00Z";
        QTest::newRow("N/step is N-max/step") << "7/20 * * * *" << epoch + 8 * 60 << "2026-01-01T00:27:00Z";
        QTest::newRow("list") << "15,45 * * * *" << epoch + 16 * 60 << "2026-01-01T00:45:00Z";
        QTest::newRow("range") << "0 9-17 * * *" << epoch + 18 * 3600 << "2026-01-02T09:00:00Z";
        QTest::newRow("range with step") << "0 0-12/6 * * *" << epoch + 7 * 3600 << "2026-01-01T12:00:00Z";
        QTest::newRow("weekday name") << "30 8 * * MON" << epoch << "2026-01-05T08:30:00Z";
        QTest::newRow("weekday range") << "0 0 * * mon-fri" << epoch + 86400 << "2026-01-05T00:00:00Z";
        QTest::newRow("month name") << "0 0 1 JUN ?" << epoch << "2026-06-01T00:00:00Z";
        QTest::newRow("question mark") << "0 12 ? * *" << epoch << "2026-01-01T12:00:00Z";
        QTest::newRow("dom or dow") << "0 0 13 * 5" << epoch << "2026-01-02T00:00:00Z";
        QTest::newRow("dom and star dow") << "0 0 13 * *" << epoch << "2026-01-13T00:00:00Z";
        QTest::newRow("leap day") << "0 0 29 2 *" << epoch << "2028-02-29T00:00:00Z";
        QTest::newRow("year wrap") << "0 0 1 1 *" << epoch << "2027-01-01T00:00:00Z";
        QTest::newRow("@yearly") << "@yearly" << epoch << "2027-01-01T00:00:00Z";
        QTest::newRow("@annually") << "@annually" << epoch << "2027-01-01T00:00:00Z";
        QTest::newRow("@monthly") << "@monthly" << epoch << "2026-02-01T00:00:00Z";
        QTest::newRow("@weekly") << "@weekly" << epoch << "2026-01-04T00:00:00Z";
        QTest::newRow("@daily") << "@daily" << epoch << "2026-01-02T00:00:00Z";
        QTest::newRow("@midnight") << "@midnight" << epoch + 3600 << "2026-01-02T00:00:00Z";
        QTest::newRow("@hourly") << "@hourly" << epoch + 1 << "2026-01-01T01:00:00Z";
        QTest::newRow("@every") << "@every 90s" << epoch << "2026-01-01T00:01:30Z";
        QTest::newRow("@every compound") << "@every 1h30m" << epoch << "2026-01-01T01:30:00Z";
        QTest::newRow("never (30 February)") << "0 0 30 2 *" << epoch << "never";
        QTest::newRow("TZ prefix, UTC") << "TZ=UTC 0 3 * * *" << epoch << "2026-01-01T03:00:00Z";
    }

    void next()
    {
        QFETCH(QString, spec);
        QFETCH(qint64, from);
        QFETCH(QString, expected);
        QCOMPARE(::next(spec.toStdString(), from), expected);
    }

    // IANA zones from the system's zoneinfo (tzdata).
    void timeZones()
    {
        // scripts/setup-debian installs tzdata: spec.timeZone needs /usr/share/zoneinfo.
        QVERIFY2(TimeZone::load("Europe/Berlin"), "no Europe/Berlin in /usr/share/zoneinfo (install tzdata)");
        const std::int64_t epoch = kVirtualEpochUnixSeconds;
        QCOMPARE(TimeZone::load("Europe/Berlin")->offsetAt(epoch), std::int64_t(3600));
        QCOMPARE(TimeZone::load("Europe/Berlin")->offsetAt(utc(2026, 7, 1)), std::int64_t(7200));
        QCOMPARE(TimeZone::load("America/New_York")->offsetAt(epoch), std::int64_t(-5 * 3600));
        QCOMPARE(::next("CRON_TZ=Europe/Berlin 0 9 * * *", epoch), QString("2026-01-01T09:00:00+01:00"));
        QCOMPARE(::next("TZ=America/New_York 0 9 * * *", epoch), QString("2026-01-01T09:00:00-05:00"));
        QCOMPARE(::next("TZ=Asia/Kolkata 0 0 * * *", epoch), QString("2026-01-02T00:00:00+05:30"));
        // Berlin's 2026 spring change (29 March, 02:00 → 03:00): as in robfig/cron, a time the clocks
        // skip does not run that day.
        QCOMPARE(::next("TZ=Europe/Berlin 30 2 * * *", utc(2026, 3, 28, 12)), QString("2026-03-30T02:30:00+02:00"));
        QCOMPARE(::next("TZ=Europe/Berlin 0 12 * * *", utc(2026, 3, 28, 12)), QString("2026-03-29T12:00:00+02:00"));
        QVERIFY(!TimeZone::load("Mars/Olympus_Mons"));
        QVERIFY(!TimeZone::load("../etc/passwd"));
        QVERIFY(!TimeZone::load("Local"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << ""
                               << "empty spec string";
        QTest::newRow("four fields") << "* * * *"
                                     << "expected exactly 5 fields, found 4: [* * * *]";
        QTest::newRow("six fields") << "0 * * * * *"
                                    << "expected exactly 5 fields, found 6: [0 * * * * *]";
        QTest::newRow("minute 60") << "60 * * * *"
                                   << "end of range (60) above maximum (59): 60";
        QTest::newRow("day 0") << "0 0 0 * *"
                               << "beginning of range (0) below minimum (1): 0";
        QTest::newRow("reversed") << "0 5-2 * * *"
                                  << "beginning of range (5) beyond end of range (2): 5-2";
        QTest::newRow("step 0") << "*/0 * * * *"
                                << "step of range should be a positive number: */0";
        QTest::newRow("hyphens") << "1-2-3 * * * *"
                                 << "too many hyphens: 1-2-3";
        QTest::newRow("slashes") << "*/2/3 * * * *"
                                 << "too many slashes: */2/3";
        QTest::newRow("word") << "x * * * *"
                              << "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax";
        QTest::newRow("descriptor") << "@fortnightly"
                                    << "unrecognized descriptor: @fortnightly";
        QTest::newRow("bad zone") << "TZ=Nowhere/Here * * * * *"
                                  << "provided bad location Nowhere/Here: unknown time zone Nowhere/Here";
    }

    void errors()
    {
        QFETCH(QString, spec);
        QFETCH(QString, error);
        QCOMPARE(parseError(spec.toStdString()), error);
    }
};

QTEST_APPLESS_MAIN(TestCronSchedule)
#include "tst_cron_schedule.moc"
