using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// The feature job's run: final state, execution time and DPU-seconds (Glue's JobRun), rows written (the
/// manifest), and that the manifest's table rows equal the rows validated and the three splits add up to them.
/// </summary>
internal sealed class GlueJobCheck(RuleSpec rule) : Check(rule)
{
    public override RuleOutcome Complete(CompletionContext context)
    {
        var limits = Rule.Glue!;
        var run = context.Inputs.GlueJobRun;
        var rows = context.Inputs.Manifest?.Rows;
        var problems = new List<string>();
        var observed = new List<string>();
        var threshold = new List<string> { $"state {limits.State}" };
        if (run is null && rows is null && !context.Inputs.JobRunExpected)
        {
            return Outcome(true, null, threshold[0], note: "not checked: no Glue job run or manifest (validated outside the workflow)");
        }

        if (run is null) problems.Add("no Glue job run in the input");
        else
        {
            observed.Add($"state {run.JobRunState ?? "?"}");
            if (!string.Equals(run.JobRunState, limits.State, StringComparison.OrdinalIgnoreCase)) problems.Add($"state {run.JobRunState}{(run.ErrorMessage is null ? "" : ": " + run.ErrorMessage)}");
            if (limits.MaxExecutionTime is { } maxTime)
            {
                threshold.Add($"execution time <= {maxTime.TotalSeconds}s");
                observed.Add($"execution time {run.ExecutionTime?.ToString() ?? "?"}s");
                if (run.ExecutionTime > maxTime.TotalSeconds) problems.Add($"ran {run.ExecutionTime}s");
            }
            if (limits.MaxDpuSeconds is { } maxDpu)
            {
                threshold.Add($"DPU-seconds <= {Formats.Number(maxDpu)}");
                observed.Add($"DPU-seconds {(run.DpuSeconds is { } d ? Formats.Number(d) : "n/a")}");
                if (run.DpuSeconds > maxDpu) problems.Add($"{Formats.Number(run.DpuSeconds.Value)} DPU-seconds");
            }
        }

        var written = rows?.Table;
        observed.Add($"rows written {written?.ToString() ?? "?"}");
        if (limits.MinRowsWritten is { } minRows)
        {
            threshold.Add($"rows written >= {minRows}");
            if (written is null || written < minRows) problems.Add($"wrote {written?.ToString() ?? "no manifest"} rows");
        }
        if (limits.RowsMatchTable)
        {
            threshold.Add("manifest rows = rows validated = train + validation + test");
            if (written is null) problems.Add("manifest.json has no rows.table");
            else if (written != context.RowCount) problems.Add($"manifest says {written} rows, the table has {context.RowCount}");
            else if (rows!.Train + rows.Validation + rows.Test is { } splits && splits != written) problems.Add($"splits add up to {splits}, not {written}");
        }

        return Outcome(problems.Count == 0, string.Join(", ", observed), string.Join(", ", threshold),
            note: problems.Count == 0 ? null : string.Join("; ", problems));
    }
}
