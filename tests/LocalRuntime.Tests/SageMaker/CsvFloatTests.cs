using System.Globalization;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

/// <summary><see cref="CsvFloat"/> reads every cell to the same bits as float.TryParse (NaN where that fails).</summary>
public sealed class CsvFloatTests
{
    [Theory]
    [InlineData("0"), InlineData("-0"), InlineData("-0.0"), InlineData("1."), InlineData(".5"), InlineData("-.5"), InlineData(".")]
    [InlineData("-"), InlineData(""), InlineData(" 1"), InlineData("1 "), InlineData("+3"), InlineData("1e3"), InlineData("1.2.3")]
    [InlineData("16777216"), InlineData("16777217"), InlineData("167772161"), InlineData("0.1"), InlineData("29.85"), InlineData("1889.5")]
    [InlineData("0.0000000001"), InlineData("0.00000000001"), InlineData("3.4028236e38"), InlineData("nan"), InlineData("NaN")]
    [InlineData("Infinity"), InlineData("-Infinity"), InlineData("abc"), InlineData("1,5"), InlineData("00012.50"), InlineData("9999999.9")]
    public void A_cell_reads_as_float_TryParse_reads_it(string cell) => AssertSame(cell);

    [Fact]
    public void Random_decimals_read_as_float_TryParse_reads_them()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var whole = random.Next(4) switch { 0 => random.Next(10), 1 => random.Next(100_000), 2 => random.Next(20_000_000), _ => random.Next() };
            var places = random.Next(13);
            var fraction = places == 0 ? "" : "." + string.Concat(Enumerable.Range(0, places).Select(_ => (char)('0' + random.Next(10))));
            AssertSame((random.Next(3) == 0 ? "-" : "") + whole.ToString(CultureInfo.InvariantCulture) + fraction);
            // few significant digits far after the point: the powers of ten past 10^10 are not exact floats
            AssertSame("0." + new string('0', random.Next(14)) + random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void AssertSame(string cell)
    {
        var expected = float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : float.NaN;
        var actual = CsvFloat.Parse(cell);
        Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual) || (float.IsNaN(expected) && float.IsNaN(actual)),
            $"'{cell}': float.TryParse {expected:R}, CsvFloat {actual:R}");
    }
}
