using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// <c>mean</c>, <c>stddev</c> (sample) and <c>quantile</c> bounds, read from the column's profiler after the pass.
/// Quantiles come from the column's <see cref="Sketches.ValueHistogram"/> (exact up to 1 024 distinct values), which the threshold message says.
/// </summary>
internal sealed class StatisticCheck(RuleSpec rule) : Check(rule)
{
    public override RuleOutcome Complete(CompletionContext context)
    {
        var profiler = context.Profiler(Rule.Column!);
        var (name, value) = Rule.Check switch
        {
            CheckKind.Mean => ("mean", profiler.Mean),
            CheckKind.StdDev => ("stddev", profiler.StdDev),
            _ => ($"p{Rule.Quantile!.Value * 100:0.##}", profiler.Histogram?.Quantile(Rule.Quantile.Value) ?? double.NaN),
        };
        var threshold = $"{name} {Formats.Bounds(Rule.Min, Rule.Max)}" + (Rule.Check == CheckKind.Quantile ? " (value histogram, exact up to 1024 distinct values)" : "");
        if (double.IsNaN(value))
        {
            return Outcome(false, $"{name} undefined ({profiler.Values} values)", threshold);
        }
        return Outcome(Formats.Within(value, Rule.Min, Rule.Max), $"{name} {Formats.Number(value)}", threshold);
    }
}
