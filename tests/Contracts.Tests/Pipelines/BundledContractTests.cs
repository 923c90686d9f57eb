using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Pipelines;

public sealed class BundledContractTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("contract-bundled-").FullName;

    private static async Task<ValidationOutcome> Validate(string pipeline, string table)
    {
        var contract = ContractLoader.Load(Path.Combine(Repository.Path("pipelines", pipeline), "contract.yaml"));
        var rows = File.ReadLines(table).LongCount() - 1;
        var inputs = new ValidationInputs
        {
            Now = ContractRun.Now,
            RunId = "20261123T1300-abc123",
            GlueJobRun = new GlueJobRun { JobRunState = "SUCCEEDED", ExecutionTime = 95, DpuSeconds = 190 },
            Manifest = new FeatureManifest { Rows = new ManifestRows { Table = rows }, Watermark = "2026-11-23T12:00:00Z" },
        };
        var source = new TableSource("part-00000.csv", new FileInfo(table).Length, _ => Task.FromResult<Stream>(File.OpenRead(table)));
        return await new ContractValidator(contract).ValidateAsync([source], inputs);
    }

    [Theory]
    [MemberData(nameof(BundledPipelines.NamesWithEntityKey), MemberType = typeof(BundledPipelines))]
    public async Task The_bundled_sample_passes_its_pipeline_contract_after_the_feature_sql(string pipeline, string key)
    {
        var table = FeatureTable.Build(pipeline, key, temp);

        var outcome = await Validate(pipeline, table);

        var failed = outcome.Rules.Where(r => !r.Passed).Select(r => $"{r.Rule}: {r.Observed} vs {r.Threshold} {r.Note}");
        Assert.True(outcome.Rules.All(r => r.Passed), string.Join("\n", failed));
        Assert.True(outcome.Passed);
        Assert.True(outcome.Rules.Count >= 20);
    }

    [Fact]
    public async Task A_corrupted_churn_table_fails_with_the_right_rules_and_row_numbers()
    {
        var table = FeatureTable.Build("churn", "customer_id", temp);
        var lines = File.ReadAllLines(table);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        string[] Row(int dataRow) => lines[dataRow].Split(',');
        void Set(int dataRow, string column, string value) { var r = Row(dataRow); r[Col(column)] = value; lines[dataRow] = string.Join(',', r); }
        Set(5, "churn", "2");
        Set(12, "monthly_charges", "abc");
        Set(30, "customer_id", Row(3)[0]);
        Set(41, "pay_electronic_check", "1");
        Set(41, "pay_mailed_check", "1");
        File.WriteAllLines(table, lines);

        var outcome = await Validate("churn", table);

        Assert.False(outcome.Passed);
        Assert.Equal([5L], outcome.Rule("allowed_values:churn").Examples.Select(e => e.Row));
        Assert.Equal([12L], outcome.Rule("type:monthly_charges").Examples.Select(e => e.Row));
        var duplicate = outcome.Rule("primary_key:customer_id").Examples.Single();
        Assert.Equal(30, duplicate.Row);
        Assert.Contains("first at part-00000.csv row 3", duplicate.Value);
        Assert.Contains(41L, outcome.Rule("one_payment_method").Examples.Select(e => e.Row));
        Assert.Contains("allowed_values:churn", outcome.Summary);
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);
}
