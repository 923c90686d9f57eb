using System.Globalization;
using System.Text;
using TrainingOrchestration.Tasks.Evaluation;

namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>
/// Writes <c>report.md</c> into the run's workspace: decision and reason, metrics against thresholds, the ROC curve
/// and confusion matrix (PNG), validation results, the path the execution took, durations, and where outputs are.
/// </summary>
public static class RunReportWriter
{
    public const string ReportFile = "report.md";
    public const string RocFile = "roc.png";
    public const string ConfusionMatrixFile = "confusion-matrix.png";

    public static RunReportFiles Write(RunReportData data, string workspace)
    {
        Directory.CreateDirectory(workspace);
        string? rocPath = null, matrixPath = null;
        RocCurve? roc = null;
        ConfusionMatrix? matrix = null;
        if (data.Predictions.Count > 0)
        {
            roc = RocCurve.From(data.Predictions);
            matrix = ConfusionMatrix.Count(data.Predictions.Select(r => ((double)r.Score, r.Label > 0.5f)), data.DecisionThreshold);
            rocPath = Path.Combine(workspace, RocFile);
            matrixPath = Path.Combine(workspace, ConfusionMatrixFile);
            ReportCharts.SaveRoc(roc, rocPath);
            ReportCharts.SaveConfusionMatrix(matrix, data.DecisionThreshold, matrixPath);
        }
        var reportPath = Path.Combine(workspace, ReportFile);
        File.WriteAllText(reportPath, Render(data, roc, matrix), new UTF8Encoding(false));
        return new RunReportFiles(reportPath, rocPath, matrixPath);
    }

    /// <summary>The Markdown text of the report (images referenced by their file names next to it).</summary>
    public static string Render(RunReportData data, RocCurve? roc = null, ConfusionMatrix? matrix = null)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Run {data.RunId} of pipeline {data.Pipeline}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**Decision: {data.Decision ?? "none"}** ({data.Status}){(data.Reason is null ? "" : " — " + Escape(data.Reason))}");
        md.AppendLine();
        Facts(md, data);
        Metrics(md, data);
        Quality(md, data, roc, matrix);
        ExplanationSection.Render(md, data.Explanation);
        if (data.ChangesApplied is not null)
        {
            md.AppendLine("## Changes applied").AppendLine().AppendLine(data.ChangesApplied).AppendLine();
        }
        Validation(md, data.Validation);
        ExecutionPathSection(md, data.Path);
        Durations(md, data);
        Outputs(md, data.Outputs);
        return md.ToString();
    }

    private static void Facts(StringBuilder md, RunReportData data)
    {
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        Row(md, "Pipeline", data.Pipeline);
        Row(md, "Run", data.RunId);
        Row(md, "Status", data.Status);
        if (data.ExecutionArn is not null) Row(md, "Execution", $"`{data.ExecutionArn}`");
        if (data.RanAt is { } ran)
        {
            Row(md, "Started", ran.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
            if (data.RanFor is { } took) Row(md, "Finished", (ran + took).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
        }
        var virtualClock = data.RanAt is null ? "" : " (virtual clock)";
        if (data.StartedAt is { } s) Row(md, "Workflow started" + virtualClock, s.UtcDateTime.ToString("u", CultureInfo.InvariantCulture));
        if (data.FinishedAt is { } f) Row(md, "Workflow finished" + virtualClock, f.UtcDateTime.ToString("u", CultureInfo.InvariantCulture));
        if (data.StartedAt is { } a && data.FinishedAt is { } b) Row(md, "Duration" + virtualClock, Format(b - a));
        if (data.FailedState is not null) Row(md, "Failed state", data.FailedState);
        if (data.Error is not null) Row(md, "Error", $"`{Escape(data.Error)}`");
        if (data.Cause is not null) Row(md, "Cause", Escape(data.Cause));
        if (data.RecoveredFrom is not null) Row(md, "Redrive", Escape(data.RecoveredFrom));
        md.AppendLine();
    }

    private static void Metrics(StringBuilder md, RunReportData data)
    {
        md.AppendLine("## Metrics against thresholds");
        md.AppendLine();
        if (data.Metrics.Count == 0)
        {
            md.AppendLine("No metrics: the run ended before the candidate was evaluated.");
            md.AppendLine();
            return;
        }
        if (data.MetricsSource is not null) md.AppendLine(CultureInfo.InvariantCulture, $"Source: {data.MetricsSource}.").AppendLine();
        md.AppendLine("| metric | observed | threshold | result | champion (same split) |");
        md.AppendLine("|---|---:|---|---|---:|");
        foreach (var m in data.Metrics)
        {
            var threshold = (m.Min, m.Max) switch
            {
                ({ } min, { } max) => $"{Number(min)} to {Number(max)}",
                ({ } min, null) => $">= {Number(min)}",
                (null, { } max) => $"<= {Number(max)}",
                _ => "-",
            };
            var result = m.Passed switch { true => "pass", false => "**FAIL**", null => "-" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Metric} | {Number(m.Observed)} | {threshold} | {result} | {(m.Champion is { } c ? Number(c) : "-")} |");
        }
        md.AppendLine();
        if (data.ChampionComparison is { } comparison) md.AppendLine(comparison).AppendLine();
    }

    private static void Quality(StringBuilder md, RunReportData data, RocCurve? roc, ConfusionMatrix? matrix)
    {
        if (data.ClassConfusion is { } classes) ClassQuality(md, classes);
        if (roc is null || matrix is null) return;
        md.AppendLine("## Test split");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{data.Predictions.Count} scored records, AUC {Number(roc.Area())}.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![ROC curve]({RocFile})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![Confusion matrix]({ConfusionMatrixFile})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| threshold {Number(data.DecisionThreshold)} | predicted 0 | predicted 1 |");
        md.AppendLine("|---|---:|---:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| actual 0 | {matrix.TrueNegatives} | {matrix.FalsePositives} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| actual 1 | {matrix.FalseNegatives} | {matrix.TruePositives} |");
        md.AppendLine();
    }

    /// <summary>A multi-class test split: the confusion matrix by true class (rows) and most probable class (columns).</summary>
    private static void ClassQuality(StringBuilder md, int[,] confusion)
    {
        var classes = confusion.GetLength(0);
        var rows = 0;
        foreach (var count in confusion) rows += count;
        md.AppendLine("## Test split");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{rows} scored records; each predicted as its most probable class.");
        md.AppendLine();
        md.AppendLine("| actual / predicted | " + string.Join(" | ", Enumerable.Range(0, classes)) + " |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", classes)));
        for (var actual = 0; actual < classes; actual++)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {actual} | ") + string.Join(" | ", Enumerable.Range(0, classes).Select(p => confusion[actual, p])) + " |");
        }
        md.AppendLine();
    }

    private static void Validation(StringBuilder md, ValidationSummary? validation)
    {
        md.AppendLine("## Validation");
        md.AppendLine();
        if (validation is null)
        {
            md.AppendLine("Not run.");
            md.AppendLine();
            return;
        }
        var rows = validation.RowCount is { } count ? $" ({count} rows)" : "";
        md.AppendLine(CultureInfo.InvariantCulture, $"**{(validation.Passed ? "Passed" : "Failed")}**: {Escape(validation.Summary)}{rows}");
        md.AppendLine();
        if (validation.Rules.Count == 0) return;
        md.AppendLine("| rule | column | severity | result | observed | threshold | failing |");
        md.AppendLine("|---|---|---|---|---|---|---:|");
        foreach (var r in validation.Rules.OrderBy(r => r.Passed))
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Escape(r.Rule)} | {Escape(r.Column ?? "-")} | {r.Severity} | {(r.Passed ? "pass" : "**FAIL**")} | {Escape(r.Observed ?? "-")} | {Escape(r.Threshold ?? "-")} | {r.FailingCount?.ToString(CultureInfo.InvariantCulture) ?? "-"} |");
        }
        md.AppendLine();
    }

    private static void ExecutionPathSection(StringBuilder md, IReadOnlyList<ExecutedState> path)
    {
        md.AppendLine("## Execution path");
        md.AppendLine();
        if (path.Count == 0)
        {
            md.AppendLine("No execution history recorded.");
            md.AppendLine();
            return;
        }
        md.AppendLine("Times are the workflow's clock: locally a virtual clock, so waits and retries take no real time. "
            + "\"work\" is the real time of the job behind a state as the service reports it (the Glue job run, the training job).");
        md.AppendLine();
        md.AppendLine("| # | state | type | entered | took | work | outcome |");
        md.AppendLine("|---:|---|---|---|---:|---:|---|");
        for (var i = 0; i < path.Count; i++)
        {
            var s = path[i];
            var outcome = s.Error is not null ? $"**{Escape(s.Error)}**" : s.ExitedAt is null ? "did not exit" : "ok";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {i + 1} | {s.Name} | {s.Type} | {s.EnteredAt.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} | {(s.Duration is { } d ? Format(d) : "-")} | {(s.Work is { } w ? Format(w) : "-")} | {outcome} |");
        }
        md.AppendLine();
    }

    private static void Durations(StringBuilder md, RunReportData data)
    {
        if (data.Durations.Count == 0) return;
        md.AppendLine("## Durations");
        md.AppendLine();
        md.AppendLine("| what | took |");
        md.AppendLine("|---|---:|");
        foreach (var d in data.Durations) md.AppendLine(CultureInfo.InvariantCulture, $"| {Escape(d.Name)} | {Format(d.Duration)} |");
        md.AppendLine();
    }

    private static void Outputs(StringBuilder md, IReadOnlyList<OutputLocation> outputs)
    {
        if (outputs.Count == 0) return;
        md.AppendLine("## Outputs");
        md.AppendLine();
        md.AppendLine("| what | where |");
        md.AppendLine("|---|---|");
        foreach (var o in outputs) md.AppendLine(CultureInfo.InvariantCulture, $"| {Escape(o.Name)} | `{o.Location}` |");
        md.AppendLine();
    }

    private static void Row(StringBuilder md, string name, string value) => md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    internal static string Format(TimeSpan duration) => duration.TotalSeconds < 60
        ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : duration.TotalMinutes < 60
            ? $"{(int)duration.TotalMinutes} min {duration.Seconds} s"
            : $"{(int)duration.TotalHours} h {duration.Minutes} min";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
