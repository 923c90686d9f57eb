namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// The (label, score) pairs of a scored test split, kept compactly (9 bytes a row) because rank metrics need them
/// all: ten million rows take about 90 MB.
/// </summary>
public sealed class PredictionSet
{
    private double[] _scores = new double[1024];
    private bool[] _labels = new bool[1024];

    public int Count { get; private set; }
    public int Positives { get; private set; }
    public int Negatives => Count - Positives;

    public ReadOnlySpan<double> Scores => _scores.AsSpan(0, Count);
    public ReadOnlySpan<bool> Labels => _labels.AsSpan(0, Count);

    /// <param name="label">true for the positive class (1).</param>
    /// <param name="score">the predicted probability of the positive class, in [0, 1].</param>
    public void Add(bool label, double score)
    {
        if (!(score is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(score), score, "a score must be a probability in [0, 1]");
        if (Count == _scores.Length)
        {
            Array.Resize(ref _scores, Count * 2);
            Array.Resize(ref _labels, Count * 2);
        }
        _scores[Count] = score;
        _labels[Count] = label;
        Count++;
        if (label) Positives++;
    }

    public static PredictionSet Of(params (int Label, double Score)[] rows)
    {
        var set = new PredictionSet();
        foreach (var (label, score) in rows) set.Add(label == 1, score);
        return set;
    }
}
