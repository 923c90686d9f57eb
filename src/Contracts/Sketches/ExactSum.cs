using System.Numerics;

namespace TrainingOrchestration.Contracts.Sketches;

/// <summary>
/// The exact sum of doubles (a "superaccumulator", after Neal 2015): every finite double is a whole multiple of
/// 2^-1074, so the sum is kept as an integer in 32-bit digits held in 64-bit limbs, each add touching three limbs.
/// No rounding happens while adding, so the result does not depend on the order of the values or on how they were
/// split into parts and merged: a table validated whole or as part files gets the same mean and standard deviation
/// to the last bit. Small integers (the common case) take a faster 128-bit path. Non-finite values are summed apart.
/// </summary>
public sealed class ExactSum
{
    private const int Limbs = 70;
    /// <summary>Integers below this in size take the 64-bit path (their squares below 2^42).</summary>
    public const long Small = 1L << 21;
    private const int SmallFlush = 1 << 20;
    private long[] limbs = new long[Limbs];
    private long smallSum;
    private int smallAdds;
    private int adds;
    private Int128 integers;
    private double nonFinite;

    public void Add(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0x7FF) { nonFinite += value; return; }
        if (exponent == 0) { if (mantissa == 0) return; exponent = 1; }
        else mantissa |= 1L << 52;
        var position = exponent - 1;
        var shift = position & 31;
        var low = (ulong)mantissa << shift;
        var i = position >> 5;
        var a = (long)(low & 0xFFFF_FFFF);
        var b = (long)(low >> 32);
        var c = shift == 0 ? 0 : (long)((ulong)mantissa >> (64 - shift));
        if (bits < 0) { limbs[i] -= a; limbs[i + 1] -= b; limbs[i + 2] -= c; }
        else { limbs[i] += a; limbs[i + 1] += b; limbs[i + 2] += c; }
        if (++adds >= 1 << 30) Normalize();
    }

    /// <summary>Adds an integer exactly (no conversion to double); below 2^21 in size it stays in a plain 64-bit sum.</summary>
    public void AddInteger(long value)
    {
        if (value is > -Small and < Small)
        {
            smallSum += value;
            if (++smallAdds == SmallFlush) FlushSmall();
            return;
        }
        integers += value;
    }

    /// <summary>Adds an integer total exactly (a batch of small integers or their squares summed by the caller without overflow).</summary>
    public void AddIntegerTotal(long total) => integers += total;

    /// <summary>Adds the square of <paramref name="value"/> exactly: an integer square, or a double product split by FMA.</summary>
    public void AddSquare(double value, long integer, bool isInteger)
    {
        if (isInteger)
        {
            if (integer is > -Small and < Small)
            {
                smallSum += integer * integer;
                if (++smallAdds == SmallFlush) FlushSmall();
                return;
            }
            integers += (Int128)integer * integer;
            return;
        }
        var high = value * value;
        Add(high);
        if (double.IsFinite(high)) Add(Math.FusedMultiplyAdd(value, value, -high));
    }

    public void Merge(ExactSum other)
    {
        other.Normalize();
        Normalize();
        for (var i = 0; i < Limbs; i++) limbs[i] += other.limbs[i];
        integers += other.integers;
        nonFinite += other.nonFinite;
        Normalize();
    }

    /// <summary>The exact value as an integer count of 2^-1074 (non-finite values excluded).</summary>
    public BigInteger Scaled()
    {
        Normalize();
        var total = (BigInteger)integers << 1074;
        for (var i = 0; i < Limbs; i++)
        {
            if (limbs[i] != 0) total += (BigInteger)limbs[i] << (32 * i);
        }
        return total;
    }

    /// <summary>The sum as a double-double (high + low), a deterministic function of the exact value.</summary>
    public (double High, double Low) ToDoubleDouble()
    {
        var exact = Scaled();
        var high = Approximate(exact);
        var low = Approximate(exact - ExactOf(high));
        return (high + nonFinite, low);
    }

    public double ToDouble() => ToDoubleDouble().High;

    /// <summary>Compact form for a partial result: the exact value in decimal (of 2^-1074 units) and the non-finite part.</summary>
    public string Export() => Scaled().ToString(System.Globalization.CultureInfo.InvariantCulture) +
        (nonFinite == 0 ? "" : "|" + nonFinite.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

    public static ExactSum Import(string text)
    {
        var sum = new ExactSum();
        var bar = text.IndexOf('|');
        var exact = BigInteger.Parse(bar < 0 ? text : text[..bar], System.Globalization.CultureInfo.InvariantCulture);
        if (bar >= 0) sum.nonFinite = double.Parse(text[(bar + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var negative = exact.Sign < 0;
        var magnitude = BigInteger.Abs(exact);
        for (var i = 0; i < Limbs && !magnitude.IsZero; i++)
        {
            var digit = (long)(uint)(magnitude & uint.MaxValue);
            sum.limbs[i] = negative ? -digit : digit;
            magnitude >>= 32;
        }
        return sum;
    }

    /// <summary>Under 2^20 adds of at most 2^42 each, the 64-bit sum cannot overflow; then it moves to the 128-bit one.</summary>
    private void FlushSmall()
    {
        integers += smallSum;
        smallSum = 0;
        smallAdds = 0;
    }

    private void Normalize()
    {
        FlushSmall();
        for (var i = 0; i < Limbs - 1; i++)
        {
            var carry = limbs[i] >> 32;
            limbs[i] -= carry << 32;
            limbs[i + 1] += carry;
        }
        adds = 0;
    }

    private static double Approximate(BigInteger scaled)
    {
        if (scaled.IsZero) return 0;
        var negative = scaled.Sign < 0;
        var magnitude = BigInteger.Abs(scaled);
        var shift = (int)Math.Max(0, magnitude.GetBitLength() - 62);
        var top = (double)(long)(magnitude >> shift);
        var value = Math.ScaleB(top, shift - 1074);
        return negative ? -value : value;
    }

    private static BigInteger ExactOf(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return BigInteger.Zero;
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        var exact = (BigInteger)mantissa << (exponent - 1);
        return bits < 0 ? -exact : exact;
    }
}
