namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// The metrics after one round, as the container's <c>xgb.train</c> logs them: XGBoost's (<c>Learner::EvalOneIter</c>:
/// each watched set in order, each <c>eval_metric</c> in order), then the container's own (feval) on each set.
/// When XGBoost's only metric is <c>auc</c> and the objective is a binary one whose evaluation transform is its
/// prediction transform (<c>binary:logistic</c>, <c>binary:logitraw</c>, <c>reg:logistic</c>: <c>RegLossObj</c> keeps
/// <c>ObjFunction::EvalTransform</c>), the AUC comes from <see cref="RocAuc"/> over the booster's own predictions,
/// the library's value to the last bit without its comparison sort; any set it declines goes to the library.
/// </summary>
internal sealed class RoundEvaluation
{
    private static readonly HashSet<string> BinaryObjectives = new(StringComparer.Ordinal) { "binary:logistic", "binary:logitraw", "reg:logistic" };

    private readonly Booster _booster;
    private readonly List<(DMatrix Data, string Name)> _watchlist;
    private readonly IReadOnlyList<string> _containerMetrics;
    private readonly RocAuc? _auc;

    public RoundEvaluation(Booster booster, List<(DMatrix Data, string Name)> watchlist, TrainingSettings settings, bool libraryOnly)
    {
        _booster = booster;
        _watchlist = watchlist;
        _containerMetrics = settings.ComputedByContainer;
        var libraryMetrics = settings.LibraryParameters.Where(p => p.Key == "eval_metric").Select(p => p.Value).ToList();
        var objective = settings.LibraryParameters.LastOrDefault(p => p.Key == "objective").Value;
        var ownAuc = !libraryOnly && libraryMetrics is ["auc"] && objective is not null && BinaryObjectives.Contains(objective)
            && watchlist.All(w => w.Data.Labels.Length == w.Data.Rows && !w.Data.HasWeights && BothClasses(w.Data.Labels));
        _auc = ownAuc ? new RocAuc() : null;
    }

    /// <summary>
    /// Whether a set's labels (in [0, 1], which the objective enforces) give <see cref="RocAuc"/> both a positive and a
    /// negative weight; a set with one class would be declined every round, each time after sorting the others.
    /// </summary>
    private static bool BothClasses(float[] labels) => labels.Any(l => l > 0) && labels.Any(l => l < 1);

    public IReadOnlyList<(string DataSet, string Metric, double Value)> After(int round) =>
        [.. OwnAuc() ?? EvaluationLine.Parse(_booster.Evaluate(round, _watchlist)), .. ContainerEvaluation()];

    private List<(string, string, double)>? OwnAuc()
    {
        if (_auc is null) return null;
        var line = new List<(string, string, double)>(_watchlist.Count);
        foreach (var (data, name) in _watchlist)
        {
            var predictions = _booster.PredictInPlace(data, out _);
            if (_auc.Binary(predictions, data.Labels) is not { } value) return null;
            line.Add((name, "auc", value));
        }
        return line;
    }

    /// <summary>The container's own metrics (feval) on each watched set, from the raw margins, after XGBoost's.</summary>
    private IEnumerable<(string DataSet, string Metric, double Value)> ContainerEvaluation()
    {
        if (_containerMetrics.Count == 0) yield break;
        foreach (var (data, name) in _watchlist)
        {
            var (margins, shape) = _booster.Predict(data, type: 1);
            var groups = shape.Length == 2 ? (int)shape[1] : 1;
            var labels = data.Labels;
            foreach (var metric in _containerMetrics) yield return (name, metric, ContainerMetrics.Compute(metric, labels, margins, groups));
        }
    }
}
