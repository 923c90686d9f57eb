namespace TrainingOrchestration.Pipelines;

/// <summary>
/// One problem in a pipeline spec, located precisely enough that the author can jump to it:
/// <see cref="File"/>:<see cref="Line"/>:<see cref="Column"/> (1-based), the dotted <see cref="Field"/> path,
/// what is wrong and what to do about it.
/// </summary>
public sealed record SpecError(string File, long Line, long Column, string Field, string Problem, string Fix)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Field}: {Problem} {Fix}".TrimEnd();
}
