using System.Text;

namespace TrainingOrchestration.Bench.Asl;

/// <summary>The definitions the ASL bench runs: a wide Map and a long chain of mocked Tasks.</summary>
internal static class AslBenchDefinitions
{
    /// <summary>A Map whose item processor is a Choice and two Pass states (3 transitions per item).</summary>
    public const string WideMap = """
        {"StartAt":"Fan","States":{"Fan":{"Type":"Map","ItemsPath":"$.items","End":true,
          "ItemProcessor":{"StartAt":"Route","States":{
            "Route":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":4999,"Next":"High"}],"Default":"Low"},
            "High":{"Type":"Pass","Parameters":{"band":"high","n.$":"$.n"},"Next":"Done"},
            "Low":{"Type":"Pass","Parameters":{"band":"low","n.$":"$.n"},"Next":"Done"},
            "Done":{"Type":"Pass","End":true}}}}}}
        """;

    /// <summary>
    /// Items per Map execution: each item records 8 history events (MapIterationStarted/Succeeded and three states
    /// entered and exited), and an execution's history stops at 25,000 events
    /// (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html), so 10,000 items in one execution
    /// fail on AWS and on this engine; 2,500 items make 20,006 events.
    /// </summary>
    public const int MapItemsPerExecution = 2_500;

    /// <summary>The inputs for <paramref name="items"/> items, numbered 0..items-1, one per execution.</summary>
    public static List<string> MapInputs(int items)
    {
        var inputs = new List<string>();
        for (var first = 0; first < items; first += MapItemsPerExecution)
        {
            var count = Math.Min(MapItemsPerExecution, items - first);
            var sb = new StringBuilder("{\"items\":[");
            for (var i = first; i < first + count; i++) sb.Append(i == first ? "" : ",").Append("{\"n\":").Append(i).Append('}');
            inputs.Add(sb.Append("]}").ToString());
        }
        return inputs;
    }

    /// <summary>A chain of <paramref name="steps"/> Task states, each with Retry and Catch, all mocked.</summary>
    public static string TaskChain(int steps)
    {
        var sb = new StringBuilder("{\"StartAt\":\"Step0\",\"States\":{");
        for (var i = 0; i < steps; i++)
        {
            var next = i == steps - 1 ? "\"End\":true" : $"\"Next\":\"Step{i + 1}\"";
            sb.Append($$"""
                "Step{{i}}":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f{{i}}","Payload.$":"$"},
                  "ResultSelector":{"value.$":"$.Payload.value"},"ResultPath":"$.last",
                  "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":1,"BackoffRate":2,"MaxAttempts":3,"JitterStrategy":"FULL"}],
                  "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Failed"}],{{next}}},
                """);
        }
        sb.Append("\"Failed\":{\"Type\":\"Fail\",\"Error\":\"ChainFailed\"}}}");
        return sb.ToString();
    }

    /// <summary>Every step returns a payload; every tenth step is throttled once first, so Retry really runs.</summary>
    public static string ChainMocks(int steps)
    {
        var sb = new StringBuilder("{\"StateMachines\":{\"Chain\":{\"TestCases\":{\"Bench\":{");
        for (var i = 0; i < steps; i++) sb.Append(i == 0 ? "" : ",").Append($"\"Step{i}\":\"{(i % 10 == 0 ? "Throttled" : "Ok")}\"");
        sb.Append("}}}},\"MockedResponses\":{");
        sb.Append("\"Ok\":{\"0\":{\"Return\":{\"StatusCode\":200,\"Payload\":{\"value\":42}}}},");
        sb.Append("\"Throttled\":{\"0\":{\"Throw\":{\"Error\":\"Lambda.TooManyRequestsException\",\"Cause\":\"slow down\"}},\"1\":{\"Return\":{\"StatusCode\":200,\"Payload\":{\"value\":7}}}}");
        return sb.Append("}}").ToString();
    }
}
