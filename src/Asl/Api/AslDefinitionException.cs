namespace TrainingOrchestration.Asl;

/// <summary>A definition AWS would reject, naming the state and the field that is wrong.</summary>
public sealed class AslDefinitionException(string? stateName, string field, string message)
    : Exception(stateName is null ? $"{field}: {message}" : $"State '{stateName}', field {field}: {message}")
{
    public string? StateName { get; } = stateName;
    public string Field { get; } = field;
    public string Problem { get; } = message;
}
