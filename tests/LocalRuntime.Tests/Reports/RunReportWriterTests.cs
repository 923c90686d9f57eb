using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Reports;

namespace TrainingOrchestration.LocalRuntime.Tests.Reports;

public sealed class RunReportWriterTests : IDisposable
{
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "to-report-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void A_promoted_run_report_shows_decision_metrics_charts_validation_path_and_outputs()
    {
        var data = PromotedRun();

        var files = RunReportWriter.Write(data, _workspace);

        var report = File.ReadAllText(files.Report);
        Assert.Contains("**Decision: PROMOTED** (SUCCEEDED) — auc 0.84 >= 0.80", report);
        Assert.Contains("| auc | 0.84 | >= 0.8 | pass | 0.82 |", report);
        Assert.Contains("| log_loss | 0.6 | <= 0.55 | **FAIL** | - |", report);
        Assert.Contains("![ROC curve](roc.png)", report);
        Assert.Contains("![Confusion matrix](confusion-matrix.png)", report);
        Assert.Contains("| actual 1 | 1 | 2 |", report);
        Assert.Contains("| row_count | - | error | pass | 7043 | >= 1000 | - |", report);
        Assert.Contains("| 1 | AcquirePipelineLock | Task | 13:00:00.000 | 0.5 s | - | ok |", report);
        Assert.Contains("| 2 | BuildFeatures | Task | 13:00:00.500 | 2.0 s | 1.3 s | ok |", report);
        Assert.Contains("| model artifact | `s3://churn-bucket/models/raw/churn/job/output/model.tar.gz` |", report);
        Assert.Contains("| feature job | 1.3 s |", report);
        AssertPng(files.RocCurve!);
        AssertPng(files.ConfusionMatrix!);
    }

    [Fact]
    public void The_model_section_shows_the_trainer_hyperparameters_metrics_per_split_class_balance_and_features()
    {
        var explanation = JsonNode.Parse("""
            {"trainer": {"library": "xgboost", "version": "1.7.3", "containerVersion": "1.7.4", "warning": "libxgboost 1.7.3 differs"},
             "hyperparameters": {"objective": "binary:logistic", "eta": "0.05"},
             "metrics": {"train": {"auc": 0.91}, "validation": {"auc": 0.85}, "test": {"auc": 0.84, "f1": 0.58}},
             "classBalance": {"train": {"0": 3584, "1": 1316}},
             "explainedRows": 709,
             "features": [{"feature": "contract_years", "gain": 37.5, "meanAbsShap": 0.798}]}
            """)!.AsObject();

        var report = RunReportWriter.Render(PromotedRun() with { Explanation = explanation });

        Assert.Contains("Trained by xgboost 1.7.3 (SageMaker's XGBoost 1.7-1 container runs 1.7.4).", report);
        Assert.Contains("**Warning:** libxgboost 1.7.3 differs", report);
        Assert.Contains("`objective=binary:logistic`, `eta=0.05`", report);
        Assert.Contains("| auc | 0.91 | 0.85 | 0.84 |", report);
        Assert.Contains("| f1 | - | - | 0.58 |", report);
        Assert.Contains("train 0: 3584, 1: 1316", report);
        Assert.Contains("(709 rows; XGBoost's pred_contribs)", report);
        Assert.Contains("| contract_years | 0.798 | 37.5 |", report);
    }

    [Fact]
    public void A_failed_run_report_names_the_failed_state_error_and_cause_and_draws_no_charts()
    {
        var data = new RunReportData
        {
            Pipeline = "churn",
            RunId = "20261123T1300-a1b2c3",
            Status = "FAILED",
            Decision = "FAILED",
            Reason = "features failed the contract",
            Error = "ValidationFailed",
            Cause = "2 rules failed | tenure out of range",
            FailedState = "ValidateFeatures",
            Validation = new ValidationSummary(false, "2 rules failed", [new ValidationRuleResult("range", "tenure", "error", false, "-5", "0..100", 3)]),
        };

        var files = RunReportWriter.Write(data, _workspace);

        var report = File.ReadAllText(files.Report);
        Assert.Null(files.RocCurve);
        Assert.False(File.Exists(Path.Combine(_workspace, RunReportWriter.RocFile)));
        Assert.Contains("| Failed state | ValidateFeatures |", report);
        Assert.Contains("| Error | `ValidationFailed` |", report);
        Assert.Contains("2 rules failed \\| tenure out of range", report);
        Assert.Contains("| range | tenure | error | **FAIL** | -5 | 0..100 | 3 |", report);
        Assert.Contains("No metrics: the run ended before the candidate was evaluated.", report);
    }

    [Fact]
    public void The_execution_path_pairs_entered_and_exited_events_and_keeps_the_error_of_a_failed_state()
    {
        var t0 = new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);
        HistoryEvent[] history =
        [
            new(1, 0, t0, "ExecutionStarted", "executionStartedEventDetails", new JsonObject()),
            new(2, 1, t0, "TaskStateEntered", "stateEnteredEventDetails", new JsonObject { ["name"] = "BuildFeatures" }),
            new(3, 2, t0.AddSeconds(1), "TaskFailed", "taskFailedEventDetails", new JsonObject { ["error"] = "States.TaskFailed" }),
            new(4, 3, t0.AddSeconds(1), "TaskStateExited", "stateExitedEventDetails", new JsonObject { ["name"] = "BuildFeatures" }),
            new(5, 4, t0.AddSeconds(1), "TaskStateEntered", "stateEnteredEventDetails", new JsonObject { ["name"] = "RecordRunFailed" }),
            new(6, 5, t0.AddSeconds(2), "TaskStateExited", "stateExitedEventDetails", new JsonObject { ["name"] = "RecordRunFailed" }),
            new(7, 6, t0.AddSeconds(2), "FailStateEntered", "stateEnteredEventDetails", new JsonObject { ["name"] = "RunFailed" }),
            new(8, 7, t0.AddSeconds(2), "ExecutionFailed", "executionFailedEventDetails", new JsonObject { ["error"] = "States.TaskFailed" }),
        ];

        var path = ExecutionPath.FromHistory(history);

        Assert.Equal(["BuildFeatures", "RecordRunFailed", "RunFailed"], path.Select(s => s.Name));
        Assert.Equal("States.TaskFailed", path[0].Error);
        Assert.Equal(TimeSpan.FromSeconds(1), path[0].Duration);
        Assert.Null(path[1].Error);
        Assert.Equal("Fail", path[2].Type);
        Assert.Equal("States.TaskFailed", path[2].Error);
    }

    [Fact]
    public void The_roc_area_equals_the_rank_statistic_auc_with_ties()
    {
        ScoredRecord[] records = [new(0, 0.1f), new(0, 0.4f), new(1, 0.4f), new(1, 0.8f), new(0, 0.3f), new(1, 0.2f)];

        var area = RocCurve.From(records).Area();

        var expected = SageMaker.BinaryClassificationMetrics.Auc(records.Select(r => r.Label).ToList(), records.Select(r => r.Score).ToList());
        Assert.Equal(expected, area, 10);
    }

    [Fact]
    public void Prediction_files_are_read_as_label_and_score_and_a_malformed_line_is_named()
    {
        Directory.CreateDirectory(_workspace);
        File.WriteAllText(Path.Combine(_workspace, "part-00000.csv.out"), "1,0.75\n0,0.125\n");
        File.WriteAllText(Path.Combine(_workspace, "part-00001.csv.out"), "1,oops\n");

        var error = Assert.Throws<FormatException>(() => PredictionFiles.Read(_workspace));
        File.Delete(Path.Combine(_workspace, "part-00001.csv.out"));
        var records = PredictionFiles.Read(_workspace);

        Assert.Contains("part-00001.csv.out, line 1", error.Message);
        Assert.Equal([new ScoredRecord(1, 0.75f), new ScoredRecord(0, 0.125f)], records);
    }

    [Fact]
    public void The_workflows_validation_and_evaluation_results_are_read_as_they_are_recorded()
    {
        var validation = JsonNode.Parse("""
            {"passed": false, "summary": "1 of 2 rules failed", "rowCount": 7043,
             "rules": [{"rule": "range", "column": "tenure", "severity": "error", "passed": false, "observed": -3, "threshold": "0..120", "failingCount": 2, "examples": []},
                       {"rule": "row_count", "severity": "error", "passed": true, "observed": 7043, "threshold": ">= 1000"}]}
            """);
        var evaluation = JsonNode.Parse("""
            {"decision": "REJECT", "reason": "auc below 0.8", "metrics": {"auc": 0.78, "accuracy": 0.8, "brier": 0.14},
             "thresholds": [{"metric": "auc", "min": 0.8, "observed": 0.78, "passed": false}, {"metric": "accuracy", "min": 0.75, "observed": 0.8, "passed": true}],
             "champion": {"runId": "r0", "metrics": {"auc": 0.83}}}
            """);

        var summary = WorkflowResults.Validation(validation)!;
        var metrics = WorkflowResults.Metrics(evaluation);

        Assert.False(summary.Passed);
        Assert.Equal(7043, summary.RowCount);
        Assert.Equal(new ValidationRuleResult("range", "tenure", "error", false, "-3", "0..120", 2), summary.Rules[0]);
        Assert.Equal(new MetricCheck("auc", 0.78, 0.8, null, false, 0.83), metrics[0]);
        Assert.Equal(new MetricCheck("brier", 0.14), metrics[2]);
        Assert.Equal(3, metrics.Count);
    }

    private static RunReportData PromotedRun()
    {
        var t0 = new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);
        return new RunReportData
        {
            Pipeline = "churn",
            RunId = "20261123T1300-a1b2c3",
            Status = "SUCCEEDED",
            Decision = "PROMOTED",
            Reason = "auc 0.84 >= 0.80",
            ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:churn-training:churn-g1",
            StartedAt = t0,
            FinishedAt = t0.AddSeconds(9),
            MetricsSource = "test-split",
            Metrics = [new MetricCheck("auc", 0.84, Min: 0.80, Passed: true, Champion: 0.82), new MetricCheck("log_loss", 0.6, Max: 0.55, Passed: false)],
            Validation = new ValidationSummary(true, "all 12 rules passed", [new ValidationRuleResult("row_count", null, "error", true, "7043", ">= 1000")], 7043),
            Path =
            [
                new ExecutedState("AcquirePipelineLock", "Task", t0, t0.AddMilliseconds(500)),
                new ExecutedState("BuildFeatures", "Task", t0.AddMilliseconds(500), t0.AddMilliseconds(2500)) { Work = TimeSpan.FromMilliseconds(1300) },
            ],
            Durations = [new NamedDuration("feature job", TimeSpan.FromMilliseconds(1300))],
            Predictions = [new(1, 0.9f), new(1, 0.7f), new(1, 0.2f), new(0, 0.6f), new(0, 0.1f), new(0, 0.3f)],
            Outputs = [new OutputLocation("model artifact", "s3://churn-bucket/models/raw/churn/job/output/model.tar.gz")],
        };
    }

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }

    public void Dispose()
    {
        try { Directory.Delete(_workspace, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
