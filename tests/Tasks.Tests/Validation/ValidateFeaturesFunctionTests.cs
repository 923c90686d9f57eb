using TrainingOrchestration.LocalRuntime.S3;
using System.Text;
using System.Text.Json;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Tasks.Adapters;
using TrainingOrchestration.Tasks.Validation;

namespace TrainingOrchestration.Tasks.Tests.Validation;

public sealed class ValidateFeaturesFunctionTests : IDisposable
{
    private const string Contract = """
        contract: demo
        version: "7"
        columns:
          - { name: id, type: string }
          - { name: churn, type: integer }
          - { name: spend, type: decimal }
          - { name: split, type: string }
        rules:
          - { check: primary_key, column: id }
          - { check: allowed_values, column: churn, values: [0, 1] }
          - { check: row_count_change, maxDecrease: 0.5 }
          - { check: drift, column: spend, maxPsi: 0.25 }
          - { check: mean, column: spend, max: 1000, severity: warn }
          - { check: glue_job, minRowsWritten: 1 }
        """;

    private readonly string root = Directory.CreateTempSubdirectory("validate-features-").FullName;
    private readonly InMemoryValidationLedger ledger = new();
    private readonly StringWriter output = new();
    private readonly FileObjectStore store;

    public ValidateFeaturesFunctionTests() => store = new FileObjectStore(root);

    private ValidateFeaturesFunction Function() =>
        new(store, ledger, ContractLoader.Parse(Contract, "contract.yaml"), "bucket", "TrainingOrchestration", output, TimeProvider.System);

    private async Task WriteRun(string runId, string csv, long manifestRows)
    {
        var prefix = $"features/demo/run={runId}/";
        await store.WriteAsync("bucket", prefix + "table/part-00000.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        var manifest = "{\"pipeline\":\"demo\",\"runId\":\"" + runId + "\",\"rows\":{\"table\":" + manifestRows + ",\"train\":" + manifestRows +
            ",\"validation\":0,\"test\":0},\"watermark\":\"2026-11-23T12:00:00Z\"}";
        await store.WriteAsync("bucket", prefix + "manifest.json", new MemoryStream(Encoding.UTF8.GetBytes(manifest)));
    }

    private static string Rows(int n, double spend, string churn = "0") =>
        "id,churn,spend,split\n" + string.Concat(Enumerable.Range(1, n).Select(i => $"K{i},{churn},{spend + i % 10},train\n"));

    private async Task<JsonElement> Invoke(string runId)
    {
        var payload = "{\"pipeline\":\"demo\",\"runId\":\"" + runId + "\",\"bucket\":\"bucket\",\"featuresPrefix\":\"features/demo/run=" + runId +
            "/\",\"glueJobRun\":{\"Id\":\"jr_1\",\"JobRunState\":\"SUCCEEDED\",\"ExecutionTime\":42,\"DPUSeconds\":84.0}}";
        var result = await Function().Handle(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
        return (await JsonDocument.ParseAsync(result)).RootElement.Clone();
    }

    [Fact]
    public async Task A_clean_table_passes_is_recorded_and_its_profile_is_kept_for_promotion_but_not_yet_accepted()
    {
        await WriteRun("r1", Rows(200, 50), 200);

        var response = await Invoke("r1");

        Assert.True(response.GetProperty("passed").GetBoolean(), response.GetProperty("summary").GetString());
        Assert.Equal(200, response.GetProperty("rowCount").GetInt64());
        Assert.Equal("error", response.GetProperty("rules")[0].GetProperty("severity").GetString());
        Assert.True(ledger.Outcomes["demo/r1"].Passed);
        Assert.True(ledger.Profiles.ContainsKey("r1"));
        Assert.Null(ledger.AcceptedRunId);
        Assert.Contains("\"RowsChecked\":200", output.ToString());
    }

    [Fact]
    public async Task A_failing_table_returns_the_rule_with_rows_and_leaves_the_accepted_profile_alone()
    {
        await WriteRun("r1", Rows(200, 50), 200);
        await Invoke("r1");
        ledger.Accept("r1");
        await WriteRun("r2", Rows(80, 500, churn: "2"), 80);

        var response = await Invoke("r2");

        Assert.False(response.GetProperty("passed").GetBoolean());
        var rules = response.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("rule").GetString()!);
        Assert.False(rules["allowed_values:churn"].GetProperty("passed").GetBoolean());
        Assert.Equal(80, rules["allowed_values:churn"].GetProperty("failingCount").GetInt64());
        Assert.Equal(1, rules["allowed_values:churn"].GetProperty("examples")[0].GetProperty("row").GetInt64());
        Assert.False(rules["row_count_change"].GetProperty("passed").GetBoolean());
        Assert.False(rules["drift:spend"].GetProperty("passed").GetBoolean());
        Assert.Contains("vs run r1", rules["drift:spend"].GetProperty("observed").GetString());
        Assert.Equal("r1", ledger.AcceptedRunId);
        Assert.False(ledger.Profiles.ContainsKey("r2"));
        Assert.False(ledger.Outcomes["demo/r2"].Passed);
        Assert.Contains("\"Rule\":\"allowed_values:churn\"", output.ToString());
        Assert.Contains("\"Severity\":\"error\",\"RulesFailed\":3", output.ToString());
    }

    [Fact]
    public async Task A_run_without_table_files_fails_validation_rather_than_throwing()
    {
        var response = await Invoke("missing");

        Assert.False(response.GetProperty("passed").GetBoolean());
        Assert.Contains("no feature table", response.GetProperty("summary").GetString());
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
