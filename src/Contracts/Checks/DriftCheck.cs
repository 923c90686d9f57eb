using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// PSI against the last accepted run's profile. Numeric: this run's values are counted exactly into the accepted
/// profile's bins (its edges, fixed before the pass) and compared with its bin fractions. Categorical: this run's
/// value frequencies against the accepted ones over the union of values. No accepted run yet: passes, with a note.
/// </summary>
internal sealed class DriftCheck : Check
{
    private readonly int column;
    private readonly double[]? edges;
    private readonly long[]? counts;
    private long total;

    public DriftCheck(RuleSpec rule, int column, ColumnProfile? baseline) : base(rule)
    {
        this.column = column;
        if (rule.DriftKind == DriftKind.Numeric && baseline?.BinEdges is { } e && baseline.BinFractions is not null)
        {
            edges = e;
            counts = new long[e.Length + 1];
        }
    }

    public override int CellColumn => counts is null ? -1 : column;

    public override void Observe(CellState state, double number, ReadOnlySpan<char> text)
    {
        if (state != CellState.Value) return;
        var index = Array.BinarySearch(edges!, number);
        // Bin i holds [edge i-1, edge i): a value equal to an edge belongs to the bin that starts there.
        var bin = index >= 0 ? index + 1 : ~index;
        counts![bin]++;
        total++;
    }

    public override RuleOutcome Complete(CompletionContext context)
    {
        var threshold = $"PSI <= {Formats.Number(Rule.MaxPsi!.Value)}";
        var baseline = context.Inputs.Baseline?.Columns.GetValueOrDefault(Rule.Column!);
        if (baseline is null)
        {
            return Outcome(true, null, threshold, note: "no accepted profile for this column yet");
        }
        double psi;
        if (Rule.DriftKind == DriftKind.Numeric)
        {
            if (counts is null || baseline.BinFractions is null) return Outcome(true, null, threshold, note: "the accepted profile has no bins for this column");
            if (total == 0) return Outcome(false, "no values", threshold);
            psi = PopulationStability.Index(baseline.BinFractions, counts.Select(c => (double)c / total).ToArray());
        }
        else
        {
            var current = context.Profiler(Rule.Column!).Categories();
            if (baseline.Categories is null || current is null)
            {
                return Outcome(true, null, threshold, note: $"more than {ColumnProfiler.MaxCategories} distinct values; not categorical");
            }
            var keys = baseline.Categories.Keys.Union(current.Keys).ToArray();
            psi = PopulationStability.Index(
                keys.Select(k => baseline.Categories.GetValueOrDefault(k)).ToArray(),
                keys.Select(k => current.GetValueOrDefault(k)).ToArray());
        }
        var observed = $"PSI {Formats.Number(psi)} vs run {context.Inputs.Baseline!.RunId ?? "(accepted)"}";
        return Outcome(psi <= Rule.MaxPsi.Value, observed, threshold);
    }

    public override PartialRule Export() => new() { Rule = Rule.Id, Bins = counts?.ToArray() };

    public override void Absorb(PartialRule part, long rowOffset)
    {
        if (counts is null || part.Bins is null) return;
        if (part.Bins.Length != counts.Length) throw new InvalidOperationException($"rule '{Rule.Id}': a part has {part.Bins.Length} drift bins, expected {counts.Length} (validated against another accepted profile?)");
        for (var i = 0; i < counts.Length; i++) counts[i] += part.Bins[i];
        total += part.Bins.Sum();
    }
}
