namespace TrainingOrchestration.Cli.Tests.BadInput;

/// <summary>
/// One bad input as a new user might make it: how the churn pipeline folder is broken, the command's extra
/// arguments (<c>{folder}</c> stands for the broken pipeline folder), and what the one-line message must name (the file
/// and the field, rule or position). <see cref="Command"/> is <c>validate</c> or <c>run</c> (with a workspace of its own,
/// held by another process first when <see cref="HoldWorkspace"/> is set).
/// </summary>
public sealed record BadInputCase(string Family, string Name, Action<string> Break, string File, string Names, string[]? Arguments = null)
{
    public string Command { get; init; } = "validate";

    public bool HoldWorkspace { get; init; }

    public override string ToString() => $"{Family}: {Name}";
}
