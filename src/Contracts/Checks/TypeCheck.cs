using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>Every declared column gets one: values that do not coerce to the declared type fail.</summary>
internal sealed class TypeCheck(RuleSpec rule, int column, ColumnSpec spec, FailureSamples failures) : Check(rule)
{
    public override int CellColumn => column;

    public override void Observe(CellState state, double number, ReadOnlySpan<char> text)
    {
        if (state == CellState.Invalid) failures.Add(text);
    }

    public override RuleOutcome Complete(CompletionContext context) =>
        Outcome(failures.Count == 0, $"{failures.Count} values not {spec.Type.ToString().ToLowerInvariant()}", $"all values {spec.Type.ToString().ToLowerInvariant()}", failures);

    public override PartialRule Export() => Export(failures);

    public override void Absorb(PartialRule part, long rowOffset) => Absorb(failures, part, rowOffset);
}
