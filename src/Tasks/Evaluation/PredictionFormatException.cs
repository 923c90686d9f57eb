namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>A line of the batch transform output is not <c>label,score</c>; names the object and line.</summary>
public sealed class PredictionFormatException(string where, int line, string problem)
    : Exception($"{where}:{line}: {problem}")
{
    public string Where { get; } = where;
    public int Line { get; } = line;
}
