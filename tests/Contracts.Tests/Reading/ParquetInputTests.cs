using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Profiles;

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

    /// <summary>
    /// Texts are read raw (dictionary slices, not a string per value): nulls, empty texts, repeated (dictionary-encoded)
    /// and unique values, over several row groups, must give rule by rule and in the profile what the same table as CSV gives.
    /// </summary>
    [Fact]
    public async Task A_parquet_table_with_null_empty_and_repeated_texts_gives_the_outcome_of_the_same_table_as_csv()
    {
        const string contract = """
            contract: texts
            version: "1"
            exampleRows: 3
            columns:
              - { name: id, type: string }
              - { name: plan, type: string }
              - { name: tenure, type: integer }
            rules:
              - { check: primary_key, column: id }
              - { check: allowed_values, column: plan, values: [basic, pro] }
              - { check: completeness, column: plan, min: 0.99 }
              - { check: length, column: id, max: 4 }
              - { check: range, column: tenure, min: 0, max: 72 }
              - { check: mean, column: tenure, min: 0, max: 72 }
              - { check: drift, column: plan, kind: categorical }
              - { check: expression, name: pro_has_tenure, expr: "plan != 'pro' or tenure > 0" }
            """;
        const int rows = 3000;
        var ids = Enumerable.Range(0, rows).Select(i => i == 2500 ? "k7" : "k" + i).ToArray();
        string?[] plans = Enumerable.Range(0, rows).Select(i => i % 97 == 0 ? null : i % 89 == 0 ? "" : i % 83 == 0 ? "gold" : i % 3 == 0 ? "pro" : "basic").ToArray();
        int?[] tenure = Enumerable.Range(0, rows).Select(i => i % 101 == 0 ? (int?)null : i % 80).ToArray();
        var fields = new DataField[] { new DataField<string>("id"), new DataField<string>("plan"), new DataField<int?>("tenure") };
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream))
        {
            for (var start = 0; start < rows; start += 1000)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(fields[0], ids.AsSpan(start, 1000).ToArray());
                await group.WriteAsync(fields[1], plans.AsSpan(start, 1000).ToArray());
                await group.WriteAsync<int>(fields[2], tenure.AsMemory(start, 1000));
            }
        }
        var csv = new StringBuilder("id,plan,tenure\n");
        for (var i = 0; i < rows; i++) csv.Append(ids[i]).Append(',').Append(plans[i]).Append(',').Append(tenure[i]).Append('\n');

        var fromParquet = await ContractRun.ValidateAsync(contract, [("part-00000.parquet", stream.ToArray())]);
        var fromCsv = await ContractRun.ValidateAsync(contract, csv.ToString());

        Assert.False(fromCsv.Passed);
        Assert.Equal(rows, fromParquet.RowCount);
        Assert.Equal(1, fromParquet.Rule("primary_key:id").FailingCount);
        Assert.True(fromParquet.Rule("allowed_values:plan").FailingCount > 0);
        Assert.True(fromParquet.Rule("completeness:plan").FailingCount > 0);
        ContractRun.AssertSameOutcome(fromCsv, fromParquet);
    }
}
