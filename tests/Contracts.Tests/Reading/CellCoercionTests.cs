using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Tests.Reading;

/// <summary>The coercion rules stated in src/Contracts/README.md, one line each.</summary>
public class CellCoercionTests
{
    [Theory]
    [InlineData("42", ColumnType.Integer, true, 42)]
    [InlineData("-7", ColumnType.Integer, true, -7)]
    [InlineData("+7", ColumnType.Integer, true, 7)]
    [InlineData("1.0", ColumnType.Integer, false, 0)]
    [InlineData(" 1", ColumnType.Integer, false, 0)]
    [InlineData("1,000", ColumnType.Integer, false, 0)]
    [InlineData("1e3", ColumnType.Integer, false, 0)]
    [InlineData("99999999999999999999", ColumnType.Integer, false, 0)]
    [InlineData("64.7", ColumnType.Decimal, true, 64.7)]
    [InlineData("1e3", ColumnType.Decimal, true, 1000)]
    [InlineData("-.5", ColumnType.Decimal, true, -0.5)]
    [InlineData("NaN", ColumnType.Decimal, false, 0)]
    [InlineData("Infinity", ColumnType.Decimal, false, 0)]
    [InlineData("1,5", ColumnType.Decimal, false, 0)]
    [InlineData("2.5 ", ColumnType.Decimal, false, 0)]
    [InlineData("TRUE", ColumnType.Boolean, true, 1)]
    [InlineData("false", ColumnType.Boolean, true, 0)]
    [InlineData("1", ColumnType.Boolean, true, 1)]
    [InlineData("yes", ColumnType.Boolean, false, 0)]
    [InlineData("2026-11-23", ColumnType.Date, true, 1795392000000)]
    [InlineData("23/11/2026", ColumnType.Date, false, 0)]
    [InlineData("2026-11-23T00:00:00Z", ColumnType.Timestamp, true, 1795392000000)]
    [InlineData("2026-11-23 01:00:00+01:00", ColumnType.Timestamp, true, 1795392000000)]
    [InlineData("2026-11-23T00:00:00", ColumnType.Timestamp, true, 1795392000000)]
    [InlineData("2026-11-23T00:00:00.500Z", ColumnType.Timestamp, true, 1795392000500)]
    [InlineData("yesterday", ColumnType.Timestamp, false, 0)]
    public void Text_coerces_strictly_to_the_declared_type(string text, ColumnType type, bool valid, double expected)
    {
        var state = CellCoercion.Coerce(text, type, out var number);

        Assert.Equal(valid ? CellState.Value : CellState.Invalid, state);
        if (valid) Assert.Equal(expected, number, 9);
    }
}
