#pragma once

// Kubernetes' resource.Quantity, reproduced as Kubernetes v1.35 parses, prints, compares and adds it.
// Source: kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/
//         quantity.go (ParseQuantity, CanonicalizeBytes, Add/Sub/Cmp, ScaledValue),
//         amount.go (int64Amount), math.go, suffix.go, scale_int.go (scaledValue).
//
// Kubernetes keeps a quantity either as an int64Amount (int64 mantissa * 10^scale) or, when that
// overflows or the input has too many digits, as an arbitrary-precision inf.Dec. Most results do not
// depend on which one is used, but Value()/MilliValue() do (rounding of negative fractions, wrap-around
// on overflow), so this class records which form Kubernetes would be holding. The number itself is kept
// in a fixed-size 128-bit mantissa * 10^exponent: no heap allocation in arithmetic or comparison.
//
// Known limits. Kubernetes' inf.Dec has no size limit. Numbers needing more than 38 significant decimal
// digits (at nano resolution) are rejected by parse() with Kubernetes' "unable to parse numeric part
// of quantity" message, sums that would need more keep only their leading digits, and a BinarySI value
// beyond 128 bits prints in decimal. Where Kubernetes panics or hangs (scales near +-2^31 reaching Cmp
// or the inf.Dec path), this class gives the exact answer instead.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace podscape {

namespace quantity_detail {
__extension__ typedef __int128 Int128;
}

class Quantity {
public:
    enum class Format { DecimalExponent, BinarySI, DecimalSI };

    Quantity() = default; // zero, DecimalSI

    // Parses like resource.ParseQuantity. On failure returns nullopt and sets *error to Kubernetes' message.
    static std::optional<Quantity> parse(std::string_view text, std::string *error = nullptr);
    static Quantity fromMilli(int64_t milli, Format f = Format::DecimalSI); // NewMilliQuantity
    static Quantity fromValue(int64_t value, Format f = Format::DecimalSI); // NewQuantity
    static Quantity fromScaled(int64_t value, int32_t scale);               // NewScaledQuantity (DecimalSI)

    std::string toString() const;          // Quantity.String(): canonical form, or the input echoed
    int64_t value() const;                 // Value(): rounded away from zero to an integer
    int64_t milliValue() const;            // MilliValue(): ceil(q * 1000), away from zero
    int64_t scaledValue(int32_t scale) const; // ScaledValue(scale): q / 10^scale, rounded the same way
    double asApproximateDouble() const;    // AsApproximateFloat64()

    Format format() const { return m_format; }
    bool isZero() const { return m_mantissa == 0; }
    int sign() const { return m_mantissa > 0 ? 1 : (m_mantissa < 0 ? -1 : 0); }

    int compare(const Quantity &other) const; // Cmp: -1, 0 or 1

    // Add/Sub. A zero left-hand side takes the right-hand side's format; the echoed text is dropped.
    Quantity &operator+=(const Quantity &other);
    Quantity &operator-=(const Quantity &other);
    friend Quantity operator+(Quantity a, const Quantity &b) { return a += b; }
    friend Quantity operator-(Quantity a, const Quantity &b) { return a -= b; }

    // Value comparisons (Cmp). No operator<=>: Qt 6.4's moc cannot parse <compare>, which it needs.
    friend bool operator==(const Quantity &a, const Quantity &b) { return a.compare(b) == 0; }
    friend bool operator<(const Quantity &a, const Quantity &b) { return a.compare(b) < 0; }
    friend bool operator>(const Quantity &a, const Quantity &b) { return a.compare(b) > 0; }
    friend bool operator<=(const Quantity &a, const Quantity &b) { return a.compare(b) <= 0; }
    friend bool operator>=(const Quantity &a, const Quantity &b) { return a.compare(b) >= 0; }

private:
    using Int128 = quantity_detail::Int128;

    bool addInt64Amount(int64_t value, int64_t scale);
    void addDecimal(Int128 mantissa, int64_t exponent, int64_t otherDecScale);
    int64_t decScale() const { return m_decimal ? m_decScale : m_exponent; }

    Int128 m_mantissa = 0;   // the value is m_mantissa * 10^m_exponent
    int64_t m_exponent = 0;  // in int64Amount form: exactly Kubernetes' scale
    int64_t m_decScale = 0;  // in inf.Dec form: the power of ten of Kubernetes' unscaled unit
    Format m_format = Format::DecimalSI;
    bool m_decimal = false;  // true where Kubernetes would hold an inf.Dec rather than an int64Amount
    std::string m_text;      // the parsed text, kept when Kubernetes echoes it instead of canonicalising
};

} // namespace podscape
