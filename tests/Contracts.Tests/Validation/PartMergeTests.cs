using System.Text.Json;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Validation;

public sealed class PartMergeTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("contract-parts-").FullName;

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public async Task The_churn_features_split_into_parts_by_key_hash_merge_to_the_outcome_of_the_whole_table(int partCount)
    {
        var contract = ContractLoader.Load(Path.Combine(Repository.Path("pipelines", "churn"), "contract.yaml"));
        var table = FeatureTable.Build("churn", "customer_id", temp);
        var baseline = (await Validate(contract, [Source(table)], Inputs(null))).Profile;
        var parts = SplitByKeyHash(Corrupt(File.ReadAllLines(table)), partCount);
        var inputs = Inputs(baseline);

        var whole = await Validate(contract, parts.Select(Source).ToList(), inputs);
        var merged = ValidationMerge.Merge(contract, await Task.WhenAll(parts.Select(async part =>
        {
            var partial = await new ContractValidator(contract).ValidatePartAsync([Source(part)], inputs);
            return PartialValidationSerializer.Deserialize(PartialValidationSerializer.Serialize(partial));
        })), inputs);

        Assert.False(whole.Passed);
        Assert.Contains(whole.Rules, r => r.FailingCount > contract.ExampleRows);
        Assert.Contains(whole.Rule("primary_key:customer_id").Examples, e => e.Value.Contains("first at"));
        foreach (var rule in whole.Rules) Assert.Equal(Json(rule), Json(merged.Rule(rule.Rule)));
        Assert.Equal(Json(whole with { DurationMs = 0 }), Json(merged with { DurationMs = 0 }));
    }

    [Fact]
    public async Task A_part_validated_against_another_contract_version_is_refused_at_the_merge()
    {
        var contract = ContractLoader.Load(Path.Combine(Repository.Path("pipelines", "churn"), "contract.yaml"));
        var table = FeatureTable.Build("churn", "customer_id", temp);
        var partial = await new ContractValidator(contract).ValidatePartAsync([Source(table)], Inputs(null));

        var error = Assert.Throws<InvalidOperationException>(() => ValidationMerge.Merge(contract with { Version = "2" }, [partial], Inputs(null)));

        Assert.Contains("version 1", error.Message);
    }

    [Fact]
    public async Task A_partial_validation_of_the_churn_table_is_small_enough_for_a_step_functions_payload()
    {
        var contract = ContractLoader.Load(Path.Combine(Repository.Path("pipelines", "churn"), "contract.yaml"));
        var table = FeatureTable.Build("churn", "customer_id", temp);

        var partial = await new ContractValidator(contract).ValidatePartAsync([Source(table)], Inputs(null));

        Assert.InRange(PartialValidationSerializer.Serialize(partial).Length, 1, 64 * 1024);
    }

    private static string[] Corrupt(string[] lines)
    {
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        void Set(int row, string column, string value)
        {
            var fields = lines[row].Split(',');
            fields[Col(column)] = value;
            lines[row] = string.Join(',', fields);
        }
        for (var row = 7; row < lines.Length; row += 311) Set(row, "churn", "2");
        for (var row = 50; row < lines.Length; row += 997) Set(row, "monthly_charges", "abc");
        for (var row = 90; row < lines.Length; row += 613) Set(row, "total_charges", "");
        for (var row = 400; row < lines.Length; row += 1499) Set(row, "customer_id", lines[row - 350].Split(',')[0]);
        lines[1000] += ",extra";
        return lines;
    }

    /// <summary>As the feature job writes parts: each row to the part its key hashes to, rows in table order within a part.</summary>
    private List<string> SplitByKeyHash(string[] lines, int count)
    {
        var writers = Enumerable.Range(0, count).Select(i => new List<string> { lines[0] }).ToArray();
        foreach (var line in lines.Skip(1))
        {
            var key = line[..line.IndexOf(',')];
            var hash = key.Aggregate(17u, (h, c) => h * 31 + c);
            writers[hash % (uint)count].Add(line);
        }
        return writers.Select((rows, i) =>
        {
            var path = Path.Combine(temp, $"part-{i:D5}.csv");
            File.WriteAllLines(path, rows);
            return path;
        }).ToList();
    }

    private static ValidationInputs Inputs(TableProfile? baseline) => new()
    {
        Now = ContractRun.Now,
        RunId = "20261123T1300-abc123",
        Baseline = baseline,
        GlueJobRun = new GlueJobRun { JobRunState = "SUCCEEDED", ExecutionTime = 95, DpuSeconds = 190 },
        Manifest = new FeatureManifest { Rows = new ManifestRows { Table = 7043 }, Watermark = "2026-11-23T12:00:00Z" },
        UniqueKeysInMemory = 1000,
        TempDirectory = Path.Combine(Path.GetTempPath(), "contract-parts-spill"),
    };

    private static TableSource Source(string path) =>
        new(Path.GetFileName(path), new FileInfo(path).Length, _ => Task.FromResult<Stream>(File.OpenRead(path)));

    private static Task<ValidationOutcome> Validate(Model.DataContract contract, IReadOnlyList<TableSource> files, ValidationInputs inputs) =>
        new ContractValidator(contract).ValidateAsync(files, inputs);

    private static string Json(RuleOutcome rule) => JsonSerializer.Serialize(new ValidationOutcome
    {
        Passed = rule.Passed, Summary = "", Rules = [rule], RowCount = 0, Contract = "", ContractVersion = "",
    }, ProfileJsonContext.Default.ValidationOutcome);

    private static string Json(ValidationOutcome outcome) => JsonSerializer.Serialize(outcome, ProfileJsonContext.Default.ValidationOutcome);

    public void Dispose() => Directory.Delete(temp, recursive: true);
}
