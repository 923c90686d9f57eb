using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.LocalRuntime.S3;
using TrainingOrchestration.Tasks.Validation;

namespace TrainingOrchestration.Tasks.Tests.Validation;

/// <summary>
/// The Distributed Map's path: ValidatePart on each table part, then ValidateFeatures merging the parts, gives the
/// outcome validating the whole table in one function gives — rule by rule, observed values, counts and examples.
/// </summary>
public sealed class ValidatePartFunctionTests : IDisposable
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
          - { check: range, column: spend, min: 0, max: 100 }
          - { check: mean, column: spend, max: 1000, severity: warn }
          - { check: quantile, column: spend, q: 0.5, min: 0, max: 60 }
          - { check: glue_job, minRowsWritten: 1 }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("validate-parts-").FullName;
    private readonly FileObjectStore _store;

    public ValidatePartFunctionTests() => _store = new FileObjectStore(_root);

    [Fact]
    public async Task Parts_validated_apart_and_merged_give_the_outcome_of_the_whole_table()
    {
        // Three parts as the feature job writes them (rows of one key in one part): a duplicate key inside part 1,
        // churn values outside the classes in parts 0 and 2, spend out of range in part 2.
        string[] parts =
        [
            Table(Enumerable.Range(0, 300).Select(i => $"A{i:000},{(i == 17 ? 3 : i % 2)},{i % 90},train")),
            Table(Enumerable.Range(0, 300).Select(i => $"B{(i == 5 ? 4 : i):000},{i % 2},{(i * 7) % 95},validation")),
            Table(Enumerable.Range(0, 300).Select(i => $"C{i:000},{(i == 250 ? 9 : 0)},{(i == 3 ? 250 : i % 60)},test")),
        ];
        for (var i = 0; i < parts.Length; i++) await Write($"part-{i:00000}.csv", parts[i]);
        await _store.WriteAsync("bucket", "features/demo/run=r1/table/_SUCCESS", new MemoryStream());
        await WriteManifest(900);

        var whole = await Invoke(Function(new InMemoryValidationLedger()), Request(parts: null));

        var ledger = new InMemoryValidationLedger();
        var references = new JsonArray();
        await foreach (var stored in _store.ListAsync("bucket", "features/demo/run=r1/table/"))
        {
            var item = new JsonObject { ["pipeline"] = "demo", ["runId"] = "r1", ["bucket"] = "bucket", ["key"] = stored.Key, ["size"] = stored.Size };
            references.Add(await Invoke(PartFunction(ledger), item));
        }
        var merged = await Invoke(Function(ledger), Request(references));

        Assert.Equal(4, references.Count);
        Assert.Null(references.Single(r => r!["key"]!.GetValue<string>().EndsWith("_SUCCESS", StringComparison.Ordinal))!["partialKey"]);
        Assert.All(references.Where(r => r!["partialKey"] is not null), r => Assert.StartsWith("features/demo/run=r1/contract-parts/", r!["partialKey"]!.GetValue<string>()));
        Assert.False(merged["passed"]!.GetValue<bool>());
        Assert.Equal(900, merged["rowCount"]!.GetValue<long>());
        Assert.Equal(Comparable(whole), Comparable(merged));
        Assert.Contains("primary_key", merged["summary"]!.GetValue<string>());
    }

    private static string Comparable(JsonNode response)
    {
        var copy = response.DeepClone().AsObject();
        copy.Remove("durationMs");
        return copy.ToJsonString();
    }

    private static string Table(IEnumerable<string> rows) => "id,churn,spend,split\n" + string.Join("\n", rows) + "\n";

    private Task Write(string name, string csv) =>
        _store.WriteAsync("bucket", "features/demo/run=r1/table/" + name, new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    private Task WriteManifest(long rows) => _store.WriteAsync("bucket", "features/demo/run=r1/manifest.json", new MemoryStream(Encoding.UTF8.GetBytes(
        "{\"pipeline\":\"demo\",\"runId\":\"r1\",\"rows\":{\"table\":" + rows + ",\"train\":300,\"validation\":300,\"test\":300},\"watermark\":\"2026-11-23T12:00:00Z\"}")));

    private static JsonObject Request(JsonArray? parts)
    {
        var request = new JsonObject
        {
            ["pipeline"] = "demo", ["runId"] = "r1", ["bucket"] = "bucket", ["featuresPrefix"] = "features/demo/run=r1/",
            ["glueJobRun"] = new JsonObject { ["Id"] = "jr_1", ["JobRunState"] = "SUCCEEDED", ["ExecutionTime"] = 42, ["DPUSeconds"] = 84.0 },
        };
        if (parts is not null) request["parts"] = parts;
        return request;
    }

    private ValidateFeaturesFunction Function(InMemoryValidationLedger ledger) =>
        new(_store, ledger, ContractLoader.Parse(Contract, "contract.yaml"), "bucket", "TrainingOrchestration", new StringWriter(), TimeProvider.System);

    private ValidatePartFunction PartFunction(InMemoryValidationLedger ledger) =>
        new(_store, ledger, ContractLoader.Parse(Contract, "contract.yaml"), "bucket", new StringWriter(), TimeProvider.System);

    private static async Task<JsonNode> Invoke(ValidateFeaturesFunction function, JsonObject payload) =>
        JsonNode.Parse(await new StreamReader(await function.Handle(new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString())))).ReadToEndAsync())!;

    private static async Task<JsonNode> Invoke(ValidatePartFunction function, JsonObject payload) =>
        JsonNode.Parse(await new StreamReader(await function.Handle(new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString())))).ReadToEndAsync())!;

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
