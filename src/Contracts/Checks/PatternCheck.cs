using System.Text.RegularExpressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>Non-null values must match the regular expression (anchor it with ^...$ to match the whole value).</summary>
internal sealed class PatternCheck(RuleSpec rule, int column, FailureSamples failures) : Check(rule)
{
    private readonly Regex regex = new(rule.Pattern!, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public override int CellColumn => column;

    public override void Observe(CellState state, double number, ReadOnlySpan<char> text)
    {
        if (state == CellState.Value && !regex.IsMatch(text)) failures.Add(text);
    }

    public override RuleOutcome Complete(CompletionContext context) =>
        Outcome(failures.Count == 0, $"{failures.Count} values not matching", $"matches {Rule.Pattern}", failures);

    public override PartialRule Export() => Export(failures);

    public override void Absorb(PartialRule part, long rowOffset) => Absorb(failures, part, rowOffset);
}
