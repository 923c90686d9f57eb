using System.Globalization;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// The newest value of a timestamp or date column (or, without a column, the feature job's data watermark from
/// <c>manifest.json</c>) must be no older than <c>maxAge</c> at validation time.
/// </summary>
internal sealed class FreshnessCheck(RuleSpec rule) : Check(rule)
{
    public override RuleOutcome Complete(CompletionContext context)
    {
        var threshold = $"newest value at most {Rule.MaxAge} old";
        DateTimeOffset? newest;
        if (Rule.Column is not null)
        {
            var profiler = context.Profiler(Rule.Column);
            newest = profiler.Values == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)profiler.Max);
        }
        else
        {
            var watermark = context.Inputs.Manifest?.Watermark;
            newest = watermark is not null && CellCoercion.Coerce(watermark, ColumnType.Timestamp, out var ms) == CellState.Value
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms)
                : null;
            threshold = "data watermark " + threshold[("newest value ".Length)..];
            if (context.Inputs.Manifest is null && !context.Inputs.JobRunExpected)
            {
                return Outcome(true, null, threshold, note: "not checked: no manifest (validated outside the workflow)");
            }
        }
        if (newest is null)
        {
            return Outcome(false, "no timestamp to judge freshness by", threshold);
        }
        var age = context.Inputs.Now - newest.Value;
        var observed = $"newest {newest.Value.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}, age {age:d\\.hh\\:mm\\:ss}";
        return Outcome(age <= Rule.MaxAge!.Value, observed, threshold);
    }
}
