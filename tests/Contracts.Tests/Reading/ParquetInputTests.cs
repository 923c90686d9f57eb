using Parquet;
using Parquet.Schema;
using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;
using TrainingOrchestration.Contracts;

namespace TrainingOrchestration.Contracts.Tests.Reading;

public class ParquetInputTests
{
    private const string Contract = """
        contract: parquet
        columns:
          - { name: id, type: string }
          - { name: tenure, type: integer }
          - { name: charges, type: decimal }
        rules:
          - { check: primary_key, column: id }
          - { check: range, column: tenure, min: 0, max: 72 }
          - { check: not_null, column: charges }
          - { check: expression, name: charged, expr: "charges > 0 or tenure == 0" }
        """;

    private static async Task<byte[]> Parquet(string[] ids, int?[] tenure, double?[] charges, int rowGroups)
    {
        var fields = new DataField[] { new DataField<string>("id"), new DataField<int?>("tenure"), new DataField<double?>("charges") };
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream))
        {
            var size = (ids.Length + rowGroups - 1) / rowGroups;
            for (var start = 0; start < ids.Length; start += size)
            {
                var n = Math.Min(size, ids.Length - start);
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(fields[0], ids.AsSpan(start, n).ToArray());
                await group.WriteAsync<int>(fields[1], tenure.AsMemory(start, n));
                await group.WriteAsync<double>(fields[2], charges.AsMemory(start, n));
            }
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task Parquet_tables_are_validated_row_group_by_row_group_with_row_numbers()
    {
        var bytes = await Parquet(["a", "b", "c", "a", "e"], [1, 80, 3, 4, 0], [10, 20, null, 5, 0], rowGroups: 2);

        var outcome = await ContractRun.ValidateAsync(Contract, [("part-00000.parquet", bytes)]);

        Assert.Equal(5, outcome.RowCount);
        Assert.True(outcome.Rule("columns").Passed);
        Assert.Equal([2L], outcome.Rule("range:tenure").Examples.Select(e => e.Row));
        Assert.Equal("80", outcome.Rule("range:tenure").Examples[0].Value);
        Assert.Equal([3L], outcome.Rule("not_null:charges").Examples.Select(e => e.Row));
        Assert.Equal([4L], outcome.Rule("primary_key:id").Examples.Select(e => e.Row));
        Assert.True(outcome.Rule("charged").Passed);
        Assert.False(outcome.Passed);
    }

    [Fact]
    public async Task A_clean_parquet_table_passes()
    {
        var bytes = await Parquet(["a", "b"], [1, 0], [10, 0], rowGroups: 1);

        var outcome = await ContractRun.ValidateAsync(Contract, [("part-00000.parquet", bytes)]);

        Assert.True(outcome.Passed, outcome.Summary);
    }

    [Fact]
    public async Task A_non_seekable_parquet_stream_such_as_an_s3_body_is_spooled_to_disk_and_read()
    {
        var bytes = await Parquet(["a", "b", "c"], [1, 2, 3], [1, 2, 3], rowGroups: 3);
        var contract = ContractLoader.Parse(Contract, "contract.yaml");
        var source = new TableSource("part-00000.parquet", bytes.Length, _ => Task.FromResult<Stream>(new TrickleStream(bytes, 1000)));

        var outcome = await new ContractValidator(contract).ValidateAsync([source], new ValidationInputs { Now = ContractRun.Now });

        Assert.Equal(3, outcome.RowCount);
        Assert.True(outcome.Passed, outcome.Summary);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_fails_the_columns_rule_instead_of_throwing()
    {
        var outcome = await ContractRun.ValidateAsync(Contract, [("part-00000.parquet", System.Text.Encoding.UTF8.GetBytes("id,tenure\na,1\n"))]);

        Assert.False(outcome.Passed);
        Assert.Contains("not a readable Parquet file", outcome.Rule("columns").Observed);
    }
}
