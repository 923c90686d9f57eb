using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;
using TrainingOrchestration.Tasks.Observability;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>
/// The validation metrics of WORKFLOW.md "Metrics": RowsChecked and ValidationDurationMs per pipeline, RulesFailed
/// per Severity (always both, zeros included, so the dashboard's lines do not gap), ValidationFailures per Rule.
/// Each dimension set is its own EMF line because a line carries one set.
/// </summary>
public static class ValidationMetrics
{
    public static void Emit(ValidationOutcome outcome, string pipeline, string runId, double durationMs, Func<EmfMetrics> create)
    {
        create().WithDimension("Pipeline", pipeline).WithProperty("RunId", runId)
            .Put("RowsChecked", outcome.RowCount, MetricUnit.Count)
            .Put("ValidationDurationMs", durationMs, MetricUnit.Milliseconds)
            .Flush();
        foreach (var severity in new[] { Severity.Error, Severity.Warn })
        {
            var failed = outcome.Rules.Count(r => !r.Passed && r.Severity == severity);
            create().WithDimension("Pipeline", pipeline).WithDimension("Severity", severity == Severity.Error ? "error" : "warn").WithProperty("RunId", runId)
                .Put("RulesFailed", failed, MetricUnit.Count)
                .Flush();
        }
        foreach (var rule in outcome.Rules.Where(r => !r.Passed))
        {
            create().WithDimension("Pipeline", pipeline).WithDimension("Rule", rule.Rule).WithProperty("RunId", runId)
                .Put("ValidationFailures", Math.Max(1, rule.FailingCount), MetricUnit.Count)
                .Flush();
        }
    }
}
