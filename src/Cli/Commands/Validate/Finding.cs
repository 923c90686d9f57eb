namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>One problem <c>validate</c> found, located in the file to change, with what to do; printed as file:line:column.</summary>
internal sealed record Finding(string File, long Line, long Column, string Field, string Problem, string Fix)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Field}: {Problem} {Fix}".TrimEnd();
}
