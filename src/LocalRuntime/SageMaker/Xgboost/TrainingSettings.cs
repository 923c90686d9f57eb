using System.Globalization;
using TrainingOrchestration.Pipelines.Rules;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

/// <summary>
/// A training job's hyperparameters checked by the shared rule set (<see cref="XgboostHyperparameters"/>) and split as
/// the container's train.py splits them: <c>num_round</c> and <c>early_stopping_rounds</c> for the training loop,
/// every other XGBoost parameter passed to the library unchanged (one <c>eval_metric</c> call per metric).
/// </summary>
public sealed record TrainingSettings(
    int NumRound,
    int? EarlyStoppingRounds,
    IReadOnlyList<string> EvalMetrics,
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
        var custom = metrics.Where(m => XgboostEvalMetrics.ComputedByContainer.Contains(m)).ToList();
        if (custom.Count > 0)
        {
            throw AlgorithmFailure.Client($"eval_metric {string.Join(", ", custom)} is computed by the SageMaker container in Python (custom_metrics.py), " +
                "not by XGBoost; the local trainer supports XGBoost's own metrics only (auc, logloss, error, rmse, mae, mlogloss, merror, ...).");
        }
        var parameters = hyperparameters
            .Where(p => !XgboostHyperparameters.ContainerOnly.Contains(p.Key) && p.Key != "eval_metric")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        parameters.AddRange(metrics.Select(m => KeyValuePair.Create("eval_metric", m)));
        return new TrainingSettings(
            int.Parse(hyperparameters["num_round"], CultureInfo.InvariantCulture),
            hyperparameters.TryGetValue("early_stopping_rounds", out var rounds) ? int.Parse(rounds, CultureInfo.InvariantCulture) : null,
            metrics,
            parameters);
    }
}
