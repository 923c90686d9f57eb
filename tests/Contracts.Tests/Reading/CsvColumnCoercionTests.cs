using System.Text;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Tests.Reading;

/// <summary>
/// A column of a CSV batch coerced at once gives, cell by cell, the state and number <see cref="CsvTableReader.Read"/>
/// gives row by row: null for an empty field or a null text, else <see cref="CellCoercion.Coerce"/>'s result, for every type.
/// </summary>
public sealed class CsvColumnCoercionTests
{
    private static readonly string[] Texts =
    [
        "42", "-7", "+7", "0", "-0", "1.0", " 1", "1,000", "1e3", "99999999999999999999", "9223372036854775807", "64.7", "-.5", ".",
        "NaN", "Infinity", "-Infinity", "1e400", "1,5", "2.5 ", "0.1234567890123456789", "TRUE", "false", "1", "yes", "t",
        "2026-11-23", "23/11/2026", "2026-02-30", "2026-11-23T00:00:00Z", "2026-11-23 01:00:00+01:00", "2026-11-23T00:00:00",
        "2026-11-23T00:00:00.500Z", "2026-11-23T10:15", "yesterday", "", "NA", "null", "na", "a \"quoted\" text",
    ];

    [Theory]
    [InlineData(ColumnType.String)]
    [InlineData(ColumnType.Integer)]
    [InlineData(ColumnType.Decimal)]
    [InlineData(ColumnType.Boolean)]
    [InlineData(ColumnType.Timestamp)]
    [InlineData(ColumnType.Date)]
    public async Task A_column_coerced_at_once_matches_the_reader_cell_by_cell(ColumnType type)
    {
        var csv = new StringBuilder("before,cell\n");
        foreach (var text in Texts) csv.Append("x,\"").Append(text.Replace("\"", "\"\"")).Append("\"\n");
        var expected = new List<(CellState State, double Number)>();
        await using (var rowByRow = Open(csv.ToString()))
        {
            while (await rowByRow.ReadAsync()) expected.Add((rowByRow.Read(1, type, out var number, out _), number));
        }

        await using var reader = Open(csv.ToString());
        var batch = await reader.ReadBatchAsync();
        Assert.NotNull(batch);
        var rows = Enumerable.Range(0, batch.Rows).ToArray();
        var states = new CellState[rows.Length];
        var numbers = new double[rows.Length];
        var invalid = CsvColumnCoercion.Coerce(reader, batch, 1, type, rows, states, numbers);

        Assert.Equal(Texts.Length, expected.Count);
        Assert.Equal(expected.Select(e => e.State), states);
        Assert.Equal(expected.Select(e => BitConverter.DoubleToInt64Bits(e.Number)), numbers.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Count(e => e.State == CellState.Invalid), invalid);
        Assert.Contains(CellState.Null, states);
        Assert.Contains(type == ColumnType.String ? CellState.Value : CellState.Invalid, states);
    }

    private static CsvTableReader Open(string csv) =>
        CsvTableReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ["NA", "null"]);
}
