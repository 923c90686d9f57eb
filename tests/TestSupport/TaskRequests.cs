using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.TestSupport;

/// <summary>Builds the TaskRequest the engine would hand an integration for a resource and its parameters.</summary>
public static class TaskRequests
{
    private static readonly StepFunctionsEngine Engine = new(new VirtualClock());

    public static TaskRequest For(string resource, string parameters, string? token = null)
    {
        var tail = resource["arn:aws:states:::".Length..];
        var sdk = tail.StartsWith("aws-sdk:", StringComparison.Ordinal);
        if (sdk) tail = tail["aws-sdk:".Length..];
        var pattern = tail.EndsWith(".sync", StringComparison.Ordinal) ? IntegrationPattern.Sync
            : tail.EndsWith(".waitForTaskToken", StringComparison.Ordinal) ? IntegrationPattern.WaitForTaskToken : IntegrationPattern.RequestResponse;
        var parts = tail.Split('.')[0].Split(':');
        var context = new TaskContext("arn:aws:states:us-east-1:123456789012:execution:m:e", "arn:aws:states:us-east-1:123456789012:stateMachine:m", "State", 0, Engine.Clock, Engine);
        return new TaskRequest(resource, parts[0], parts[1], pattern, sdk, JsonNode.Parse(parameters), token, context);
    }
}
