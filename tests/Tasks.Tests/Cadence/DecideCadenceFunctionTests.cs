using System.Text;
using System.Text.Json;
using TrainingOrchestration.Tasks.Cadence;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Cadence;

/// <summary>The cadence handler end to end, built as Lambda builds it: parameterless, from a scoped environment.</summary>
public sealed class DecideCadenceFunctionTests
{
    private static Dictionary<string, string> Environment() => new()
    {
        ["TABLE_NAME"] = "churn-table",
        ["BUCKET_NAME"] = "churn-bucket",
        ["PIPELINE_NAME"] = "churn",
        ["PIPELINE_CONFIG"] = PipelineConfig.Serialize(PipelineSpecs.Churn()),
    };

    private static async Task<(JsonElement Result, string Output)> Invoke(string payload)
    {
        var output = new StringWriter();
        using (LambdaEnvironment.Use(Environment(), output))
        {
            var function = new DecideCadenceFunction();
            await using var result = await function.Handle(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
            using var document = await JsonDocument.ParseAsync(result);
            return (document.RootElement.Clone(), output.ToString());
        }
    }

    private const string CdcEvent = """
        {"version":"0","id":"evt-1","detail-type":"Table Change","source":"training-orchestration.cdc","account":"123456789012",
         "time":"2026-11-23T13:00:00Z","region":"us-east-1","resources":[],
         "detail":{"eventID":"1","eventName":"INSERT","dynamodb":{"Keys":{"customer_id":{"S":"7590-VHVEG"}}}}}
        """;

    [Fact]
    public async Task A_cdc_event_below_the_threshold_is_skipped_with_its_reason_and_metric()
    {
        var payload = $$$$"""
            {"event":{{{{CdcEvent}}}},
             "counter":{"Attributes":{"pendingChanges":{"N":"312"},"firstPendingAt":{"S":"2026-11-23T10:00:00Z"},
                        "lastRunStartedAt":{"S":"2026-11-22T09:00:00Z"},"generation":{"N":"7"}}},
             "now":"2026-11-23T13:00:00Z"}
            """;

        var (result, output) = await Invoke(payload);

        Assert.Equal("SKIP", result.GetProperty("decision").GetString());
        Assert.Equal("below-min-changes", result.GetProperty("reasonCode").GetString());
        Assert.StartsWith("312 of 500 changes; next eligible at 2026-11-24T10:00:00Z", result.GetProperty("reason").GetString());
        Assert.Equal("churn-g7", result.GetProperty("executionName").GetString());
        Assert.StartsWith("20261123T1300-", result.GetProperty("runId").GetString());
        Assert.Equal(7, result.GetProperty("window").GetProperty("generation").GetInt64());
        var metric = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(l => l.TryGetProperty("_aws", out _));
        Assert.Equal("SKIP", metric.GetProperty("Decision").GetString());
        Assert.Equal("below-min-changes", metric.GetProperty("Reason").GetString());
        Assert.Equal(1, metric.GetProperty("TriggerDecisions").GetDouble());
    }

    [Fact]
    public async Task The_first_scheduled_event_of_a_new_pipeline_starts_generation_zero()
    {
        var payload = """
            {"event":{"version":"0","id":"sched-1","detail-type":"Scheduled Event","source":"aws.events",
                      "time":"2026-11-23T13:00:00Z","resources":["arn:aws:events:us-east-1:1:rule/churn-cadence"],"detail":{}},
             "counter":{"Attributes":{"pendingChanges":{"N":"0"}}},
             "now":"2026-11-23T13:00:00.000Z"}
            """;

        var (result, _) = await Invoke(payload);

        Assert.Equal("START", result.GetProperty("decision").GetString());
        Assert.Equal("bootstrap", result.GetProperty("reasonCode").GetString());
        Assert.Equal("churn-g0", result.GetProperty("executionName").GetString());
    }

    [Fact]
    public async Task Two_triggers_that_see_the_same_counter_name_the_same_execution()
    {
        const string counter = """{"pendingChanges":600,"firstPendingAt":"2026-11-23T10:00:00Z","lastRunStartedAt":"2026-11-22T09:00:00Z","generation":9}""";

        var (first, _) = await Invoke($$$"""{"event":{{{CdcEvent}}},"counter":{{{counter}}},"now":"2026-11-23T13:00:01Z"}""");
        var (second, _) = await Invoke($$$"""{"event":{{{CdcEvent}}},"counter":{{{counter}}},"now":"2026-11-23T13:00:02Z"}""");

        Assert.Equal("START", first.GetProperty("decision").GetString());
        Assert.Equal(first.GetProperty("executionName").GetString(), second.GetProperty("executionName").GetString());
        Assert.Equal(first.GetProperty("runId").GetString(), second.GetProperty("runId").GetString());
    }

    [Fact]
    public async Task Without_now_the_event_time_is_used()
    {
        var (result, _) = await Invoke($$$"""{"event":{{{CdcEvent}}},"counter":{"pendingChanges":1}}""");

        Assert.Equal("2026-11-23T13:00:00Z", result.GetProperty("window").GetProperty("decidedAt").GetString());
    }
}
