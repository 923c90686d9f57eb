using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Templates;

/// <summary>
/// One resource of a loaded stack: its template identity, its physical identity (what <c>Ref</c> returns and its ARN)
/// and its properties with every intrinsic function resolved.
/// </summary>
public sealed record StackResource(
    string LogicalId,
    string Type,
    string PhysicalId,
    string? Arn,
    JsonObject Properties,
    JsonObject? Metadata)
{
    /// <summary>The resource's name as its service knows it (bucket, table, function, rule, job, state machine name).</summary>
    public required string Name { get; init; }

    public string? GetString(string property) => Properties[property]?.GetValue<string>();
}
