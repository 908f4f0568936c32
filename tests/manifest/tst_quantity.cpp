// Tests for podscape::Quantity, Kubernetes v1.35 resource.Quantity.
// Expected values come from /work/shared/reference/kubernetes-behaviour.md section 12 (rows tagged
// "ref") and from the logic of kubernetes/kubernetes
// staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity, CanonicalizeBytes,
// Add, Sub, Cmp, ScaledValue), amount.go (int64Amount), math.go, suffix.go and scale_int.go.
#include "manifest/quantity.h"

#include <QtTest>

#include <bit>
#include <limits>

using podscape::Quantity;
using Format = Quantity::Format;

Q_DECLARE_METATYPE(Format)

namespace {

constexpr const char *kErrFormatWrong =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
constexpr const char *kErrNumeric = "unable to parse numeric part of quantity";
constexpr const char *kErrSuffix = "unable to parse quantity's suffix";

constexpr qint64 kInt64Max = std::numeric_limits<qint64>::max();
constexpr qint64 kInt64Min = std::numeric_limits<qint64>::min();

std::optional<Quantity> parse(const QString &text) { return Quantity::parse(text.toStdString()); }

} // namespace

class TstQuantity : public QObject {
    Q_OBJECT

private slots:
    void parsesToCanonicalForm_data();
    void parsesToCanonicalForm();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void roundsValueAndMilliValue_data();
    void roundsValueAndMilliValue();
    void compares_data();
    void compares();
    void addsAndSubtracts_data();
    void addsAndSubtracts();
    void printsConstructedQuantities_data();
    void printsConstructedQuantities();
    void approximatesDouble_data();
    void approximatesDouble();

    void defaultIsZeroDecimalSI();
    void reportsSignAndZero();
    void int64OverflowFallsBackToExactDecimal();
    void subtractingMinInt64WrapsLikeGo();
    void arithmeticDropsEchoedText();
    void addsToItself();
    void ordersWithOperators();
    void errorOutputIsOptional();
    void accumulatesManyPodRequests();
};

void TstQuantity::parsesToCanonicalForm_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<Format>("format");

    // Reference table (section 12).
    QTest::newRow("ref 0.5") << "0.5" << "500m" << Format::DecimalSI;
    QTest::newRow("ref .5") << ".5" << "500m" << Format::DecimalSI;
    QTest::newRow("ref 1.5") << "1.5" << "1500m" << Format::DecimalSI;
    QTest::newRow("ref 0.1") << "0.1" << "100m" << Format::DecimalSI;
    QTest::newRow("ref 1000m") << "1000m" << "1" << Format::DecimalSI;
    QTest::newRow("ref 1.0") << "1.0" << "1" << Format::DecimalSI;
    QTest::newRow("ref 1000") << "1000" << "1k" << Format::DecimalSI;
    QTest::newRow("ref 1000000") << "1000000" << "1M" << Format::DecimalSI;
    QTest::newRow("ref 1500000") << "1500000" << "1500k" << Format::DecimalSI;
    QTest::newRow("ref 129000000") << "129000000" << "129M" << Format::DecimalSI;
    QTest::newRow("ref 1.2k") << "1.2k" << "1200" << Format::DecimalSI;
    QTest::newRow("ref 1000M") << "1000M" << "1G" << Format::DecimalSI;
    QTest::newRow("ref 1.23456789") << "1.23456789" << "1234567890n" << Format::DecimalSI;
    QTest::newRow("ref 1000Mi") << "1000Mi" << "1000Mi" << Format::BinarySI;
    QTest::newRow("ref 1024Mi") << "1024Mi" << "1Gi" << Format::BinarySI;
    QTest::newRow("ref 1.5Gi") << "1.5Gi" << "1536Mi" << Format::BinarySI;
    QTest::newRow("ref 0.5Gi") << "0.5Gi" << "512Mi" << Format::BinarySI;
    QTest::newRow("ref 2048Ki") << "2048Ki" << "2Mi" << Format::BinarySI;
    QTest::newRow("ref 1.5Ki") << "1.5Ki" << "1536" << Format::BinarySI;
    QTest::newRow("ref 1.1Gi") << "1.1Gi" << "1181116006400m" << Format::BinarySI;
    QTest::newRow("ref 0Mi") << "0Mi" << "0" << Format::BinarySI;
    QTest::newRow("ref 8Ei clamps") << "8Ei" << "9223372036854775807" << Format::BinarySI;
    QTest::newRow("ref 1e3 echoed") << "1e3" << "1e3" << Format::DecimalExponent;
    QTest::newRow("ref 129e6 echoed") << "129e6" << "129e6" << Format::DecimalExponent;
    QTest::newRow("ref 129e5") << "129e5" << "12900e3" << Format::DecimalExponent;
    QTest::newRow("ref 12e1") << "12e1" << "120" << Format::DecimalExponent;
    QTest::newRow("ref 3.5e3") << "3.5e3" << "3500" << Format::DecimalExponent;
    QTest::newRow("ref 1.29e8 echoed") << "1.29e8" << "1.29e8" << Format::DecimalExponent;
    QTest::newRow("ref 1e-10 rounds up") << "1e-10" << "1e-9" << Format::DecimalExponent;
    QTest::newRow("ref 0.1m") << "0.1m" << "100u" << Format::DecimalSI;
    QTest::newRow("ref 1.2345m") << "1.2345m" << "1234500n" << Format::DecimalSI;
    QTest::newRow("ref 0.000000001") << "0.000000001" << "1n" << Format::DecimalSI;
    QTest::newRow("ref 1.100 echoed") << "1.100" << "1.100" << Format::DecimalSI;
    QTest::newRow("ref +1 echoed") << "+1" << "+1" << Format::DecimalSI;
    QTest::newRow("ref 1e0 echoed") << "1e0" << "1e0" << Format::DecimalExponent;

    // Echo quirk: scale a multiple of 3, digits neither ending in 000 nor starting with 0 (decimal),
    // or a binary numerator not divisible by 8.
    QTest::newRow("echo 0") << "0" << "0" << Format::DecimalSI;
    QTest::newRow("echo leading zeros") << "0001" << "0001" << Format::DecimalSI;
    QTest::newRow("echo trailing dot") << "1." << "1." << Format::DecimalSI;
    QTest::newRow("echo dot before suffix") << "1.G" << "1.G" << Format::DecimalSI;
    QTest::newRow("echo 100m") << "100m" << "100m" << Format::DecimalSI;
    QTest::newRow("echo 1.500") << "1.500" << "1.500" << Format::DecimalSI;
    QTest::newRow("echo 10e3") << "10e3" << "10e3" << Format::DecimalExponent;
    QTest::newRow("echo 1E+3") << "1E+3" << "1E+3" << Format::DecimalExponent;
    QTest::newRow("echo 1e-3") << "1e-3" << "1e-3" << Format::DecimalExponent;
    QTest::newRow("echo 1024") << "1024" << "1024" << Format::DecimalSI;
    QTest::newRow("echo 1Ki") << "1Ki" << "1Ki" << Format::BinarySI;
    QTest::newRow("echo 01Ki") << "01Ki" << "01Ki" << Format::BinarySI;
    QTest::newRow("echo -1Ki") << "-1Ki" << "-1Ki" << Format::BinarySI;
    QTest::newRow("no echo 8Ki") << "8Ki" << "8Ki" << Format::BinarySI;
    QTest::newRow("no echo 1536Mi") << "1536Mi" << "1536Mi" << Format::BinarySI;
    QTest::newRow("exa suffix") << "1E" << "1E" << Format::DecimalSI;

    // Zeros: any spelling prints "0"; a bare sign, dot or suffix parses as zero.
    QTest::newRow("-0") << "-0" << "0" << Format::DecimalSI;
    QTest::newRow("00") << "00" << "0" << Format::DecimalSI;
    QTest::newRow("0.0") << "0.0" << "0" << Format::DecimalSI;
    QTest::newRow("bare dot") << "." << "0" << Format::DecimalSI;
    QTest::newRow("bare minus") << "-" << "0" << Format::DecimalSI;
    QTest::newRow("bare plus") << "+" << "0" << Format::DecimalSI;
    QTest::newRow("bare k") << "k" << "0" << Format::DecimalSI;
    QTest::newRow("bare Ti") << "Ti" << "0" << Format::BinarySI;

    // Rounding, binary fallbacks, negatives.
    QTest::newRow("-1.5") << "-1.5" << "-1500m" << Format::DecimalSI;
    QTest::newRow("binary below 1 is DecimalSI") << "0.0001Ki" << "102400u" << Format::DecimalSI;
    QTest::newRow("binary below 1024") << "0.5Ki" << "512" << Format::BinarySI;
    QTest::newRow("binary 1025") << "1.0009765625Ki" << "1025" << Format::BinarySI;
    QTest::newRow("2.5Mi") << "2.5Mi" << "2560Ki" << Format::BinarySI;
    QTest::newRow("many digits") << "-1.50000000000000000000" << "-1500m" << Format::DecimalSI;
    QTest::newRow("milli to peta") << "9000000000000000000m" << "9P" << Format::DecimalSI;

    // Huge values: only BinarySI is clamped to 2^63-1; decimal ones stay exact.
    QTest::newRow("10Ei clamps") << "10Ei" << "9223372036854775807" << Format::BinarySI;
    QTest::newRow("1000Ei clamps") << "1000Ei" << "9223372036854775807" << Format::BinarySI;
    QTest::newRow("-10Ei clamps") << "-10Ei" << "-9223372036854775807" << Format::BinarySI;
    QTest::newRow("max int64") << "9223372036854775807" << "9223372036854775807" << Format::DecimalSI;
    QTest::newRow("above int64 not clamped") << "9223372036854775808" << "9223372036854775808"
                                             << Format::DecimalSI;
    QTest::newRow("1e20 as 100E") << "100000000000000000000" << "100E" << Format::DecimalSI;
    QTest::newRow("27 nines") << "999999999999999999999999999" << "999999999999999999999999999"
                              << Format::DecimalSI;
    QTest::newRow("38 digits") << "12345678901234567890123456789012345678"
                               << "12345678901234567890123456789012345678" << Format::DecimalSI;
    QTest::newRow("1e30 echoed") << "1e30" << "1e30" << Format::DecimalExponent;
    // suffix.go has no decimal suffix above E, and CanonicalizeBytes then prints none.
    QTest::newRow("1000E prints 1") << "1000E" << "1" << Format::DecimalSI;
    QTest::newRow("10000E prints 10") << "10000E" << "10" << Format::DecimalSI;
    // The exponent is parsed as int64 and truncated to int32; scale arithmetic wraps.
    QTest::newRow("exponent 2^32 wraps to 0") << "1e4294967296" << "1e4294967296" << Format::DecimalExponent;
    QTest::newRow("scale wraps to max") << "1.5e-2147483648" << "150e2147483646" << Format::DecimalExponent;
}

void TstQuantity::parsesToCanonicalForm()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(Format, format);

    std::string error;
    const std::optional<Quantity> q = Quantity::parse(input.toStdString(), &error);
    QVERIFY2(q.has_value(), error.c_str());
    QCOMPARE(QString::fromStdString(q->toString()), canonical);
    QCOMPARE(q->format(), format);
}

void TstQuantity::rejectsMalformedInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << "" << kErrFormatWrong;
    QTest::newRow("unknown trailing letter") << "1KiB" << kErrFormatWrong;
    QTest::newRow("letters") << "abc" << kErrFormatWrong;
    QTest::newRow("leading space") << " 1" << kErrFormatWrong;
    QTest::newRow("trailing space") << "1 " << kErrFormatWrong;
    QTest::newRow("two dots") << "1.2.3" << kErrFormatWrong;
    QTest::newRow("ref capital K") << "1K" << kErrSuffix;
    QTest::newRow("bare K") << "K" << kErrSuffix;
    QTest::newRow("lowercase ki") << "1ki" << kErrSuffix;
    QTest::newRow("bare i") << "1i" << kErrSuffix;
    QTest::newRow("digits after Ki") << "1Ki1" << kErrSuffix;
    QTest::newRow("bare e") << "e" << kErrSuffix;
    QTest::newRow("e without digits") << "1e" << kErrSuffix;
    QTest::newRow("e with bare sign") << "1e-" << kErrSuffix;
    QTest::newRow("exponent beyond int64") << "1e99999999999999999999" << kErrSuffix;
    QTest::newRow("trailing minus") << "1-" << kErrSuffix;
    QTest::newRow("double minus") << "--1" << kErrSuffix;
    // Too many digits for the int64 fast path, and inf.Dec then finds no digit to parse.
    QTest::newRow("bare Ei") << "Ei" << kErrNumeric;
    QTest::newRow("bare Pi") << "Pi" << kErrNumeric;
    QTest::newRow("bare e-10") << "e-10" << kErrNumeric;
    QTest::newRow("dot e-10") << ".e-10" << kErrNumeric;
    // Ours, not Kubernetes': more than 38 significant digits do not fit the fixed-size value.
    QTest::newRow("39 digits") << "123456789012345678901234567890123456789" << kErrNumeric;
}

void TstQuantity::rejectsMalformedInput()
{
    QFETCH(QString, input);
    QFETCH(QString, message);

    std::string error;
    QVERIFY(!Quantity::parse(input.toStdString(), &error).has_value());
    QCOMPARE(QString::fromStdString(error), message);
}

void TstQuantity::roundsValueAndMilliValue_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("milliValue");

    QTest::newRow("1.5 rounds up") << "1.5" << qint64(2) << qint64(1500);
    QTest::newRow("-1.5 rounds away from zero") << "-1.5" << qint64(-2) << qint64(-1500);
    QTest::newRow("-2.5") << "-2.5" << qint64(-3) << qint64(-2500);
    QTest::newRow("100u") << "0.1m" << qint64(1) << qint64(1);
    QTest::newRow("1n") << "1n" << qint64(1) << qint64(1);
    QTest::newRow("-1n") << "-1n" << qint64(-1) << qint64(-1);
    QTest::newRow("100m") << "100m" << qint64(1) << qint64(100);
    QTest::newRow("1.23456789") << "1.23456789" << qint64(2) << qint64(1235);
    QTest::newRow("1Ki") << "1Ki" << qint64(1024) << qint64(1024000);
    QTest::newRow("0.0001Ki") << "0.0001Ki" << qint64(1) << qint64(103);
    QTest::newRow("1.1Ki") << "1.1Ki" << qint64(1127) << qint64(1126400);
    // scale_int.go: a small negative inf.Dec truncates, then adds one (towards +inf).
    QTest::newRow("-1.1Ki truncates then +1") << "-1.1Ki" << qint64(-1125) << qint64(-1126400);
    QTest::newRow("-1.5 as inf.Dec") << "-1.50000000000000000000" << qint64(0) << qint64(-1500);
    // Overflow: Value() and MilliValue() wrap or give 0 exactly as Kubernetes' int64 code does.
    QTest::newRow("8Ei") << "8Ei" << kInt64Max << qint64(-1000);
    QTest::newRow("1E milli overflows to 0") << "1E" << qint64(1000000000000000000) << qint64(0);
    QTest::newRow("20E overflows to 0") << "20E" << qint64(0) << qint64(0);
    QTest::newRow("1e19 via G wraps") << "10000000000G" << qint64(-8446744073709551616LL) << qint64(0);
    QTest::newRow("1e30") << "1e30" << qint64(0) << qint64(0);
    QTest::newRow("2^63 as inf.Dec wraps") << "9223372036854775808" << kInt64Min << qint64(0);
    QTest::newRow("1e20 as inf.Dec wraps") << "100000000000000000000" << qint64(7766279631452241920)
                                           << qint64(200376420520689664);
    QTest::newRow("9P") << "9000000000000000000m" << qint64(9000000000000000) << qint64(9000000000000000000);
    QTest::newRow("wrapped scale") << "1.5e-2147483648" << qint64(0) << qint64(15);
}

void TstQuantity::roundsValueAndMilliValue()
{
    QFETCH(QString, input);
    QFETCH(qint64, value);
    QFETCH(qint64, milliValue);

    const std::optional<Quantity> q = parse(input);
    QVERIFY(q.has_value());
    QCOMPARE(q->value(), value);
    QCOMPARE(q->milliValue(), milliValue);
}

void TstQuantity::compares_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<int>("expected");

    QTest::newRow("1 = 1000m") << "1" << "1000m" << 0;
    QTest::newRow("1Ki = 1024") << "1Ki" << "1024" << 0;
    QTest::newRow("1.5 < 2") << "1.5" << "2" << -1;
    QTest::newRow("2 > 1.5") << "2" << "1.5" << 1;
    QTest::newRow("1e3 = 1k") << "1e3" << "1k" << 0;
    QTest::newRow("-1 < 1n") << "-1" << "1n" << -1;
    QTest::newRow("8Ei = max int64") << "8Ei" << "9223372036854775807" << 0;
    QTest::newRow("1E = 1e18") << "1E" << "1e18" << 0;
    QTest::newRow("0 = -0") << "0" << "-0" << 0;
    QTest::newRow("100u = 0.1m") << "100u" << "0.1m" << 0;
    QTest::newRow("1e21 spelled out") << "1000000000000000000000" << "1e21" << 0;
    QTest::newRow("1e30 > 30 nines") << "1e30" << "999999999999999999999999999999" << 1;
    QTest::newRow("-1e30 < -30 nines") << "-1e30" << "-999999999999999999999999999999" << -1;
    QTest::newRow("1.1Gi > 1181116006") << "1.1Gi" << "1181116006" << 1;
    QTest::newRow("1n > 0") << "1n" << "0" << 1;
    QTest::newRow("250m < 1") << "250m" << "1" << -1;
    QTest::newRow("512Mi < 0.5Gi + 1n") << "512Mi" << "536870912000000001n" << -1;
}

void TstQuantity::compares()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(int, expected);

    const std::optional<Quantity> a = parse(left);
    const std::optional<Quantity> b = parse(right);
    QVERIFY(a.has_value() && b.has_value());
    QCOMPARE(a->compare(*b), expected);
    QCOMPARE(b->compare(*a), -expected);
    QCOMPARE(*a == *b, expected == 0);
}

void TstQuantity::addsAndSubtracts_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<bool>("subtract");
    QTest::addColumn<QString>("right");
    QTest::addColumn<QString>("result");
    QTest::addColumn<Format>("format");

    QTest::newRow("1 + 500m") << "1" << false << "500m" << "1500m" << Format::DecimalSI;
    QTest::newRow("1Gi + 512Mi") << "1Gi" << false << "512Mi" << "1536Mi" << Format::BinarySI;
    QTest::newRow("500m - 500m") << "500m" << true << "500m" << "0" << Format::DecimalSI;
    QTest::newRow("zero takes right format") << "0" << false << "1Gi" << "1Gi" << Format::BinarySI;
    QTest::newRow("zero minus takes format") << "0" << true << "1Gi" << "-1Gi" << Format::BinarySI;
    QTest::newRow("binary not multiple of 1024") << "1Gi" << false << "1" << "1073741825" << Format::BinarySI;
    QTest::newRow("binary fraction prints decimal") << "1Gi" << false << "1m" << "1073741824001m"
                                                    << Format::BinarySI;
    QTest::newRow("100m + 900m") << "100m" << false << "900m" << "1" << Format::DecimalSI;
    QTest::newRow("1.5Ki + 1.5Ki") << "1.5Ki" << false << "1.5Ki" << "3Ki" << Format::BinarySI;
    QTest::newRow("1 - 2Ki") << "1" << true << "2Ki" << "-2047" << Format::DecimalSI;
    QTest::newRow("1e3 + 1") << "1e3" << false << "1" << "1001" << Format::DecimalExponent;
    QTest::newRow("129e6 + 1M") << "129e6" << false << "1M" << "130e6" << Format::DecimalExponent;
    QTest::newRow("9E + 9E") << "9E" << false << "9E" << "18E" << Format::DecimalSI;
    QTest::newRow("-9E - 9E") << "-9E" << true << "9E" << "-18E" << Format::DecimalSI;
    QTest::newRow("clamped 8Ei + 8Ei overflows int64") << "8Ei" << false << "8Ei" << "18446744073709551614"
                                                       << Format::BinarySI;
    QTest::newRow("inf.Dec + int64") << "1.1Gi" << false << "0.9Gi" << "2Gi" << Format::BinarySI;
    // amount.go compares int32 scales that wrapped: 1e(2^31-1) + 1n comes out as 2n.
    QTest::newRow("wrapped scale difference") << "1e2147483647" << false << "1n" << "2e-9"
                                              << Format::DecimalExponent;
}

void TstQuantity::addsAndSubtracts()
{
    QFETCH(QString, left);
    QFETCH(bool, subtract);
    QFETCH(QString, right);
    QFETCH(QString, result);
    QFETCH(Format, format);

    std::optional<Quantity> a = parse(left);
    const std::optional<Quantity> b = parse(right);
    QVERIFY(a.has_value() && b.has_value());
    const Quantity viaOperator = subtract ? *a - *b : *a + *b;
    if (subtract)
        *a -= *b;
    else
        *a += *b;
    QCOMPARE(QString::fromStdString(a->toString()), result);
    QCOMPARE(a->format(), format);
    QCOMPARE(QString::fromStdString(viaOperator.toString()), result);
}

void TstQuantity::printsConstructedQuantities_data()
{
    QTest::addColumn<bool>("milli");
    QTest::addColumn<qint64>("number");
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("milli 250") << true << qint64(250) << Format::DecimalSI << "250m";
    QTest::newRow("milli 1000") << true << qint64(1000) << Format::DecimalSI << "1";
    QTest::newRow("milli -250") << true << qint64(-250) << Format::DecimalSI << "-250m";
    QTest::newRow("milli 1500 binary") << true << qint64(1500) << Format::BinarySI << "1500m";
    QTest::newRow("milli 512 binary") << true << qint64(512) << Format::BinarySI << "512m";
    QTest::newRow("milli 1Ki binary") << true << qint64(1024000) << Format::BinarySI << "1Ki";
    QTest::newRow("value 8Gi") << false << qint64(8LL * 1024 * 1024 * 1024) << Format::BinarySI << "8Gi";
    QTest::newRow("value 1000 binary") << false << qint64(1000) << Format::BinarySI << "1k";
    QTest::newRow("value 1024 binary") << false << qint64(1024) << Format::BinarySI << "1Ki";
    QTest::newRow("value 1536 binary") << false << qint64(1536) << Format::BinarySI << "1536";
    QTest::newRow("value -2048 binary") << false << qint64(-2048) << Format::BinarySI << "-2Ki";
    QTest::newRow("value 1000") << false << qint64(1000) << Format::DecimalSI << "1k";
    QTest::newRow("value 0") << false << qint64(0) << Format::DecimalSI << "0";
    QTest::newRow("value 1e6 exponent") << false << qint64(1000000) << Format::DecimalExponent << "1e6";
    QTest::newRow("value 12345 exponent") << false << qint64(12345) << Format::DecimalExponent << "12345";
    QTest::newRow("value 120000 exponent") << false << qint64(120000) << Format::DecimalExponent << "120e3";
    // math.go removeInt64Factors cannot negate MinInt64, so it is printed without a suffix.
    QTest::newRow("value min int64 binary") << false << kInt64Min << Format::BinarySI << "-9223372036854775808";
}

void TstQuantity::printsConstructedQuantities()
{
    QFETCH(bool, milli);
    QFETCH(qint64, number);
    QFETCH(Format, format);
    QFETCH(QString, canonical);

    const Quantity q = milli ? Quantity::fromMilli(number, format) : Quantity::fromValue(number, format);
    QCOMPARE(QString::fromStdString(q.toString()), canonical);
    QCOMPARE(q.format(), format);
}

void TstQuantity::approximatesDouble_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<quint64>("bits"); // IEEE-754 bits of Kubernetes' AsApproximateFloat64

    QTest::newRow("1.5") << "1.5" << quint64(0x3ff8000000000000);
    QTest::newRow("1Ki") << "1Ki" << quint64(0x4090000000000000);
    QTest::newRow("100m") << "100m" << quint64(0x3fb999999999999a);
    QTest::newRow("0.1m") << "0.1m" << quint64(0x3f1a36e2eb1c432d);
    QTest::newRow("1e-3") << "1e-3" << quint64(0x3f50624dd2f1a9fc);
    QTest::newRow("-1n") << "-1n" << quint64(0xbe112e0be826d695);
    QTest::newRow("1.1Gi") << "1.1Gi" << quint64(0x41d199999999999a);
    QTest::newRow("8Ei") << "8Ei" << quint64(0x43e0000000000000);
    QTest::newRow("1e30") << "1e30" << quint64(0x46293e5939a08cea);
    QTest::newRow("1e20 as inf.Dec") << "100000000000000000000" << quint64(0x4415af1d78b58c40);
    QTest::newRow("huge scale is inf") << "1.5e-2147483648" << quint64(0x7ff0000000000000);
}

void TstQuantity::approximatesDouble()
{
    QFETCH(QString, input);
    QFETCH(quint64, bits);

    const std::optional<Quantity> q = parse(input);
    QVERIFY(q.has_value());
    QCOMPARE(std::bit_cast<quint64>(q->asApproximateDouble()), bits);
}

void TstQuantity::defaultIsZeroDecimalSI()
{
    const Quantity q;
    QVERIFY(q.isZero());
    QCOMPARE(q.sign(), 0);
    QCOMPARE(q.format(), Format::DecimalSI);
    QCOMPARE(QString::fromStdString(q.toString()), QStringLiteral("0"));
    QCOMPARE(q.value(), qint64(0));
}

void TstQuantity::reportsSignAndZero()
{
    QCOMPARE(Quantity::parse("-1n")->sign(), -1);
    QCOMPARE(Quantity::parse("1n")->sign(), 1);
    QVERIFY(Quantity::parse("0Mi")->isZero());
    QVERIFY(!Quantity::parse("1e-10")->isZero()); // rounded up to 1n, never down to zero
}

void TstQuantity::int64OverflowFallsBackToExactDecimal()
{
    Quantity q = Quantity::fromValue(kInt64Max);
    q += Quantity::fromValue(1);
    QCOMPARE(QString::fromStdString(q.toString()), QStringLiteral("9223372036854775808"));
    QCOMPARE(q.value(), kInt64Min); // big.Int.Int64() keeps the low 64 bits
    QCOMPARE(q.compare(*Quantity::parse("9223372036854775808")), 0);
    q -= Quantity::fromValue(1);
    QCOMPARE(q.value(), kInt64Max);
}

void TstQuantity::subtractingMinInt64WrapsLikeGo()
{
    // int64Amount.Sub negates MinInt64 to itself, so 5 - MinInt64 becomes 5 + MinInt64.
    Quantity q = Quantity::fromValue(5);
    q -= Quantity::fromValue(kInt64Min);
    QCOMPARE(QString::fromStdString(q.toString()), QStringLiteral("-9223372036854775803"));
}

void TstQuantity::arithmeticDropsEchoedText()
{
    Quantity q = *Quantity::parse("1.100");
    QCOMPARE(QString::fromStdString(q.toString()), QStringLiteral("1.100"));
    q += Quantity();
    QCOMPARE(QString::fromStdString(q.toString()), QStringLiteral("1100m"));

    Quantity e = *Quantity::parse("129e6");
    e -= Quantity();
    QCOMPARE(QString::fromStdString(e.toString()), QStringLiteral("129e6"));
    QCOMPARE(e.format(), Format::DecimalExponent);
}

void TstQuantity::addsToItself()
{
    Quantity q = *Quantity::parse("768Mi");
    q += q;
    QCOMPARE(QString::fromStdString(q.toString()), QStringLiteral("1536Mi"));
    q -= q;
    QVERIFY(q.isZero());
}

void TstQuantity::ordersWithOperators()
{
    const Quantity small = *Quantity::parse("250m");
    const Quantity large = *Quantity::parse("1");
    QVERIFY(small < large);
    QVERIFY(large > small);
    QVERIFY(small <= *Quantity::parse("0.25"));
    QVERIFY(small == *Quantity::parse("0.25"));
    QVERIFY(small != large);
}

void TstQuantity::errorOutputIsOptional()
{
    QVERIFY(!Quantity::parse("1K").has_value());
    QVERIFY(Quantity::parse("1k").has_value());
}

void TstQuantity::accumulatesManyPodRequests()
{
    // The scheduler sums requests of 100,000 pods; the int64 form keeps this exact.
    const Quantity cpu = *Quantity::parse("250m");
    const Quantity memory = *Quantity::parse("64Mi");
    Quantity cpuTotal;
    Quantity memoryTotal;
    for (int i = 0; i < 100000; ++i) {
        cpuTotal += cpu;
        memoryTotal += memory;
    }
    QCOMPARE(QString::fromStdString(cpuTotal.toString()), QStringLiteral("25k"));
    QCOMPARE(QString::fromStdString(memoryTotal.toString()), QStringLiteral("6250Gi"));
    QCOMPARE(memoryTotal.value(), qint64(100000) * 64 * 1024 * 1024);
    QCOMPARE(cpuTotal.milliValue(), qint64(25000000));
}

QTEST_APPLESS_MAIN(TstQuantity)
#include "tst_quantity.moc"
