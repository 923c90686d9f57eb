using System.Globalization;
using TrainingOrchestration.Pipelines.Hyperparameters;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// A training job's hyperparameters checked by the shared rule set (<see cref="XgboostHyperparameters"/>) and split as
/// the container's train.py splits them: <c>num_round</c> and <c>early_stopping_rounds</c> for the training loop,
/// every other XGBoost parameter passed to the library unchanged (one <c>eval_metric</c> call per metric XGBoost
/// computes; <see cref="ComputedByContainer"/> are the ones the container computes itself, see Xgboost.ContainerMetrics).
/// </summary>
public sealed record TrainingSettings(
    int NumRound,
    int? EarlyStoppingRounds,
    IReadOnlyList<string> EvalMetrics,
    IReadOnlyList<string> ComputedByContainer,
    IReadOnlyList<KeyValuePair<string, string>> LibraryParameters)
{
    /// <summary>
    /// The metric early stopping watches: the last <c>eval_metric</c>; the container stops early only when both
    /// <c>early_stopping_rounds</c> and <c>eval_metric</c> are set and there is a validation channel (callback.py).
    /// </summary>
    public string? EarlyStoppingMetric => EarlyStoppingRounds is null || EvalMetrics.Count == 0 ? null : EvalMetrics[^1];

    public static TrainingSettings From(IReadOnlyDictionary<string, string> hyperparameters)
    {
        if (XgboostHyperparameters.Validate(hyperparameters) is [var first, ..]) throw AlgorithmFailure.Client(first);
        var metrics = hyperparameters.GetValueOrDefault("eval_metric")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        // The container hands its own metrics to xgb.train as feval and only the rest to XGBoost; with none left it drops
        // eval_metric, so XGBoost evaluates the objective's default metric too (train.py, get_eval_metrics_and_feval).
        var custom = metrics.Where(m => ContainerMetrics.Names.Contains(m)).ToList();
        var parameters = hyperparameters
            .Where(p => !XgboostHyperparameters.ContainerOnly.Contains(p.Key) && p.Key != "eval_metric")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        parameters.AddRange(metrics.Except(custom).Select(m => KeyValuePair.Create("eval_metric", m)));
        return new TrainingSettings(
            int.Parse(hyperparameters["num_round"], CultureInfo.InvariantCulture),
            hyperparameters.TryGetValue("early_stopping_rounds", out var rounds) ? int.Parse(rounds, CultureInfo.InvariantCulture) : null,
            metrics,
            custom,
            parameters);
    }
}
