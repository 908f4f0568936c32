#include "sim/controllers/cron_schedule.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>

namespace podscape {

namespace {

// --- Calendar arithmetic (proleptic Gregorian, Howard Hinnant's days_from_civil) ---------------

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// --- TZif (RFC 8536) ------------------------------------------------------------------------------

std::int64_t readBigEndian(const std::string &data, std::size_t at, int bytes)
{
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | static_cast<unsigned char>(data[at + std::size_t(i)]);
    if (bytes == 4)
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
}

// --- robfig/cron's field parsing ------------------------------------------------------------------

struct Bounds {
    int min, max;
    const std::map<std::string, int> *names;
};

const std::map<std::string, int> kMonthNames = {{"jan", 1}, {"feb", 2},  {"mar", 3},  {"apr", 4},
                                                {"may", 5}, {"jun", 6},  {"jul", 7},  {"aug", 8},
                                                {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
const std::map<std::string, int> kDayNames = {{"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3},
                                              {"thu", 4}, {"fri", 5}, {"sat", 6}};
const Bounds kMinutes{0, 59, nullptr}, kHours{0, 23, nullptr}, kDom{1, 31, nullptr}, kMonths{1, 12, &kMonthNames},
    kDow{0, 6, &kDayNames};

std::vector<std::string> split(const std::string &s, char sep)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        std::size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos)
            return out;
        start = at + 1;
    }
}

// mustParseInt: strconv.Atoi and its error, then the sign check.
bool parseInt(const std::string &expr, int &out, std::string &error)
{
    std::string digits = expr;
    bool negative = false;
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
        negative = digits[0] == '-';
        digits.erase(0, 1);
    }
    bool ok = !digits.empty() && digits.size() < 10 &&
              std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); });
    if (!ok) {
        error = "failed to parse int from " + expr + ": strconv.Atoi: parsing \"" + expr +
                "\": " + (digits.size() >= 10 && !digits.empty() ? "value out of range" : "invalid syntax");
        return false;
    }
    out = std::stoi(digits) * (negative ? -1 : 1);
    if (out < 0) {
        error = "negative number (" + std::to_string(out) + ") not allowed: " + expr;
        return false;
    }
    return true;
}

bool parseIntOrName(const std::string &expr, const Bounds &b, int &out, std::string &error)
{
    if (b.names) {
        std::string lower = expr;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (auto it = b.names->find(lower); it != b.names->end()) {
            out = it->second;
            return true;
        }
    }
    return parseInt(expr, out, error);
}

// getRange: one `a`, `a-b`, `*`, `?`, each with an optional `/step`.
bool parseRange(const std::string &expr, const Bounds &b, std::uint64_t &bits, bool &star, std::string &error)
{
    auto rangeAndStep = split(expr, '/');
    auto lowAndHigh = split(rangeAndStep[0], '-');
    const bool single = lowAndHigh.size() == 1;
    int start = 0, end = 0, step = 1;
    bool extra = false;
    if (lowAndHigh[0] == "*" || lowAndHigh[0] == "?") {
        start = b.min;
        end = b.max;
        extra = true;
    } else {
        if (!parseIntOrName(lowAndHigh[0], b, start, error))
            return false;
        if (lowAndHigh.size() == 1) {
            end = start;
        } else if (lowAndHigh.size() == 2) {
            if (!parseIntOrName(lowAndHigh[1], b, end, error))
                return false;
        } else {
            error = "too many hyphens: " + expr;
            return false;
        }
    }
    if (rangeAndStep.size() == 2) {
        if (!parseInt(rangeAndStep[1], step, error))
            return false;
        if (single) // "N/step" means "N-max/step"
            end = b.max;
        if (step > 1)
            extra = false;
    } else if (rangeAndStep.size() > 2) {
        error = "too many slashes: " + expr;
        return false;
    }
    auto s = [](int v) { return std::to_string(v); };
    if (start < b.min)
        error = "beginning of range (" + s(start) + ") below minimum (" + s(b.min) + "): " + expr;
    else if (end > b.max)
        error = "end of range (" + s(end) + ") above maximum (" + s(b.max) + "): " + expr;
    else if (start > end)
        error = "beginning of range (" + s(start) + ") beyond end of range (" + s(end) + "): " + expr;
    else if (step == 0)
        error = "step of range should be a positive number: " + expr;
    if (!error.empty())
        return false;
    for (int v = start; v <= end; v += step)
        bits |= std::uint64_t(1) << v;
    star = star || extra;
    return true;
}

// getField: comma-separated ranges (empty items skipped, as strings.FieldsFunc does).
bool parseField(const std::string &field, const Bounds &b, std::uint64_t &bits, bool &star, std::string &error)
{
    for (const auto &expr : split(field, ','))
        if (!expr.empty() && !parseRange(expr, b, bits, star, error))
            return false;
    return true;
}

// time.ParseDuration, in seconds (nullopt on error).
std::optional<double> parseGoDuration(const std::string &orig)
{
    std::string s = orig;
    double sign = 1;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        sign = s[0] == '-' ? -1 : 1;
        s.erase(0, 1);
    }
    if (s == "0")
        return 0.0;
    if (s.empty())
        return std::nullopt;
    static const std::map<std::string, double> units = {{"ns", 1e-9},        {"us", 1e-6}, {"\xc2\xb5s", 1e-6},
                                                        {"\xce\xbcs", 1e-6}, {"ms", 1e-3}, {"s", 1},
                                                        {"m", 60},           {"h", 3600}};
    double total = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t start = i;
        while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'))
            ++i;
        if (i == start)
            return std::nullopt;
        double value = 0;
        try {
            value = std::stod(s.substr(start, i - start));
        } catch (...) {
            return std::nullopt;
        }
        std::size_t u = i;
        while (u < s.size() && s[u] != '.' && !std::isdigit(static_cast<unsigned char>(s[u])))
            ++u;
        auto it = units.find(s.substr(i, u - i));
        if (it == units.end())
            return std::nullopt;
        total += value * it->second;
        i = u;
    }
    return sign * total;
}

std::string goFieldList(const std::vector<std::string> &fields)
{
    std::string out = "[";
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i ? " " : "") + fields[i];
    return out + "]";
}

std::string trim(const std::string &s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return s.substr(b, e - b);
}

std::string two(int v)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

// Go's time values in a zone, as robfig/cron's Next manipulates them.
struct Zoned {
    const TimeZone *zone;
    std::int64_t at;
    CivilTime civil() const { return civilFromUnix(at + zone->offsetAt(at)); }
    // time.Date(y, m, d, h, mi, s, 0, loc): normalises overflowing fields; a wall time in a gap or
    // overlap takes the offset in force just before it.
    static Zoned date(const TimeZone *zone, int y, int m, int d, int h, int mi, int s)
    {
        std::int64_t local = unixFromCivil(y, m, d, h, mi, s);
        std::int64_t guess = local - zone->offsetAt(local);
        std::int64_t u = local - zone->offsetAt(guess);
        if (zone->offsetAt(u) != zone->offsetAt(guess))
            u = local - zone->offsetAt(u);
        return {zone, u};
    }
};

} // namespace

// --- TimeZone ---------------------------------------------------------------------------------------

std::shared_ptr<const TimeZone> TimeZone::utc()
{
    static const auto zone = [] {
        auto z = std::make_shared<TimeZone>();
        z->name_ = "UTC";
        return std::shared_ptr<const TimeZone>(z);
    }();
    return zone;
}

std::shared_ptr<const TimeZone> TimeZone::load(const std::string &name)
{
    if (name.empty() || name == "UTC")
        return utc();
    if (name == "Local" || name.front() == '/' || name.find("..") != std::string::npos)
        return nullptr;
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const TimeZone>> cache;
    std::lock_guard lock(mutex);
    if (auto it = cache.find(name); it != cache.end())
        return it->second;
    std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
    if (!in)
        return cache[name] = nullptr;
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() < 44 || data.compare(0, 4, "TZif") != 0)
        return cache[name] = nullptr;
    auto counts = [&](std::size_t header) {
        std::vector<std::int64_t> c;
        for (int i = 0; i < 6; ++i)
            c.push_back(readBigEndian(data, header + 20 + std::size_t(4 * i), 4));
        return c; // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    };
    std::size_t header = 0;
    int timeBytes = 4;
    auto c = counts(0);
    if (data[4] >= '2') { // skip the 32-bit block to the 64-bit one
        header = 44 + std::size_t(c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]);
        if (data.size() < header + 44)
            return cache[name] = nullptr;
        c = counts(header);
        timeBytes = 8;
    }
    const std::size_t timecnt = std::size_t(c[3]), typecnt = std::size_t(c[4]);
    const std::size_t times = header + 44, indexes = times + timecnt * std::size_t(timeBytes),
                      types = indexes + timecnt;
    if (typecnt == 0 || data.size() < types + typecnt * 6)
        return cache[name] = nullptr;
    auto zone = std::make_shared<TimeZone>();
    zone->name_ = name;
    auto offsetOfType = [&](std::size_t t) { return readBigEndian(data, types + 6 * std::min(t, typecnt - 1), 4); };
    zone->initialOffset_ = offsetOfType(0);
    for (std::size_t i = 0; i < timecnt; ++i) {
        zone->transitions_.push_back(readBigEndian(data, times + i * std::size_t(timeBytes), timeBytes));
        zone->offsets_.push_back(offsetOfType(static_cast<unsigned char>(data[indexes + i])));
    }
    return cache[name] = zone;
}

std::int64_t TimeZone::offsetAt(std::int64_t t) const
{
    auto it = std::upper_bound(transitions_.begin(), transitions_.end(), t);
    if (it == transitions_.begin())
        return initialOffset_;
    return offsets_[std::size_t(it - transitions_.begin() - 1)];
}

// --- Civil time -------------------------------------------------------------------------------------

CivilTime civilFromUnix(std::int64_t t)
{
    std::int64_t days = floorDiv(t, 86400);
    std::int64_t secs = t - days * 86400;
    CivilTime c;
    c.weekday = int(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday
    std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    c.day = int(doy - (153 * mp + 2) / 5 + 1);
    c.month = int(mp < 10 ? mp + 3 : mp - 9);
    c.year = int(std::int64_t(yoe) + era * 400 + (c.month <= 2));
    c.hour = int(secs / 3600);
    c.minute = int(secs % 3600 / 60);
    c.second = int(secs % 60);
    return c;
}

std::int64_t unixFromCivil(int year, int month, int day, int hour, int minute, int second)
{
    std::int64_t m0 = std::int64_t(month) - 1; // normalise the month first, as time.Date does
    std::int64_t y = year + floorDiv(m0, 12);
    m0 -= floorDiv(m0, 12) * 12;
    std::int64_t days = daysFromCivil(y, unsigned(m0 + 1), 1) + (day - 1);
    return days * 86400 + std::int64_t(hour) * 3600 + std::int64_t(minute) * 60 + second;
}

std::string formatRfc3339(std::int64_t t, const TimeZone &zone)
{
    std::int64_t off = zone.offsetAt(t);
    CivilTime c = civilFromUnix(t + off);
    std::string out = std::to_string(c.year) + "-" + two(c.month) + "-" + two(c.day) + "T" + two(c.hour) + ":" +
                      two(c.minute) + ":" + two(c.second);
    if (off == 0)
        return out + "Z";
    std::int64_t a = off < 0 ? -off : off;
    return out + (off < 0 ? "-" : "+") + two(int(a / 3600)) + ":" + two(int(a % 3600 / 60));
}

std::string formatRfc1123Z(std::int64_t t)
{
    static const char *days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    CivilTime c = civilFromUnix(t);
    return std::string(days[c.weekday]) + ", " + two(c.day) + " " + months[c.month - 1] + " " + std::to_string(c.year) +
           " " + two(c.hour) + ":" + two(c.minute) + ":" + two(c.second) + " +0000";
}

// --- CronSchedule -----------------------------------------------------------------------------------

std::optional<CronSchedule> CronSchedule::parse(const std::string &specIn, std::string *error)
{
    auto fail = [&](const std::string &message) -> std::optional<CronSchedule> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    std::string spec = specIn;
    if (spec.empty())
        return fail("empty spec string");
    CronSchedule s;
    s.zone_ = TimeZone::utc();
    if (spec.rfind("TZ=", 0) == 0 || spec.rfind("CRON_TZ=", 0) == 0) {
        std::size_t space = spec.find(' ');
        std::size_t eq = spec.find('=');
        std::string loc = spec.substr(eq + 1, space == std::string::npos ? std::string::npos : space - eq - 1);
        s.zone_ = TimeZone::load(loc);
        if (!s.zone_)
            return fail("provided bad location " + loc + ": unknown time zone " + loc);
        spec = space == std::string::npos ? std::string() : trim(spec.substr(space));
    }
    if (spec.rfind('@', 0) == 0) { // parseDescriptor
        static const std::map<std::string, std::string> descriptors = {
            {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"}, {"@weekly", "0 0 * * 0"},
            {"@daily", "0 0 * * *"},  {"@midnight", "0 0 * * *"}, {"@hourly", "0 * * * *"}};
        if (auto it = descriptors.find(spec); it != descriptors.end()) {
            auto zone = s.zone_;
            auto parsed = parse(it->second, error);
            parsed->zone_ = zone;
            return parsed;
        }
        if (spec.rfind("@every ", 0) == 0) {
            std::string text = spec.substr(7);
            auto seconds = parseGoDuration(text);
            if (!seconds)
                return fail("failed to parse duration " + spec + ": time: invalid duration \"" + text + "\"");
            s.every_ = std::max<std::int64_t>(1, std::int64_t(std::floor(*seconds))); // Every(): at least 1 s
            return s;
        }
        return fail("unrecognized descriptor: " + spec);
    }
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < spec.size();) { // strings.Fields
        while (i < spec.size() && std::isspace(static_cast<unsigned char>(spec[i])))
            ++i;
        std::size_t start = i;
        while (i < spec.size() && !std::isspace(static_cast<unsigned char>(spec[i])))
            ++i;
        if (i > start)
            fields.push_back(spec.substr(start, i - start));
    }
    if (fields.size() != 5)
        return fail("expected exactly 5 fields, found " + std::to_string(fields.size()) + ": " + goFieldList(fields));
    std::string err;
    bool ignored = false;
    if (!parseField(fields[0], kMinutes, s.minute_, ignored, err) ||
        !parseField(fields[1], kHours, s.hour_, ignored, err) ||
        !parseField(fields[2], kDom, s.dom_, s.domStar_, err) ||
        !parseField(fields[3], kMonths, s.month_, ignored, err) ||
        !parseField(fields[4], kDow, s.dow_, s.dowStar_, err))
        return fail(err);
    return s;
}

// SpecSchedule.Next, walking months, days, hours and minutes in the schedule's zone (seconds are
// always 0 for the standard parser).
std::optional<std::int64_t> CronSchedule::next(std::int64_t t) const
{
    if (every_ > 0)
        return t + every_;
    const TimeZone *zone = zone_.get();
    auto has = [](std::uint64_t bits, int v) { return (bits >> v) & 1; };
    auto dayMatches = [&](const CivilTime &c) {
        bool domMatch = has(dom_, c.day), dowMatch = has(dow_, c.weekday);
        if (domStar_ || dowStar_)
            return domMatch && dowMatch;
        return domMatch || dowMatch;
    };
    Zoned z{zone, t + 1};
    bool added = false;
    const int yearLimit = z.civil().year + 5;
wrap:
    if (z.civil().year > yearLimit)
        return std::nullopt;
    while (!has(month_, z.civil().month)) {
        CivilTime c = z.civil();
        if (!added) {
            added = true;
            z = Zoned::date(zone, c.year, c.month, 1, 0, 0, 0);
            c = z.civil();
        }
        z = Zoned::date(zone, c.year, c.month + 1, c.day, c.hour, c.minute, c.second); // AddDate(0, 1, 0)
        if (z.civil().month == 1)
            goto wrap;
    }
    while (!dayMatches(z.civil())) {
        CivilTime c = z.civil();
        if (!added) {
            added = true;
            z = Zoned::date(zone, c.year, c.month, c.day, 0, 0, 0);
            c = z.civil();
        }
        z = Zoned::date(zone, c.year, c.month, c.day + 1, c.hour, c.minute, c.second); // AddDate(0, 0, 1)
        int hour = z.civil().hour;                                                     // midnight moved by a DST change
        if (hour != 0)
            z.at += hour > 12 ? std::int64_t(24 - hour) * 3600 : -std::int64_t(hour) * 3600;
        if (z.civil().day == 1)
            goto wrap;
    }
    while (!has(hour_, z.civil().hour)) {
        if (!added) {
            added = true;
            CivilTime c = z.civil();
            z = Zoned::date(zone, c.year, c.month, c.day, c.hour, 0, 0);
        }
        z.at += 3600;
        if (z.civil().hour == 0)
            goto wrap;
    }
    while (!has(minute_, z.civil().minute)) {
        if (!added) {
            added = true;
            z.at -= ((z.at % 60) + 60) % 60; // Truncate(time.Minute)
        }
        z.at += 60;
        if (z.civil().minute == 0)
            goto wrap;
    }
    if (int second = z.civil().second; second != 0) { // the second field is always 0: on to the next
        z.at += 60 - second;                          // minute, then everything is checked again
        goto wrap;
    }
    return z.at;
}

} // namespace podscape
