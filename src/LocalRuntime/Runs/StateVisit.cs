using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>One state the execution passed through, with its (virtual) timing.</summary>
public sealed record StateVisit(string Name, string Type, DateTimeOffset Entered, DateTimeOffset? Exited, string? Error)
{
    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["entered"] = Entered.ToString("O"),
        ["exited"] = Exited?.ToString("O"),
        ["error"] = Error,
    };
}
