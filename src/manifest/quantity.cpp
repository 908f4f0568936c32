// Kubernetes v1.35 resource.Quantity; see quantity.h.
// Source: kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/
//         quantity.go, amount.go, math.go, suffix.go, scale_int.go.
#include "manifest/quantity.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace podscape {
namespace {

using Int128 = quantity_detail::Int128;
__extension__ typedef unsigned __int128 UInt128;
using Format = Quantity::Format;

// quantity.go ErrFormatWrong / ErrNumeric / ErrSuffix.
constexpr const char *kErrFormatWrong =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
constexpr const char *kErrNumeric = "unable to parse numeric part of quantity";
constexpr const char *kErrSuffix = "unable to parse quantity's suffix";

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();
constexpr int32_t kNano = -9;       // amount.go Nano: the finest scale a quantity keeps
constexpr int kMaxInt64Digits = 18; // math.go maxInt64Factors
constexpr int kMaxDigits = 38;      // every 38-digit number fits a signed 128-bit integer
constexpr Int128 kInt128Min = -(Int128(1) << 126) * 2;

constexpr std::array<Int128, kMaxDigits + 1> makePowersOfTen()
{
    std::array<Int128, kMaxDigits + 1> powers{};
    powers[0] = 1;
    for (size_t i = 1; i < powers.size(); ++i)
        powers[i] = powers[i - 1] * 10;
    return powers;
}
constexpr auto kPow10 = makePowersOfTen();

// BinarySI input is capped at max int64 (quantity.go maxAllowed); this is that cap in nano-units.
constexpr Int128 kMaxAllowedNanos = Int128(kInt64Max) * 1000000000;

// ---------------------------------------------------------------- integer helpers

int compareValues(Int128 a, Int128 b) { return a < b ? -1 : (a > b ? 1 : 0); }
int signOf(Int128 v) { return compareValues(v, 0); }
Int128 absValue(Int128 v) { return v < 0 ? -v : v; }

// Go's int64 arithmetic wraps around; these reproduce it without undefined behaviour.
int64_t wrapAdd(int64_t a, int64_t b) { return static_cast<int64_t>(uint64_t(a) + uint64_t(b)); }
int64_t wrapMul(int64_t a, int64_t b) { return static_cast<int64_t>(uint64_t(a) * uint64_t(b)); }
int64_t wrapNeg(int64_t a) { return static_cast<int64_t>(0 - uint64_t(a)); }

// Overflow-checked 128-bit arithmetic; the most negative value is refused so negation stays safe.
bool checkedMul(Int128 a, Int128 b, Int128 &out)
{
    return !__builtin_mul_overflow(a, b, &out) && out != kInt128Min;
}

bool checkedAdd(Int128 a, Int128 b, Int128 &out)
{
    return !__builtin_add_overflow(a, b, &out) && out != kInt128Min;
}

// out = m * 10^n, false when that does not fit.
bool scaleUp(Int128 m, int64_t n, Int128 &out)
{
    if (m == 0 || n == 0) {
        out = m;
        return true;
    }
    return n <= kMaxDigits && checkedMul(m, kPow10[n], out);
}

int digitCount(Int128 v)
{
    const Int128 magnitude = absValue(v);
    int digits = 1;
    while (digits <= kMaxDigits && magnitude >= kPow10[digits])
        ++digits;
    return digits;
}

// Moves the factors of ten of a non-zero m into e.
void stripTrailingZeros(Int128 &m, int64_t &e)
{
    while (m != 0 && m % 10 == 0) {
        m /= 10;
        ++e;
    }
}

bool isWholeNumber(Int128 m, int64_t e)
{
    if (e >= 0 || m == 0)
        return true;
    return -e <= kMaxDigits && m % kPow10[-e] == 0;
}

// Exact comparison of a*10^ea with b*10^eb.
int compareScaled(Int128 a, int64_t ea, Int128 b, int64_t eb)
{
    const int sa = signOf(a);
    const int sb = signOf(b);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0 || ea == eb)
        return compareValues(a, b);
    // Scale the operand with the larger exponent; if that overflows, it is the larger magnitude.
    const bool aHigher = ea > eb;
    Int128 scaled = 0;
    const Int128 low = aHigher ? absValue(b) : absValue(a);
    int magnitude = 1;
    if (scaleUp(absValue(aHigher ? a : b), aHigher ? ea - eb : eb - ea, scaled))
        magnitude = compareValues(scaled, low);
    if (!aHigher)
        magnitude = -magnitude;
    return sa > 0 ? magnitude : -magnitude;
}

std::string toDecimalString(Int128 v)
{
    char buffer[48];
    char *end = buffer + sizeof buffer;
    char *p = end;
    UInt128 magnitude = v < 0 ? UInt128(0) - UInt128(v) : UInt128(v);
    do {
        *--p = char('0' + int(magnitude % 10));
        magnitude /= 10;
    } while (magnitude != 0);
    if (v < 0)
        *--p = '-';
    return std::string(p, end);
}

// ---------------------------------------------------------------- int64Amount (amount.go, math.go)

// Kubernetes' Scale is an int32, so a difference of two scales wraps around.
int64_t scaleDifference(int64_t a, int64_t b) { return static_cast<int32_t>(a - b); }

// int64 * 10^n when exact (positiveScaleInt64's ok result). A negative n (a wrapped scale
// difference) leaves the value alone, as positiveScaleInt64's loop then never runs.
bool scaleInt64(int64_t v, int64_t n, int64_t &out)
{
    if (n < 0) {
        out = v;
        return true;
    }
    Int128 wide = 0;
    if (!scaleUp(v, n, wide) || wide > kInt64Max || wide < kInt64Min)
        return false;
    out = static_cast<int64_t>(wide);
    return true;
}

// math.go positiveScaleInt64's value, overflow included: the 10, 100, 1000, 10^6 and 10^9 cases
// return the wrapped product, the generic loop returns 0.
int64_t positiveScaleInt64(int64_t base, int64_t n)
{
    int64_t exact = 0;
    if (scaleInt64(base, n, exact))
        return exact;
    const bool wrapsProduct = n == 1 || n == 2 || n == 3 || n == 6 || n == 9;
    if (!wrapsProduct || base == kInt64Min)
        return 0;
    return wrapMul(base, static_cast<int64_t>(kPow10[n]));
}

// math.go negativeScaleInt64: base / 10^n, rounded away from zero (n <= 0 leaves base alone).
int64_t negativeScaleInt64(int64_t base, int64_t n)
{
    if (n <= 0)
        return base;
    if (n > kMaxInt64Digits)
        return base == 0 ? 0 : (base > 0 ? 1 : -1);
    const auto divisor = static_cast<int64_t>(kPow10[n]);
    const int64_t quotient = base / divisor;
    if (base % divisor == 0)
        return quotient;
    return quotient + (base > 0 ? 1 : -1);
}

// amount.go int64Amount.AsScaledInt64, as Quantity.ScaledValue uses it (the ok flag ignored).
int64_t int64AmountScaledValue(int64_t value, int64_t scale, int64_t target)
{
    if (value == 0)
        return 0;
    if (scale < target)
        return negativeScaleInt64(value, scaleDifference(target, scale));
    return positiveScaleInt64(value, scaleDifference(scale, target));
}

// ---------------------------------------------------------------- inf.Dec form (scale_int.go)

// 10^n modulo 2^64.
uint64_t pow10Mod64(int64_t n)
{
    uint64_t result = 1;
    uint64_t base = 10;
    for (; n > 0; n >>= 1) {
        if (n & 1)
            result *= base;
        base *= base;
    }
    return result;
}

// big.Int.Int64() of m*10^n (n >= 0): the low 64 bits of the magnitude, then the sign.
int64_t bigIntLow64(Int128 m, int64_t n)
{
    const UInt128 magnitude = m < 0 ? UInt128(0) - UInt128(m) : UInt128(m);
    const auto low = static_cast<int64_t>(uint64_t(magnitude) * pow10Mod64(n));
    return m < 0 ? wrapNeg(low) : low;
}

// int64(math.Pow10(n)) for n >= 1: exact to 10^18; beyond, amd64's float conversion yields MinInt64.
int64_t goPow10AsInt64(int64_t n)
{
    return n <= kMaxInt64Digits ? static_cast<int64_t>(kPow10[n]) : kInt64Min;
}

// scale_int.go scaledValue for the decimal value m*10^e whose inf.Dec unscaled unit is 10^decScale.
// Its quirks are kept: small negative fractions round towards +inf, big ones are floored then
// incremented, and overflow wraps.
int64_t decimalScaledValue(Int128 m, int64_t e, int64_t decScale, int64_t target)
{
    const int64_t unscaledShift = e - decScale; // unscaled = m * 10^unscaledShift
    const int64_t dif = target - decScale;
    if (dif == 0)
        return bigIntLow64(m, unscaledShift);
    if (dif < 0)
        return wrapMul(bigIntLow64(m, unscaledShift), goPow10AsInt64(-dif));
    Int128 unscaled = 0;
    if (dif < 19 && scaleUp(m, unscaledShift, unscaled) && absValue(unscaled) < kInt64Max) {
        const auto u = static_cast<int64_t>(unscaled);
        const auto divisor = static_cast<int64_t>(kPow10[dif]);
        return u % divisor != 0 ? u / divisor + 1 : u / divisor;
    }
    // big.Int DivMod is Euclidean: the quotient is floored for a positive divisor.
    const int64_t t = e - target;
    if (t >= 0)
        return bigIntLow64(m, t);
    Int128 quotient = m < 0 ? -1 : 0;
    bool remainder = m != 0;
    if (-t <= kMaxDigits) {
        quotient = m / kPow10[-t];
        const Int128 rest = m % kPow10[-t];
        if (rest < 0)
            --quotient;
        remainder = rest != 0;
    }
    const int64_t low = bigIntLow64(quotient, 0);
    return remainder ? wrapAdd(low, 1) : low;
}

// Exact m*10^e + bm*10^be into (m, e); false when it does not fit.
bool exactSum(Int128 &m, int64_t &e, Int128 bm, int64_t be)
{
    if (bm == 0)
        return true;
    if (m == 0) {
        m = bm;
        e = be;
        return true;
    }
    const int64_t lowest = std::min(e, be);
    Int128 a = 0;
    Int128 b = 0;
    Int128 sum = 0;
    if (!scaleUp(m, e - lowest, a) || !scaleUp(bm, be - lowest, b) || !checkedAdd(a, b, sum))
        return false;
    m = sum;
    e = lowest;
    return true;
}

// v*10^from expressed in units of 10^to, truncated.
Int128 rescaleTruncating(Int128 v, int64_t from, int64_t to)
{
    if (from >= to)
        return v * kPow10[from - to]; // callers guarantee the result has at most 37 digits
    return to - from > kMaxDigits ? 0 : v / kPow10[to - from];
}

// A sum too wide for 128 bits (Kubernetes would hold it exactly): keep its 37 leading digits.
void approximateSum(Int128 &m, int64_t &e, Int128 bm, int64_t be)
{
    const int64_t top = std::max(e + digitCount(m) - 1, be + digitCount(bm) - 1);
    const int64_t unit = top - 36;
    m = rescaleTruncating(m, e, unit) + rescaleTruncating(bm, be, unit);
    e = unit;
}

void addScaled(Int128 &m, int64_t &e, Int128 bm, int64_t be)
{
    if (exactSum(m, e, bm, be))
        return;
    stripTrailingZeros(m, e);
    stripTrailingZeros(bm, be);
    if (!exactSum(m, e, bm, be))
        approximateSum(m, e, bm, be);
}

// ---------------------------------------------------------------- parsing (quantity.go)

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isSuffixLetter(char c) { return std::string_view("eEinumkKMGTP").find(c) != std::string_view::npos; }

// parseQuantityString's pieces: sign, the numeric text handed to inf.Dec, numerator without leading
// zeros ("0" if none), fraction digits and suffix.
struct ScannedQuantity {
    bool positive = true;
    std::string_view value;
    std::string_view num;
    std::string_view denom;
    std::string_view suffix;
};

size_t skipDigits(std::string_view str, size_t pos)
{
    while (pos < str.size() && isDigit(str[pos]))
        ++pos;
    return pos;
}

// Mirrors parseQuantityString, including its early returns; false means ErrFormatWrong.
bool scanSuffix(std::string_view str, size_t pos, ScannedQuantity &out)
{
    const size_t suffixStart = pos;
    while (pos < str.size() && isSuffixLetter(str[pos]))
        ++pos;
    if (pos < str.size() && (str[pos] == '-' || str[pos] == '+'))
        ++pos;
    if (skipDigits(str, pos) < str.size())
        return false;
    out.suffix = str.substr(suffixStart);
    return true;
}

bool scanQuantityString(std::string_view str, ScannedQuantity &out)
{
    size_t pos = 0;
    if (!str.empty() && (str[0] == '-' || str[0] == '+')) {
        out.positive = str[0] != '-';
        ++pos;
    }
    while (pos < str.size() && str[pos] == '0')
        ++pos;
    if (pos >= str.size()) {
        out.num = out.value = "0";
        return true;
    }
    const size_t numEnd = skipDigits(str, pos);
    out.num = numEnd > pos ? str.substr(pos, numEnd - pos) : std::string_view("0");
    if (numEnd >= str.size()) {
        out.value = str;
        return true;
    }
    pos = numEnd;
    if (str[pos] == '.') {
        const size_t denomEnd = skipDigits(str, pos + 1);
        out.denom = str.substr(pos + 1, denomEnd - pos - 1);
        pos = denomEnd;
    }
    out.value = str.substr(0, pos);
    return pos >= str.size() || scanSuffix(str, pos, out);
}

struct SuffixInfo {
    int base = 10;
    int32_t exponent = 0;
    Format format = Format::DecimalSI;
};

// strconv.ParseInt(s, 10, 64): optional sign, at least one digit, within int64.
bool parseGoInt64(std::string_view s, int64_t &out)
{
    const bool negative = !s.empty() && s[0] == '-';
    if (!s.empty() && (s[0] == '-' || s[0] == '+'))
        s.remove_prefix(1);
    if (s.empty())
        return false;
    const uint64_t limit = negative ? uint64_t(kInt64Max) + 1 : uint64_t(kInt64Max);
    uint64_t magnitude = 0;
    for (char c : s) {
        if (!isDigit(c) || magnitude > (limit - uint64_t(c - '0')) / 10)
            return false;
        magnitude = magnitude * 10 + uint64_t(c - '0');
    }
    out = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
    return true;
}

// suffix.go interpret. Suffixes are case-sensitive: "K" is not "k".
std::optional<SuffixInfo> interpretSuffix(std::string_view s)
{
    struct Entry {
        std::string_view text;
        SuffixInfo info;
    };
    static constexpr Entry kTable[] = {
        {"", {10, 0, Format::DecimalSI}},   {"n", {10, -9, Format::DecimalSI}},
        {"u", {10, -6, Format::DecimalSI}}, {"m", {10, -3, Format::DecimalSI}},
        {"k", {10, 3, Format::DecimalSI}},  {"M", {10, 6, Format::DecimalSI}},
        {"G", {10, 9, Format::DecimalSI}},  {"T", {10, 12, Format::DecimalSI}},
        {"P", {10, 15, Format::DecimalSI}}, {"E", {10, 18, Format::DecimalSI}},
        {"Ki", {2, 10, Format::BinarySI}},  {"Mi", {2, 20, Format::BinarySI}},
        {"Gi", {2, 30, Format::BinarySI}},  {"Ti", {2, 40, Format::BinarySI}},
        {"Pi", {2, 50, Format::BinarySI}},  {"Ei", {2, 60, Format::BinarySI}},
    };
    for (const Entry &entry : kTable) {
        if (entry.text == s)
            return entry.info;
    }
    int64_t parsed = 0;
    if (s.size() > 1 && (s[0] == 'e' || s[0] == 'E') && parseGoInt64(s.substr(1), parsed))
        return SuffixInfo{10, static_cast<int32_t>(parsed), Format::DecimalExponent}; // Go's int32(parsed)
    return std::nullopt;
}

// The number's digits: numerator followed by fraction, as Kubernetes' "shifted" string.
struct Digits {
    std::string_view head;
    std::string_view tail;

    size_t size() const { return head.size() + tail.size(); }
    int operator[](size_t i) const { return (i < head.size() ? head[i] : tail[i - head.size()]) - '0'; }
};

size_t firstNonZero(const Digits &d, size_t from, size_t to)
{
    while (from < to && d[from] == 0)
        ++from;
    return from;
}

size_t endOfNonZero(const Digits &d, size_t from, size_t to)
{
    while (to > from && d[to - 1] == 0)
        --to;
    return to;
}

// Digits [from, to) as an integer; false when they hold more than maxDigits significant digits.
bool digitsToInt(const Digits &d, size_t from, size_t to, int maxDigits, Int128 &out)
{
    from = firstNonZero(d, from, to);
    if (to - from > size_t(maxDigits))
        return false;
    out = 0;
    for (size_t i = from; i < to; ++i)
        out = out * 10 + d[i];
    return true;
}

struct ParsedAmount {
    Int128 mantissa = 0;
    int64_t exponent = 0;
    int64_t decScale = 0;
    Format format = Format::DecimalSI;
    bool decimal = false;
    bool echo = false;
};

// Kubernetes keeps the input text when it is already canonical (and reuses it as String()).
bool isEchoedAsCanonical(const Digits &shifted, int64_t value, int32_t scale, const SuffixInfo &suffix)
{
    if (suffix.format == Format::BinarySI)
        return suffix.exponent % 10 == 0 && (value & 0x07) != 0;
    const size_t n = shifted.size();
    const bool endsWith000 = n >= 3 && shifted[n - 1] == 0 && shifted[n - 2] == 0 && shifted[n - 3] == 0;
    return scale % 3 == 0 && !endsWith000 && shifted[0] != 0;
}

// ParseQuantity's int64Amount fast path: few digits and a scale no finer than nano.
std::optional<ParsedAmount> parseInt64Amount(const ScannedQuantity &s, const SuffixInfo &suffix)
{
    const Digits shifted{s.num, s.denom};
    int64_t precision = 0;
    int32_t scale = 0;
    int shift = 0;
    if (suffix.format == Format::BinarySI) {
        if (suffix.exponent < 0 || !s.denom.empty())
            return std::nullopt;
        shift = suffix.exponent;
        precision = 15 - int64_t(s.num.size()) - suffix.exponent * 3 / 10 - 1;
    } else {
        scale = suffix.exponent;
        precision = kMaxInt64Digits - int64_t(shifted.size());
    }
    if (precision < 0)
        return std::nullopt;
    scale = static_cast<int32_t>(int64_t(scale) - int64_t(s.denom.size())); // wraps like Go's int32
    if (scale < kNano)
        return std::nullopt;
    int64_t value = 0;
    for (size_t i = 0; i < shifted.size(); ++i)
        value = value * 10 + shifted[i];
    int64_t result = 0;
    if (__builtin_mul_overflow(value, int64_t(1) << shift, &result))
        return std::nullopt;
    ParsedAmount amount;
    amount.mantissa = s.positive ? result : -result;
    amount.exponent = scale;
    amount.format = suffix.format;
    amount.echo = isEchoedAsCanonical(shifted, value, scale, suffix);
    return amount;
}

// digits[from, to) * 10^unitExponent into (mantissa, exponent), plus one unit if roundUp.
bool digitsToAmount(const Digits &d, size_t from, size_t to, int64_t unitExponent, bool roundUp,
                    ParsedAmount &out)
{
    const size_t end = roundUp ? to : endOfNonZero(d, from, to);
    Int128 m = 0;
    if (!digitsToInt(d, from, end, kMaxDigits, m))
        return false;
    out.exponent = unitExponent + int64_t(to - end);
    out.mantissa = m;
    return !roundUp || checkedAdd(m, 1, out.mantissa);
}

// The inf.Dec path for base-10 suffixes: value = digits * 10^power, its magnitude rounded up to nano.
bool decimalFromBase10(const Digits &d, const ScannedQuantity &s, int32_t exponent, ParsedAmount &out)
{
    // amount.SetScale(amount.Scale() + Scale(exponent).infScale()) in int32 arithmetic.
    const auto negatedExponent = static_cast<int32_t>(-int64_t(exponent));
    const auto infScale = static_cast<int32_t>(int64_t(s.denom.size()) + negatedExponent);
    const int64_t power = -int64_t(infScale);
    if (firstNonZero(d, 0, d.size()) == d.size()) {
        out.exponent = out.decScale = power; // zero is not rounded, so inf.Dec keeps this scale
        return true;
    }
    out.decScale = kNano;
    if (power >= kNano)
        return digitsToAmount(d, 0, d.size(), power, false, out);
    const int64_t below = kNano - power; // digits finer than nano, rounded up (inf.RoundUp)
    const size_t keep = uint64_t(below) >= d.size() ? 0 : d.size() - size_t(below);
    return digitsToAmount(d, 0, keep, kNano, firstNonZero(d, keep, d.size()) != d.size(), out);
}

// (0.d1d2...dn) * 2^bits, computed right to left: its integer part and whether a fraction remains.
std::pair<uint64_t, bool> multiplyFraction(const Digits &d, size_t from, size_t to, int bits)
{
    uint64_t carry = 0; // stays below 2^bits, so digit * 2^60 + carry fits 64 bits
    bool fraction = false;
    for (size_t i = to; i > from; --i) {
        const uint64_t v = uint64_t(d[i - 1]) * (uint64_t(1) << bits) + carry;
        fraction = fraction || v % 10 != 0;
        carry = v / 10;
    }
    return {carry, fraction};
}

// ceil(digits * 2^bits / 10^fractionDigits) in nano-units; false when far above the BinarySI cap.
bool binaryNanos(const Digits &d, size_t fractionDigits, int bits, Int128 &nanos)
{
    // 29 significant digits already exceed 2^63-1 once multiplied by 1024.
    constexpr int kCapDigits = 29;
    const Int128 multiplier = Int128(1) << bits;
    Int128 whole = 0;
    if (fractionDigits <= 9) {
        return digitsToInt(d, 0, d.size(), kCapDigits, whole) &&
               checkedMul(whole * kPow10[9 - fractionDigits], multiplier, nanos);
    }
    const size_t split = d.size() - (fractionDigits - 9);
    if (!digitsToInt(d, 0, split, kCapDigits, whole) || !checkedMul(whole, multiplier, nanos))
        return false;
    const auto [carry, fraction] = multiplyFraction(d, split, d.size(), bits);
    return checkedAdd(nanos, Int128(carry) + (fraction ? 1 : 0), nanos);
}

// The inf.Dec path for binary suffixes: multiply, round up to nano, cap at max int64.
void decimalFromBase2(const Digits &d, const ScannedQuantity &s, int32_t exponent, ParsedAmount &out)
{
    if (firstNonZero(d, 0, d.size()) == d.size()) {
        out.exponent = out.decScale = -int64_t(s.denom.size());
        return;
    }
    Int128 nanos = 0;
    if (!binaryNanos(d, s.denom.size(), exponent, nanos) || nanos > kMaxAllowedNanos) {
        out.mantissa = kInt64Max; // amount.Set(maxAllowed): an inf.Dec of scale 0
        out.exponent = out.decScale = 0;
        return;
    }
    out.mantissa = nanos;
    out.exponent = out.decScale = kNano;
    if (nanos < kPow10[9])
        out.format = Format::DecimalSI; // BinarySI below 1 is shown as DecimalSI
}

bool hasDigit(std::string_view text) { return std::any_of(text.begin(), text.end(), isDigit); }

// ParseQuantity's inf.Dec fallback.
std::optional<ParsedAmount> parseDecimal(const ScannedQuantity &s, const SuffixInfo &suffix)
{
    if (!hasDigit(s.value))
        return std::nullopt; // inf.Dec.SetString needs a digit
    const Digits digits{s.num, s.denom};
    ParsedAmount out;
    out.decimal = true;
    out.format = suffix.format;
    if (suffix.base == 10) {
        if (!decimalFromBase10(digits, s, suffix.exponent, out))
            return std::nullopt; // wider than 38 digits: see quantity.h
    } else {
        decimalFromBase2(digits, s, suffix.exponent, out);
    }
    if (!s.positive)
        out.mantissa = -out.mantissa;
    return out;
}

// ---------------------------------------------------------------- printing (CanonicalizeBytes)

std::string_view decimalSuffix(int64_t exponent)
{
    static constexpr std::string_view kSuffixes[] = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    if (exponent < -9 || exponent > 18)
        return {}; // suffix.go has no entry, and CanonicalizeBytes then prints no suffix at all
    return kSuffixes[(exponent + 9) / 3];
}

std::string_view binarySuffix(int times)
{
    static constexpr std::string_view kSuffixes[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    return times >= 1 && times <= 6 ? kSuffixes[times] : std::string_view();
}

// int64Amount/infDecAmount AsCanonicalBytes: drop factors of ten, lower the exponent to a multiple of 3.
std::string formatDecimal(Int128 m, int64_t e, Format format)
{
    stripTrailingZeros(m, e);
    const int64_t aligned = e - ((e % 3) + 3) % 3;
    std::string text = toDecimalString(m);
    text.append(size_t(e - aligned), '0');
    if (format == Format::DecimalExponent) {
        if (aligned != 0)
            text += "e" + std::to_string(aligned);
    } else {
        text += decimalSuffix(aligned);
    }
    return text;
}

// AsCanonicalBase1024Bytes for a whole number: drop factors of 1024.
// math.go removeInt64Factors cannot negate MinInt64, so the int64Amount form prints it undivided.
std::optional<std::string> formatBinary(Int128 m, int64_t e, bool int64Form)
{
    Int128 whole = 0;
    if (e >= 0 && !scaleUp(m, e, whole))
        return std::nullopt; // beyond 128 bits: printed in decimal instead (see quantity.h)
    if (e < 0)
        whole = m / kPow10[-e];
    int times = 0;
    while (!(int64Form && whole == kInt64Min) && absValue(whole) >= 1024 && whole % 1024 == 0) {
        whole /= 1024;
        ++times;
    }
    return toDecimalString(whole) + std::string(binarySuffix(times));
}

// ---------------------------------------------------------------- math.Pow10

// Go's math.Pow10, table for table, so approximate doubles match Kubernetes bit for bit.
double goPow10(int64_t n)
{
    static constexpr double kTab[] = {1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09, 1e10,
                                      1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
                                      1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31};
    static constexpr double kPosTab32[] = {1e00,  1e32,  1e64,  1e96,  1e128,
                                           1e160, 1e192, 1e224, 1e256, 1e288};
    static constexpr double kNegTab32[] = {1e-00,  1e-32,  1e-64,  1e-96,  1e-128, 1e-160,
                                           1e-192, 1e-224, 1e-256, 1e-288, 1e-320};
    if (n >= 0 && n <= 308)
        return kPosTab32[n / 32] * kTab[n % 32];
    if (n < 0 && n >= -323)
        return kNegTab32[-n / 32] / kTab[-n % 32];
    return n > 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

// m * 10^n (n >= 0) correctly rounded to a double, as big.Float.Float64 rounds inf.Dec's unscaled value.
double scaledToDouble(Int128 m, int64_t n)
{
    constexpr int64_t kBeyondDoubleRange = 330; // |m| * 10^330 is above DBL_MAX
    if (n > kBeyondDoubleRange)
        return m < 0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    // Little-endian 32-bit words: 128 bits of m plus 330 decimal digits fit in 40 words.
    std::array<uint32_t, 40> words{};
    UInt128 magnitude = m < 0 ? UInt128(0) - UInt128(m) : UInt128(m);
    size_t used = 0;
    for (; magnitude != 0; magnitude >>= 32)
        words[used++] = uint32_t(magnitude);
    for (int64_t i = 0; i < n; ++i) {
        uint64_t carry = 0;
        for (size_t w = 0; w < used; ++w) {
            const uint64_t product = uint64_t(words[w]) * 10 + carry;
            words[w] = uint32_t(product);
            carry = product >> 32;
        }
        if (carry != 0)
            words[used++] = uint32_t(carry);
    }
    // Take the top 64 bits, remember whether anything below them is set, round half to even.
    const int topBits = 32 - __builtin_clz(words[used - 1]);
    const int64_t bitLength = int64_t(used - 1) * 32 + topBits;
    uint64_t top = 0;
    bool sticky = false;
    for (int64_t bit = bitLength - 1; bit >= 0; --bit) {
        const bool set = (words[size_t(bit / 32)] >> (bit % 32)) & 1;
        if (bit >= bitLength - 64)
            top = (top << 1) | uint64_t(set);
        else if (set) {
            sticky = true;
            break;
        }
    }
    if (bitLength <= 64) {
        const double exact = double(top); // the hardware conversion rounds correctly
        return m < 0 ? -exact : exact;
    }
    uint64_t mantissa = top >> 11;
    const uint64_t rest = top & 0x7ff;
    if (rest > 0x400 || (rest == 0x400 && (sticky || (mantissa & 1))))
        ++mantissa; // 2^53 after carrying is still exact in a double
    const double rounded = std::ldexp(double(mantissa), int(bitLength - 53));
    return m < 0 ? -rounded : rounded;
}

} // namespace

// ---------------------------------------------------------------- Quantity

std::optional<Quantity> Quantity::parse(std::string_view text, std::string *error)
{
    const auto fail = [error](const char *message) -> std::optional<Quantity> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (text.empty())
        return fail(kErrFormatWrong);
    if (text == "0") {
        Quantity zero;
        zero.m_text = "0";
        return zero;
    }
    ScannedQuantity scanned;
    if (!scanQuantityString(text, scanned))
        return fail(kErrFormatWrong);
    const std::optional<SuffixInfo> suffix = interpretSuffix(scanned.suffix);
    if (!suffix)
        return fail(kErrSuffix);
    std::optional<ParsedAmount> amount = parseInt64Amount(scanned, *suffix);
    if (!amount)
        amount = parseDecimal(scanned, *suffix);
    if (!amount)
        return fail(kErrNumeric);
    Quantity q;
    q.m_mantissa = amount->mantissa;
    q.m_exponent = amount->exponent;
    q.m_decScale = amount->decScale;
    q.m_format = amount->format;
    q.m_decimal = amount->decimal;
    if (amount->echo)
        q.m_text = text;
    return q;
}

Quantity Quantity::fromMilli(int64_t milli, Format f)
{
    Quantity q;
    q.m_mantissa = milli;
    q.m_exponent = -3;
    q.m_format = f;
    return q;
}

Quantity Quantity::fromValue(int64_t value, Format f)
{
    Quantity q;
    q.m_mantissa = value;
    q.m_format = f;
    return q;
}

Quantity Quantity::fromScaled(int64_t value, int32_t scale)
{
    Quantity q;
    q.m_mantissa = value;
    q.m_exponent = scale;
    return q;
}

std::string Quantity::toString() const
{
    if (!m_text.empty())
        return m_text;
    if (isZero())
        return "0";
    // BinarySI only for whole numbers of magnitude >= 1024; otherwise Kubernetes prints DecimalSI.
    if (m_format == Format::BinarySI && compareScaled(absValue(m_mantissa), m_exponent, 1024, 0) >= 0 &&
        isWholeNumber(m_mantissa, m_exponent)) {
        if (std::optional<std::string> text = formatBinary(m_mantissa, m_exponent, !m_decimal))
            return *text;
    }
    const Format decimalFormat = m_format == Format::DecimalExponent ? Format::DecimalExponent : Format::DecimalSI;
    return formatDecimal(m_mantissa, m_exponent, decimalFormat);
}

int64_t Quantity::scaledValue(int32_t scale) const
{
    if (m_decimal)
        return decimalScaledValue(m_mantissa, m_exponent, m_decScale, scale);
    return int64AmountScaledValue(static_cast<int64_t>(m_mantissa), m_exponent, scale);
}

int64_t Quantity::value() const { return scaledValue(0); }

int64_t Quantity::milliValue() const { return scaledValue(-3); }

double Quantity::asApproximateDouble() const
{
    double base = 0;
    int64_t exponent = 0;
    if (m_decimal) {
        // Kubernetes converts inf.Dec's unscaled integer, then applies the Dec's scale.
        Int128 unscaled = 0;
        const int64_t shift = m_exponent - m_decScale;
        base = scaleUp(m_mantissa, shift, unscaled) ? double(unscaled) : scaledToDouble(m_mantissa, shift);
        exponent = m_decScale;
    } else {
        base = double(static_cast<int64_t>(m_mantissa));
        exponent = m_exponent;
    }
    return exponent == 0 ? base : base * goPow10(exponent);
}

int Quantity::compare(const Quantity &other) const
{
    if (m_exponent == other.m_exponent)
        return compareValues(m_mantissa, other.m_mantissa);
    return compareScaled(m_mantissa, m_exponent, other.m_mantissa, other.m_exponent);
}

// amount.go int64Amount.Add: false (and no change) when the int64 form would overflow.
bool Quantity::addInt64Amount(int64_t value, int64_t scale)
{
    const auto current = static_cast<int64_t>(m_mantissa);
    int64_t aligned = 0;
    int64_t sum = 0;
    if (value == 0)
        return true;
    if (current == 0) {
        m_mantissa = value;
        m_exponent = scale;
        return true;
    }
    if (m_exponent == scale) {
        aligned = current;
    } else if (m_exponent > scale) {
        if (!scaleInt64(current, scaleDifference(m_exponent, scale), aligned))
            return false;
    } else {
        int64_t scaledValue = 0;
        if (!scaleInt64(value, scaleDifference(scale, m_exponent), scaledValue))
            return false;
        aligned = current;
        value = scaledValue;
    }
    if (__builtin_add_overflow(aligned, value, &sum))
        return false;
    m_mantissa = sum;
    m_exponent = std::min(m_exponent, scale);
    return true;
}

// The inf.Dec fallback: exact sum; the Dec's scale is the finer of the two.
void Quantity::addDecimal(Int128 mantissa, int64_t exponent, int64_t otherDecScale)
{
    m_decScale = std::min(decScale(), otherDecScale);
    m_decimal = true;
    addScaled(m_mantissa, m_exponent, mantissa, exponent);
}

Quantity &Quantity::operator+=(const Quantity &other)
{
    m_text.clear();
    const Int128 mantissa = other.m_mantissa;
    const int64_t exponent = other.m_exponent;
    const int64_t otherDecScale = other.decScale();
    if (!m_decimal && !other.m_decimal) {
        if (m_mantissa == 0)
            m_format = other.m_format;
        if (addInt64Amount(static_cast<int64_t>(mantissa), exponent))
            return *this;
    } else if (isZero()) {
        m_format = other.m_format;
    }
    addDecimal(mantissa, exponent, otherDecScale);
    return *this;
}

Quantity &Quantity::operator-=(const Quantity &other)
{
    m_text.clear();
    const Int128 mantissa = other.m_mantissa;
    const int64_t exponent = other.m_exponent;
    const int64_t otherDecScale = other.decScale();
    if (isZero())
        m_format = other.m_format;
    // int64Amount.Sub negates with Go's wrap-around, so subtracting MinInt64 adds it.
    if (!m_decimal && !other.m_decimal &&
        addInt64Amount(wrapNeg(static_cast<int64_t>(mantissa)), exponent))
        return *this;
    addDecimal(-mantissa, exponent, otherDecScale);
    return *this;
}

} // namespace podscape
