using TrainingOrchestration.Pipelines.Spec;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>Reads <c>evaluation</c>: primary metric, per-metric thresholds, the champion margin, and the confidence level and
/// bootstrap resamples of the paired comparison with the champion.</summary>
internal static class EvaluationReader
{
    /// <param name="problem">The objective's problem type; null when <c>training</c> did not load, and then any metric the
    /// evaluation computes for some type is accepted (the training error is reported instead).</param>
    public static EvaluationSpec? Read(YamlSection? evaluation, SpecErrorList errors, ProblemType? problem)
    {
        if (evaluation is null) return null;
        IReadOnlyList<string> known = problem is { } type ? ProblemTypes.Metrics(type)
            : [.. ModelMetricNames.All.Concat(ModelMetricNames.Regression).Concat(ModelMetricNames.Multiclass).Distinct()];
        var primary = evaluation.String("primaryMetric", required: true, "auc");
        if (primary is not null && !known.Contains(primary))
        {
            evaluation.Error("primaryMetric", $"'{primary}' is not a metric the evaluation computes{For(problem)}.", Hint(primary, known));
            primary = null;
        }
        var thresholds = ReadThresholds(evaluation, errors, known, problem);
        var margin = evaluation.Has("championMargin") ? evaluation.Double("championMargin", required: true, "0.002") : 0;
        if (margin is < 0)
        {
            evaluation.Error("championMargin", $"{margin} is negative.", "Use 0 or a small positive margin such as 0.002.");
            margin = null;
        }
        var confidence = evaluation.Has("confidence") ? evaluation.Double("confidence", required: true, "0.95") : EvaluationSpec.DefaultConfidence;
        if (confidence is < 0.5 or >= 1)
        {
            evaluation.Error("confidence", $"{confidence} is not a confidence level in [0.5, 1).", "Use e.g. 0.95 (a 95% interval for the improvement over the champion).");
            confidence = null;
        }
        var resamples = evaluation.Has("resamples")
            ? evaluation.Int("resamples", required: true, EvaluationSpec.MinResamples, EvaluationSpec.MaxResamples, "1000")
            : EvaluationSpec.DefaultResamples;
        if (primary is null || thresholds is null || margin is null || confidence is null || resamples is null) return null;
        return new EvaluationSpec
        {
            PrimaryMetric = primary, Thresholds = thresholds, ChampionMargin = margin.Value, Confidence = confidence.Value, Resamples = resamples.Value,
        };
    }

    private static string For(ProblemType? problem) => problem is { } type
        ? $" for a {ProblemTypes.Describe(type)} model (training.hyperparameters.objective)" : "";

    private static string Hint(string metric, IReadOnlyList<string> known) =>
        NearestName.Find(metric, known) is not null ? NearestName.Hint(metric, [.. known]) : $"Use one of {string.Join(", ", known)}.";

    private static IReadOnlyDictionary<string, MetricThreshold>? ReadThresholds(YamlSection evaluation, SpecErrorList errors, IReadOnlyList<string> known, ProblemType? problem)
    {
        if (!evaluation.Has("thresholds")) return new Dictionary<string, MetricThreshold>();
        var map = evaluation.Mapping("thresholds", required: true);
        if (map is null) return null;
        var result = new SortedDictionary<string, MetricThreshold>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var metric = (keyNode as YamlScalarNode)?.Value ?? "";
            var field = evaluation.FieldOf($"thresholds.{metric}");
            if (!known.Contains(metric))
            {
                errors.Add(keyNode.Start, field, $"threshold on metric '{metric}', which the evaluation does not compute{For(problem)}.", Hint(metric, known));
                ok = false;
                continue;
            }
            if (valueNode is not YamlMappingNode bounds)
            {
                errors.Add(valueNode.Start, field, $"expected {{ min: x }} and/or {{ max: y }} but found {YamlSection.Describe(valueNode)}.", "Write e.g. 'auc: { min: 0.8 }'.");
                ok = false;
                continue;
            }
            var section = new YamlSection(bounds, field, errors, SpecKeys.Threshold);
            var min = section.Has("min") ? section.Double("min", required: true) : null;
            var max = section.Has("max") ? section.Double("max", required: true) : null;
            var valid = (!section.Has("min") || min is not null) && (!section.Has("max") || max is not null);
            if (!section.Has("min") && !section.Has("max"))
            {
                errors.Add(bounds.Start, field, "has neither min nor max.", "Give at least one bound, or remove the metric.");
                valid = false;
            }
            if (min is { } lo && max is { } hi && lo > hi)
            {
                section.Error("min", $"min {lo} is greater than max {hi}.", "Make min at most max.");
                valid = false;
            }
            if (valid) result[metric] = new MetricThreshold(min, max);
            else ok = false;
        }
        return ok ? result : null;
    }
}
