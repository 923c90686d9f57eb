namespace TrainingOrchestration.Cli.Tests.BadInput;

/// <summary>
/// One bad input as a new user might make it: how the churn pipeline folder is broken, the command's extra
/// arguments, and what the one-line message must name (the file and the field, rule or position).
/// </summary>
public sealed record BadInputCase(string Family, string Name, Action<string> Break, string File, string Names, string[]? Arguments = null)
{
    public override string ToString() => $"{Family}: {Name}";
}
