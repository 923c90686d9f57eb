using System.Globalization;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Tests.Reading;

public class FastNumberParserTests
{
    [Fact]
    public void Decimals_parse_to_exactly_the_value_the_general_parser_gives()
    {
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.Next(1, 17);
            var text = (random.Next(4) == 0 ? "-" : "") + string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10))));
            var point = random.Next(text.Length + 1);
            if (random.Next(3) > 0 && point > (text.StartsWith('-') ? 1 : 0)) text = text.Insert(point, ".");

            var state = CellCoercion.Coerce(text, ColumnType.Decimal, out var number);

            Assert.Equal(CellState.Value, state);
            Assert.Equal(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), number);
        }
    }

    [Theory]
    [InlineData("9223372036854775807", true)]
    [InlineData("-9223372036854775808", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("-", false)]
    [InlineData("+", false)]
    [InlineData("12a", false)]
    [InlineData("", false)]
    public void Integers_at_and_beyond_the_64_bit_limits_are_judged_like_the_general_parser(string text, bool valid)
    {
        Assert.Equal(valid ? CellState.Value : CellState.Invalid, CellCoercion.Coerce(text, ColumnType.Integer, out _));
    }

    [Theory]
    [InlineData(".", false)]
    [InlineData("5.", true)]
    [InlineData("1.2.3", false)]
    [InlineData("12345678901234567890.5", true)]
    public void Unusual_decimals_fall_back_to_the_general_parser(string text, bool valid)
    {
        Assert.Equal(valid ? CellState.Value : CellState.Invalid, CellCoercion.Coerce(text, ColumnType.Decimal, out _));
    }
}
