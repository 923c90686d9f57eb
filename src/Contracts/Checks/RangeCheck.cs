using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>Non-null values within [min, max] (inclusive); dates and timestamps compare as instants.</summary>
internal sealed class RangeCheck(RuleSpec rule, int column, ColumnSpec spec, FailureSamples failures) : Check(rule), INumberVectorCheck
{
    private readonly double min = rule.Min ?? double.NegativeInfinity;
    private readonly double max = rule.Max ?? double.PositiveInfinity;
    private double observedMin = double.PositiveInfinity;
    private double observedMax = double.NegativeInfinity;

    public override int CellColumn => column;

    public override void Observe(CellState state, double number, ReadOnlySpan<char> text)
    {
        if (state != CellState.Value) return;
        if (number < observedMin) observedMin = number;
        if (number > observedMax) observedMax = number;
        if (number < min || number > max) failures.Add(text.IsEmpty ? CellCoercion.Format(number, spec.Type) : text);
    }

    public void ObserveNumbers(ReadOnlySpan<CellState> cells, ReadOnlySpan<double> values, ScanPosition position, long first)
    {
        var low = observedMin;
        var high = observedMax;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] != CellState.Value) continue;
            var number = values[i];
            if (number < low) low = number;
            if (number > high) high = number;
            if (number < min || number > max)
            {
                position.Row = first + i + 1;
                failures.Add(CellCoercion.Format(number, spec.Type));
            }
        }
        observedMin = low;
        observedMax = high;
    }

    public override RuleOutcome Complete(CompletionContext context)
    {
        string Format(double v) => CellCoercion.Format(v, spec.Type);
        var observed = observedMin <= observedMax ? $"min {Format(observedMin)}, max {Format(observedMax)}" : "no values";
        return Outcome(failures.Count == 0, observed, Formats.Bounds(Rule.Min, Rule.Max, Format), failures);
    }

    public override PartialRule Export() => Export(failures) with { Min = observedMin <= observedMax ? observedMin : null, Max = observedMin <= observedMax ? observedMax : null };

    public override void Absorb(PartialRule part, long rowOffset)
    {
        Absorb(failures, part, rowOffset);
        if (part.Min is { } low && low < observedMin) observedMin = low;
        if (part.Max is { } high && high > observedMax) observedMax = high;
    }
}
