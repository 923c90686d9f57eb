using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>String length in UTF-16 code units within [min, max].</summary>
internal sealed class LengthCheck(RuleSpec rule, int column, FailureSamples failures) : Check(rule)
{
    private int shortest = int.MaxValue;
    private int longest = -1;

    public override int CellColumn => column;

    public override void Observe(CellState state, double number, ReadOnlySpan<char> text)
    {
        if (state != CellState.Value) return;
        var length = text.Length;
        if (length < shortest) shortest = length;
        if (length > longest) longest = length;
        if (!Formats.Within(length, Rule.Min, Rule.Max)) failures.Add(text);
    }

    public override RuleOutcome Complete(CompletionContext context) =>
        Outcome(failures.Count == 0, longest < 0 ? "no values" : $"lengths {shortest}..{longest}", "length " + Formats.Bounds(Rule.Min, Rule.Max), failures);

    public override PartialRule Export() => Export(failures) with { Min = longest < 0 ? null : shortest, Max = longest < 0 ? null : longest };

    public override void Absorb(PartialRule part, long rowOffset)
    {
        Absorb(failures, part, rowOffset);
        if (part.Min is { } low && low < shortest) shortest = (int)low;
        if (part.Max is { } high && high > longest) longest = (int)high;
    }
}
