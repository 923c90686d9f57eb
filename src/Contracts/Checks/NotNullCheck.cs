using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary><c>not_null</c> (no null at all) and <c>completeness</c> (at least a fraction of values present).</summary>
internal sealed class NotNullCheck(RuleSpec rule, int column, FailureSamples failures) : Check(rule), INumberVectorCheck
{
    public override int CellColumn => column;

    public override void Observe(CellState state, double number, ReadOnlySpan<char> text)
    {
        if (state == CellState.Null) failures.Add(text.IsEmpty ? "(empty)" : text);
    }

    public void ObserveNumbers(ReadOnlySpan<CellState> cells, ReadOnlySpan<double> values, ScanPosition position, long first)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] != CellState.Null) continue;
            position.Row = first + i + 1;
            failures.Add("(empty)");
        }
    }

    public override RuleOutcome Complete(CompletionContext context)
    {
        if (Rule.Check == CheckKind.NotNull)
        {
            return Outcome(failures.Count == 0, $"{failures.Count} nulls", "0 nulls", failures);
        }
        var completeness = context.RowCount == 0 ? 1 : 1 - (double)failures.Count / context.RowCount;
        var passed = completeness >= Rule.Min!.Value;
        return Outcome(passed, Formats.Number(completeness), $">= {Formats.Number(Rule.Min.Value)}", passed ? null : failures);
    }

    public override PartialRule Export() => Export(failures);

    public override void Absorb(PartialRule part, long rowOffset) => Absorb(failures, part, rowOffset);
}
