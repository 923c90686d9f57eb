using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;
using TrainingOrchestration.Tasks.Observability;
using TrainingOrchestration.Pipelines.Conventions;

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
        create().WithDimension(MetricNames.PipelineDimension, pipeline).WithProperty(MetricNames.RunIdProperty, runId)
            .Put(MetricNames.RowsChecked, outcome.RowCount, MetricUnit.Count)
            .Put(MetricNames.ValidationDurationMs, durationMs, MetricUnit.Milliseconds)
            .Flush();
        foreach (var severity in new[] { Severity.Error, Severity.Warn })
        {
            var failed = outcome.Rules.Count(r => !r.Passed && r.Severity == severity);
            create().WithDimension(MetricNames.PipelineDimension, pipeline)
                .WithDimension(MetricNames.SeverityDimension, severity == Severity.Error ? MetricNames.ErrorSeverity : MetricNames.WarnSeverity)
                .WithProperty(MetricNames.RunIdProperty, runId)
                .Put(MetricNames.RulesFailed, failed, MetricUnit.Count)
                .Flush();
        }
        foreach (var rule in outcome.Rules.Where(r => !r.Passed))
        {
            create().WithDimension(MetricNames.PipelineDimension, pipeline).WithDimension(MetricNames.RuleDimension, rule.Rule)
                .WithProperty(MetricNames.RunIdProperty, runId)
                .Put(MetricNames.ValidationFailures, Math.Max(1, rule.FailingCount), MetricUnit.Count)
                .Flush();
        }
    }
}
