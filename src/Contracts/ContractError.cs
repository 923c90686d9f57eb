using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts;

/// <summary>One thing wrong with a contract file, and where: file, line, column and the rule it belongs to.</summary>
public sealed record ContractError(SourceLocation Location, string? Rule, string Message)
{
    public override string ToString() =>
        Rule is null ? $"{Location}: {Message}" : $"{Location}: rule '{Rule}': {Message}";
}
