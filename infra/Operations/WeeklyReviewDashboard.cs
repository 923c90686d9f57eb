using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Operations;

/// <summary>
/// The dashboard for the weekly review (runbooks/weekly-dashboard-review.md): did runs happen and succeed, why were
/// triggers skipped, which contract rules failed, how long training took, how the model metric moved, what got promoted.
/// Daily periods over the last four weeks, so a week-on-week change is visible at a glance.
/// </summary>
public sealed class WeeklyReviewDashboard : Construct
{
    public Dashboard Dashboard { get; }
    public string DashboardName { get; }

    public WeeklyReviewDashboard(Construct scope, string id, string pipeline, IStateMachine training, IStateMachine trigger,
        IStateMachine callback, string glueJobName) : base(scope, id)
    {
        var day = Duration.Days(1);
        DashboardName = ResourceNames.Dashboard(pipeline);
        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = DashboardName,
            DefaultInterval = Duration.Days(28),
        });

        Dashboard.AddWidgets(new TextWidget(new TextWidgetProps
        {
            Markdown = $"# {pipeline}: weekly review\nRuns and failures, why triggers were skipped, which contract rules failed, "
                + "training time, the model metric over time and promotions. See runbooks/weekly-dashboard-review.md.",
            Width = 24,
            Height = 2,
        }));
        Dashboard.AddWidgets(
            Graph("Training runs", [training.MetricStarted(Daily()), training.MetricSucceeded(Daily()), training.MetricFailed(Daily()), training.MetricTimedOut(Daily())]),
            Graph("Trigger decisions by reason", [PipelineMetrics.Search(pipeline, MetricNames.TriggerDecisions, "Sum", day, "", MetricNames.TriggerDecisionDimensions)]));
        Dashboard.AddWidgets(
            Graph("Validation failures by rule", [PipelineMetrics.Search(pipeline, MetricNames.ValidationFailures, "Sum", day, "", MetricNames.ValidationFailureDimensions)]),
            Graph("Rules failed by severity", [PipelineMetrics.Search(pipeline, MetricNames.RulesFailed, "Sum", day, "", MetricNames.RulesFailedDimensions)]));
        Dashboard.AddWidgets(
            Graph("Training duration (s)", [PipelineMetrics.Of(pipeline, MetricNames.TrainingDurationSeconds, "Average", day), PipelineMetrics.Of(pipeline, MetricNames.TrainingDurationSeconds, "Maximum", day)]),
            Graph("Model metric over time", [PipelineMetrics.Search(pipeline, MetricNames.ModelMetric, "Average", day, "", MetricNames.ModelMetricDimensions)]));
        Dashboard.AddWidgets(
            Graph("Promotions and rejections", [PipelineMetrics.Of(pipeline, MetricNames.CandidatesPromoted, "Sum", day), PipelineMetrics.Of(pipeline, MetricNames.CandidatesRejected, "Sum", day)]),
            Graph("Rows checked and validation time", [PipelineMetrics.Of(pipeline, MetricNames.RowsChecked, "Sum", day), PipelineMetrics.Of(pipeline, MetricNames.ValidationDurationMs, "Average", day)]));
        Dashboard.AddWidgets(
            Graph("Feature job elapsed time (ms)", [new Metric(new MetricProps
            {
                Namespace = "Glue",
                MetricName = "glue.driver.aggregate.elapsedTime",
                DimensionsMap = new Dictionary<string, string> { ["JobName"] = glueJobName, ["JobRunId"] = "ALL", ["Type"] = "count" },
                Statistic = "Maximum",
                Period = day,
            })]),
            Graph("Trigger and callback executions", [trigger.MetricStarted(Daily()), trigger.MetricFailed(Daily()), callback.MetricStarted(Daily()), callback.MetricFailed(Daily())]));
        Dashboard.AddWidgets(
            Graph("Cost per run by tier (USD, Glue + SageMaker)", [PipelineMetrics.Search(pipeline, MetricNames.RunCost, "Average", day, "", MetricNames.RunCostDimensions)]));
    }

    private static MetricOptions Daily() => new() { Period = Duration.Days(1), Statistic = "Sum" };

    private static GraphWidget Graph(string title, IMetric[] metrics) => new(new GraphWidgetProps
    {
        Title = title,
        Left = metrics,
        Width = 12,
        Height = 6,
    });
}
