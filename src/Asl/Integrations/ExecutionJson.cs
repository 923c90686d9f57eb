using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl.Integrations;

/// <summary>DescribeExecution as the Step Functions API (and the startExecution.sync integration) returns it.</summary>
internal static class ExecutionJson
{
    public static JsonObject Describe(ExecutionDescription d, bool parsePayloads)
    {
        var json = new JsonObject
        {
            ["ExecutionArn"] = d.ExecutionArn,
            ["StateMachineArn"] = d.StateMachineArn,
            ["Name"] = d.Name,
            ["Status"] = d.StatusName,
            ["StartDate"] = Timestamps.Format(d.StartDate),
            ["Input"] = parsePayloads ? JsonKit.Parse(d.Input) : d.Input,
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["RedriveCount"] = d.RedriveCount,
        };
        if (d.StopDate is { } stop) json["StopDate"] = Timestamps.Format(stop);
        if (d.Output is not null)
        {
            json["Output"] = parsePayloads ? JsonKit.Parse(d.Output) : d.Output;
            json["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        if (d.Error is not null) json["Error"] = d.Error;
        if (d.Cause is not null) json["Cause"] = d.Cause;
        return json;
    }

    public static string? InputText(JsonNode? input) => input is null ? null : JsonKit.IsString(input) ? input.GetValue<string>() : JsonKit.Serialize(input);
}
