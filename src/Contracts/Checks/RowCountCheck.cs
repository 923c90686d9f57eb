using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// <c>row_count</c>: absolute bounds. <c>row_count_change</c>: relative to the last accepted run's rows; with no
/// accepted run yet it passes and says so, because the first run has nothing to compare with.
/// </summary>
internal sealed class RowCountCheck(RuleSpec rule) : Check(rule)
{
    public override RuleOutcome Complete(CompletionContext context)
    {
        var rows = context.RowCount;
        if (Rule.Check == CheckKind.RowCount)
        {
            return Outcome(Formats.Within(rows, Rule.Min, Rule.Max), $"{rows} rows", "rows " + Formats.Bounds(Rule.Min, Rule.Max));
        }
        var threshold = $"change within -{Formats.Number((Rule.MaxDecrease ?? double.PositiveInfinity) * 100)}% / +{Formats.Number((Rule.MaxIncrease ?? double.PositiveInfinity) * 100)}% of the last accepted run";
        var baseline = context.Inputs.Baseline;
        if (baseline is null || baseline.RowCount == 0)
        {
            return Outcome(true, $"{rows} rows", threshold, note: "no accepted run to compare with yet");
        }
        var change = (double)(rows - baseline.RowCount) / baseline.RowCount;
        var passed = (Rule.MaxDecrease is null || change >= -Rule.MaxDecrease) && (Rule.MaxIncrease is null || change <= Rule.MaxIncrease);
        return Outcome(passed, $"{rows} rows vs {baseline.RowCount} accepted ({(change >= 0 ? "+" : "")}{Formats.Number(change * 100)}%)", threshold);
    }
}
