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

    public virtual void Observe(CellState state, double number, ReadOnlySpan<char> text) { }

    public virtual void ObserveRow(IRowValues row) { }

    public abstract RuleOutcome Complete(CompletionContext context);

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
