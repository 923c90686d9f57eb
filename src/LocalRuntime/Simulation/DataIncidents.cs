using System.Globalization;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Simulation;

/// <summary>
/// The data problems a simulated period injects, chosen from the pipeline's own contract so they hit a real rule:
/// <list type="bullet">
/// <item><b>contract violation</b>: a few rows get a value of a numeric source column far outside an error-severity
/// <c>range</c> rule on that column (an upstream unit change, say cents for dollars); the next changes repair them;</item>
/// <item><b>slow drift</b>: every changed row's value of one numeric column falls by <see cref="DriftPerDay"/> of its
/// original value more each day (the column of the contract's first numeric <c>drift</c> rule, else the violated
/// one), kept inside that column's range rule so that only the distribution checks see it. Downwards, because a
/// charge or amount that rises can overtake a total that must cover it (churn's <c>billed_at_least_one_month</c>).</item>
/// </list>
/// </summary>
public sealed class DataIncidents
{
    public const double DriftPerDay = 0.01;
    public const int ViolatingRows = 5;

    private DataIncidents(RuleSpec violated, string driftColumn, (double? Min, double? Max) driftBounds)
    {
        ViolatedRule = violated;
        DriftColumn = driftColumn;
        DriftBounds = driftBounds;
    }

    public RuleSpec ViolatedRule { get; }
    public string ViolatedColumn => ViolatedRule.Column!;
    public string DriftColumn { get; }
    public (double? Min, double? Max) DriftBounds { get; }

    public static DataIncidents For(PipelineSpec pipeline)
    {
        var contract = ContractLoader.Parse(pipeline.ContractYaml, pipeline.ContractFile);
        var numeric = pipeline.Source.Columns.Where(c => c.Type is SourceColumnType.Integer or SourceColumnType.Number)
            .Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var range = contract.Rules.FirstOrDefault(r => r.Check == CheckKind.Range && r.Severity == Severity.Error
            && r.Column is { } c && numeric.Contains(c) && (r.Max is not null || r.Min is not null))
            ?? throw new InvalidOperationException(
                $"{pipeline.ContractFile}: simulate needs an error-severity range rule on a numeric column of source.columns to violate; none found.");
        var drift = contract.Rules.FirstOrDefault(r => r.Check == CheckKind.Drift && r.DriftKind == DriftKind.Numeric && r.Column is { } c && numeric.Contains(c))?.Column
            ?? range.Column!;
        var bounds = contract.Rules.Where(r => r.Check == CheckKind.Range && r.Column == drift).Select(r => (r.Min, r.Max)).FirstOrDefault();
        return new DataIncidents(range, drift, bounds);
    }

    /// <summary>The out-of-range value a violating row gets: ten times the maximum (or as far below the minimum).</summary>
    public string ViolatingValue() => ViolatedRule.Max is { } max
        ? Format(Math.Abs(max) * 10 + 1)
        : Format(ViolatedRule.Min!.Value - Math.Abs(ViolatedRule.Min.Value) * 10 - 1);

    /// <summary>The drifted value of a row's drift column <paramref name="elapsedDays"/> into the period, or null to keep it.</summary>
    public string? Drifted(string? original, double elapsedDays, bool integer)
    {
        if (original is null || !double.TryParse(original, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        var drifted = value * (1 - DriftPerDay * elapsedDays);
        if (DriftBounds.Max is { } max) drifted = Math.Min(drifted, max);
        if (DriftBounds.Min is { } min) drifted = Math.Max(drifted, min);
        return integer ? Math.Round(drifted).ToString(CultureInfo.InvariantCulture) : Format(drifted);
    }

    private static string Format(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
