using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// One rule being evaluated during the single pass. Column checks see each cell of their column; row checks see
/// whole rows; table checks only look at the aggregates when the pass ends. All of them end with an outcome.
/// </summary>
internal abstract class Check(RuleSpec rule)
{
    public RuleSpec Rule => rule;

    /// <summary>Contract column index this check observes per cell, or -1.</summary>
    public virtual int CellColumn => -1;

    public virtual bool ObservesRows => false;

    /// <summary>Contract columns a row check reads from the row (the others' cells need not be copied into it).</summary>
    public virtual IReadOnlyList<int> RowColumns => [];

    public virtual void Observe(CellState state, double number, ReadOnlySpan<char> text) { }

    public virtual void ObserveRow(IRowValues row) { }

    /// <summary>
    /// True when <see cref="Observe"/> of this cell would change nothing (a passing value of a check that keeps no
    /// other state): a column scan may then skip the call for repeats of the value (dictionary entries). False by default.
    /// </summary>
    public virtual bool PassesWithoutEffect(CellState state, double number, ReadOnlySpan<char> text) => false;

    public abstract RuleOutcome Complete(CompletionContext context);

    /// <summary>The rule's state after a part, for <see cref="ValidationMerge"/>; stateless rules have only their name.</summary>
    public virtual PartialRule Export() => new() { Rule = Rule.Id };

    /// <summary>Adds another part's state, as if its rows had come after this part's (shifted by <paramref name="rowOffset"/>).</summary>
    public virtual void Absorb(PartialRule part, long rowOffset) { }

    protected PartialRule Export(FailureSamples failures) => new() { Rule = Rule.Id, Failures = failures.Export() };

    protected static void Absorb(FailureSamples failures, PartialRule part, long rowOffset)
    {
        if (part.Failures is not null) failures.Absorb(part.Failures, rowOffset);
    }

    protected RuleOutcome Outcome(bool passed, string? observed, string? threshold, FailureSamples? failures = null, string? note = null) => new()
    {
        Rule = rule.Id,
        Check = CheckNames.Of(rule.Check),
        Column = rule.Columns.Count == 0 ? null : string.Join(",", rule.Columns),
        Severity = rule.Severity,
        Passed = passed,
        Observed = observed,
        Threshold = threshold,
        FailingCount = failures?.Count ?? 0,
        Examples = failures?.Examples ?? [],
        Note = note,
    };
}
