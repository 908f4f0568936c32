// Cron schedules as the CronJob controller reads them (robfig/cron v3's ParseStandard): five fields
// (minute, hour, day of month, month, day of week) with ranges, lists, steps, `*` / `?`, month and
// weekday names; the descriptors @yearly @annually @monthly @weekly @daily @midnight @hourly and
// `@every <duration>`; and a `TZ=` / `CRON_TZ=` prefix naming the time zone.
//
// Time zones: libstdc++ 12 has no <chrono> tzdb (std::chrono::locate_zone arrives with GCC 13), so
// zones are read from the system's compiled IANA database (/usr/share/zoneinfo, TZif files) when it
// is there. UTC (and "Etc/UTC", "") always works. What is missing: the POSIX TZ rule at the end of a
// TZif file is not read, so dates after a zone's last listed transition keep its last offset (the
// "fat" files Debian ships list transitions up to 2037); without /usr/share/zoneinfo only UTC is known.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace podscape {

// A time zone: the UTC offset in force at each instant.
class TimeZone {
public:
    static std::shared_ptr<const TimeZone> utc();
    // The IANA zone `name` (time.LoadLocation); null when unknown.
    static std::shared_ptr<const TimeZone> load(const std::string &name);

    const std::string &name() const { return name_; }
    // Seconds east of UTC at the Unix time `t`.
    std::int64_t offsetAt(std::int64_t t) const;

private:
    std::string name_;
    std::vector<std::int64_t> transitions_; // Unix times, ascending
    std::vector<std::int64_t> offsets_;     // offset from transitions_[i] on
    std::int64_t initialOffset_ = 0;        // before the first transition
};

// Civil (calendar) date and time, as Go's time.Date takes it.
struct CivilTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    int weekday = 4; // 0 = Sunday
};
CivilTime civilFromUnix(std::int64_t t); // in UTC
std::int64_t unixFromCivil(int year, int month, int day, int hour, int minute, int second);
// RFC 3339 in the zone, as Go's time.Format(time.RFC3339): 2026-01-01T00:01:00Z, ...T01:01:00+01:00.
std::string formatRfc3339(std::int64_t t, const TimeZone &zone);
// RFC 1123 with a numeric zone in UTC (time.RFC1123Z): "Thu, 01 Jan 2026 00:01:00 +0000".
std::string formatRfc1123Z(std::int64_t t);

class CronSchedule {
public:
    // cron.ParseStandard: the schedule, or robfig/cron's error in `error`.
    static std::optional<CronSchedule> parse(const std::string &spec, std::string *error = nullptr);

    // Schedule.Next: the first activation strictly after the Unix time `t`; nullopt when there is
    // none within five years (robfig/cron returns the zero time then).
    std::optional<std::int64_t> next(std::int64_t t) const;
    const TimeZone &zone() const { return *zone_; }

private:
    std::uint64_t minute_ = 0, hour_ = 0, dom_ = 0, month_ = 0, dow_ = 0;
    bool domStar_ = false, dowStar_ = false; // robfig's starBit: `*` or `?` without a step > 1
    std::int64_t every_ = 0;                 // @every: the constant delay in seconds (0 = a spec)
    std::shared_ptr<const TimeZone> zone_;
};

} // namespace podscape
