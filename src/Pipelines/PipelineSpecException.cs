namespace TrainingOrchestration.Pipelines;

/// <summary>
/// Thrown when a pipeline folder cannot be loaded. Carries every problem found in one pass
/// (<see cref="Errors"/>), so the author fixes them all at once instead of one per attempt.
/// </summary>
public sealed class PipelineSpecException : Exception
{
    public PipelineSpecException(IReadOnlyList<SpecError> errors)
        : base(Describe(errors)) => Errors = errors;

    public IReadOnlyList<SpecError> Errors { get; }

    private static string Describe(IReadOnlyList<SpecError> errors)
    {
        var files = errors.Select(e => e.File).Distinct().ToList();
        var subject = files.Count == 1 ? files[0] : $"{files.Count} pipeline specs";
        var noun = errors.Count == 1 ? "error" : "errors";
        return $"{subject} {(files.Count == 1 ? "has" : "have")} {errors.Count} {noun}:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", errors.Select(e => e.ToString()));
    }
}
