using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Tests;

/// <summary>aws-sdk:sfn:getExecutionHistory, which the run-status handler uses to name the state a run failed in.</summary>
public sealed class ExecutionHistorySdkTests
{
    [Fact]
    public async Task The_newest_events_come_first_in_the_SDK_shape_without_execution_data_when_asked()
    {
        var harness = new Harness();
        var failed = await harness.RunAsync("""
            {"StartAt":"Prepare","States":{"Prepare":{"Type":"Pass","Next":"Boom"},"Boom":{"Type":"Fail","Error":"Broken","Cause":"on purpose"}}}
            """, """{"secret":"x"}""", name: "Failing");
        var reader = """
            {"StartAt":"Read","States":{"Read":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:getExecutionHistory",
              "Parameters":{"ExecutionArn.$":"$.arn","ReverseOrder":true,"MaxResults":3,"IncludeExecutionData":false},"End":true}}}
            """;

        var read = await harness.RunAsync(reader, new JsonObject { ["arn"] = failed.ExecutionArn }.ToJsonString(), name: "Reader");

        Assert.True(read.Status == ExecutionStatus.Succeeded, $"{read.Error}: {read.Cause}");
        var events = JsonNode.Parse(read.Output!)!["Events"]!.AsArray();
        Assert.Equal(3, events.Count);
        Assert.Equal("ExecutionFailed", events[0]!["Type"]!.GetValue<string>());
        Assert.Equal("Broken", events[0]!["ExecutionFailedEventDetails"]!["Error"]!.GetValue<string>());
        Assert.Equal("Boom", events[1]!["StateEnteredEventDetails"]!["Name"]!.GetValue<string>());
        Assert.Null(events[1]!["StateEnteredEventDetails"]!["Input"]);
        Assert.True(events[0]!["Id"]!.GetValue<long>() > events[1]!["Id"]!.GetValue<long>());
    }
}
