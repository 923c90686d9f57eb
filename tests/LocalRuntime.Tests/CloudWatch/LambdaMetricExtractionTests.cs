using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.CloudWatch;
using TrainingOrchestration.LocalRuntime.Lambda;
using TrainingOrchestration.LocalRuntime.Tests.Glue;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Tasks.Configuration;

namespace TrainingOrchestration.LocalRuntime.Tests.CloudWatch;

/// <summary>
/// The product's cadence Lambda run as Lambda runs it with <c>LogFormat: JSON</c>: its console lines are wrapped by the
/// runtime, its metric lines must not be, or CloudWatch extracts nothing.
/// </summary>
public sealed class LambdaMetricExtractionTests
{
    private const string Handler = "TrainingOrchestration.Tasks::TrainingOrchestration.Tasks.Cadence.DecideCadenceFunction::Handle";

    private static async Task<(LocalLambdaService Service, LocalMetricStore Store)> InvokeCadence(string logFormat)
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(RepoPaths.Pipelines, "churn"));
        var store = new LocalMetricStore(null);
        var clock = new VirtualClock(DateTimeOffset.Parse("2026-11-23T13:00:05Z"));
        var service = new LocalLambdaService(new Dictionary<string, string>(), clock: clock, metrics: store);
        var function = new LambdaFunction("churn-cadence", "arn:aws:lambda:us-east-1:123456789012:function:churn-cadence", Handler, new Dictionary<string, string>
        {
            ["TABLE_NAME"] = "churn-table",
            ["BUCKET_NAME"] = "churn-bucket",
            ["PIPELINE_NAME"] = "churn",
            ["PIPELINE_CONFIG"] = PipelineConfig.Serialize(spec),
        }) { LogFormat = logFormat, MemorySizeMb = 256 };
        service.Register(function);
        var payload = JsonNode.Parse("""
            {"event":{"version":"0","id":"evt-1","detail-type":"Table Change","source":"training-orchestration.cdc","time":"2026-11-23T13:00:00Z",
                      "detail":{"table":"customers"}},
             "counter":{"pendingChanges":{"N":"3"},"firstPendingAt":{"S":"2026-11-23T10:00:00Z"},"generation":{"N":"7"}},
             "now":"2026-11-23T13:00:00Z"}
            """);
        var result = await service.InvokeAsync(function, payload);
        Assert.Null(result.FunctionError);
        return (service, store);
    }

    [Fact]
    public async Task Metric_lines_reach_the_metric_store_under_the_json_log_format()
    {
        var (_, store) = await InvokeCadence("JSON");

        var datum = Assert.Single(store.All, d => d.Name == "TriggerDecisions");
        Assert.Equal("TrainingOrchestration", datum.Namespace);
        Assert.Equal(["Decision", "Pipeline", "Reason"], datum.Dimensions.Keys.Order());
        Assert.Equal("churn", datum.Dimensions["Pipeline"]);
        Assert.Equal(1, datum.Value);
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T13:00:05Z"), datum.Timestamp);
    }

    [Fact]
    public async Task Console_lines_are_wrapped_by_the_runtime_and_metric_lines_are_not()
    {
        var (service, _) = await InvokeCadence("JSON");

        var invocation = Assert.Single(service.Invocations);
        var lines = invocation.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var metric = Assert.Single(lines, l => l.ContainsKey("_aws"));
        Assert.False(metric.ContainsKey("requestId"));
        var logs = lines.Where(l => !l.ContainsKey("_aws")).ToList();
        Assert.NotEmpty(logs);
        Assert.All(logs, l =>
        {
            Assert.Equal(invocation.RequestId, l["requestId"]!.GetValue<string>());
            Assert.Equal("Information", l["level"]!.GetValue<string>());
            Assert.Contains("Cadence", l["message"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task The_text_log_format_prefixes_console_lines_with_time_request_id_and_level()
    {
        var (service, store) = await InvokeCadence("Text");

        var invocation = Assert.Single(service.Invocations);
        var log = invocation.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => !l.StartsWith('{'));
        Assert.StartsWith($"2026-11-23T13:00:05.000Z\t{invocation.RequestId}\tinfo\t", log);
        Assert.Single(store.All, d => d.Name == "TriggerDecisions");
    }

    [Fact]
    public void An_emf_document_inside_a_wrapped_log_record_is_not_a_metric()
    {
        const string emf = """{"_aws":{"Timestamp":1764000000000,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["Pipeline"]],"Metrics":[{"Name":"M","Unit":"Count"}]}]},"Pipeline":"churn","M":1}""";
        var wrapped = new LambdaConsoleWriter(TextWriter.Null, "JSON", "req-1", null, () => DateTimeOffset.UnixEpoch).Format(emf);

        Assert.Empty(EmfExtractor.Extract(wrapped, "test"));
        var datum = Assert.Single(EmfExtractor.Extract(emf, "test"));
        Assert.Equal(("N", "M", "Count", 1.0), (datum.Namespace, datum.Name, datum.Unit, datum.Value));
    }
}
