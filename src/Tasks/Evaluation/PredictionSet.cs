using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>
/// The labelled predictions of a scored test split, kept compactly because rank metrics and the paired bootstrap need
/// them all: for a binary model (label, probability of class 1) pairs (17 bytes a row with the numeric label: ten million rows take about 170 MB),
/// for a regression model (label, predicted value) pairs, for a multi-class model the class label and one probability per
/// class. <see cref="Targets"/> holds every type's label as a number, so two models' outputs can be paired row by row.
/// </summary>
public sealed class PredictionSet
{
    private double[] _scores = new double[1024];
    private bool[] _labels = new bool[1024];
    private double[] _targets = new double[1024];
    private double[] _probabilities = [];

    /// <summary>A binary set (the default).</summary>
    public PredictionSet() : this(ProblemType.Binary) { }

    /// <param name="classes">num_class for a multi-class set; ignored otherwise.</param>
    public PredictionSet(ProblemType problem, int classes = 0)
    {
        if (problem == ProblemType.Multiclass && classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a multi-class set needs at least two classes");
        Problem = problem;
        Classes = problem == ProblemType.Multiclass ? classes : 0;
        if (Classes > 0) _probabilities = new double[1024 * Classes];
    }

    public ProblemType Problem { get; }
    /// <summary>num_class of a multi-class set, 0 otherwise.</summary>
    public int Classes { get; }
    public int Count { get; private set; }
    public int Positives { get; private set; }
    public int Negatives => Count - Positives;

    /// <summary>Binary: the probability of class 1. Regression: the predicted value. Multi-class: empty.</summary>
    public ReadOnlySpan<double> Scores => Problem == ProblemType.Multiclass ? [] : _scores.AsSpan(0, Count);
    /// <summary>Binary labels (true for class 1); empty for the other types.</summary>
    public ReadOnlySpan<bool> Labels => Problem == ProblemType.Binary ? _labels.AsSpan(0, Count) : [];
    /// <summary>Every row's label as a number: 0/1, the regression target, or the class index.</summary>
    public ReadOnlySpan<double> Targets => _targets.AsSpan(0, Count);
    /// <summary>Multi-class: the rows' class probabilities, <see cref="Classes"/> per row, row after row.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities.AsSpan(0, Count * Classes);

    /// <param name="label">true for the positive class (1).</param>
    /// <param name="score">the predicted probability of the positive class, in [0, 1].</param>
    public void Add(bool label, double score)
    {
        Expect(ProblemType.Binary);
        if (!(score is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(score), score, "a score must be a probability in [0, 1]");
        Grow();
        _scores[Count] = score;
        _labels[Count] = label;
        _targets[Count] = label ? 1 : 0;
        Count++;
        if (label) Positives++;
    }

    /// <summary>A regression row: the label and the model's predicted value, both finite.</summary>
    public void AddValue(double label, double prediction)
    {
        Expect(ProblemType.Regression);
        if (!double.IsFinite(label)) throw new ArgumentOutOfRangeException(nameof(label), label, "a label must be a finite number");
        if (!double.IsFinite(prediction)) throw new ArgumentOutOfRangeException(nameof(prediction), prediction, "a prediction must be a finite number");
        Grow();
        _scores[Count] = prediction;
        _targets[Count] = label;
        Count++;
    }

    /// <summary>A multi-class row: the class index and one probability per class.</summary>
    public void AddClass(int label, ReadOnlySpan<double> probabilities)
    {
        Expect(ProblemType.Multiclass);
        if (label < 0 || label >= Classes) throw new ArgumentOutOfRangeException(nameof(label), label, $"a class must be in 0..{Classes - 1}");
        if (probabilities.Length != Classes) throw new ArgumentException($"{probabilities.Length} probabilities for {Classes} classes", nameof(probabilities));
        foreach (var p in probabilities)
        {
            if (!(p is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(probabilities), p, "a class probability must be in [0, 1]");
        }
        Grow();
        probabilities.CopyTo(_probabilities.AsSpan(Count * Classes, Classes));
        _targets[Count] = label;
        Count++;
    }

    /// <summary>The rows at <paramref name="rows"/> (repeats allowed: a bootstrap resample), as a set of the same type.</summary>
    public PredictionSet Select(IReadOnlyList<int> rows)
    {
        var sample = new PredictionSet(Problem, Classes);
        foreach (var row in rows)
        {
            switch (Problem)
            {
                case ProblemType.Binary: sample.Add(_labels[row], _scores[row]); break;
                case ProblemType.Regression: sample.AddValue(_targets[row], _scores[row]); break;
                default: sample.AddClass((int)_targets[row], _probabilities.AsSpan(row * Classes, Classes)); break;
            }
        }
        return sample;
    }

    public static PredictionSet Of(params (int Label, double Score)[] rows)
    {
        var set = new PredictionSet();
        foreach (var (label, score) in rows) set.Add(label == 1, score);
        return set;
    }

    private void Expect(ProblemType problem)
    {
        if (Problem != problem) throw new InvalidOperationException($"this is a {ProblemTypes.Describe(Problem)} prediction set, not {ProblemTypes.Describe(problem)}");
    }

    private void Grow()
    {
        if (Count < _targets.Length) return;
        Array.Resize(ref _scores, Count * 2);
        Array.Resize(ref _labels, Count * 2);
        Array.Resize(ref _targets, Count * 2);
        if (Classes > 0) Array.Resize(ref _probabilities, Count * 2 * Classes);
    }
}
