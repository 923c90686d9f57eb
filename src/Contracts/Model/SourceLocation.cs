namespace TrainingOrchestration.Contracts.Model;

/// <summary>Where something was declared in a contract file (1-based line and column), for error messages.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
