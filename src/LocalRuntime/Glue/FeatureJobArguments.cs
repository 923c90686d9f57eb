namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// The feature job's run arguments as the training workflow passes them to <c>glue:startJobRun</c>
/// (WORKFLOW.md step 3): <c>--pipeline</c>, <c>--run_id</c>, <c>--bucket</c>, <c>--sql_s3_uri</c>,
/// <c>--source_table</c>, <c>--entity_key</c>, <c>--label</c>, <c>--split</c>, <c>--job-bookmark-option</c>.
/// </summary>
public sealed record FeatureJobArguments(
    string Pipeline,
    string RunId,
    string Bucket,
    string SqlS3Uri,
    string SourceTable,
    string EntityKey,
    string Label,
    SplitFractions Split,
    JobBookmarkOption Bookmark)
{
    /// <summary>
    /// Reads Glue's argument map (job default arguments overlaid with the run's). Missing or malformed arguments
    /// are reported together, by name, the way the job script's <c>getResolvedOptions</c> would fail.
    /// </summary>
    public static FeatureJobArguments Parse(IReadOnlyDictionary<string, string> arguments)
    {
        var missing = new List<string>();
        string Required(string name)
        {
            if (arguments.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)) return value;
            missing.Add(name);
            return "";
        }

        var pipeline = Required("--pipeline");
        var runId = Required("--run_id");
        var bucket = Required("--bucket");
        var sql = Required("--sql_s3_uri");
        var table = Required("--source_table");
        var key = Required("--entity_key");
        var label = Required("--label");
        if (missing.Count > 0)
        {
            throw new FeatureJobException(
                $"the following arguments are required: {string.Join(", ", missing)}");
        }
        var split = arguments.TryGetValue("--split", out var s) ? SplitFractions.Parse(s) : SplitFractions.Default;
        var bookmark = arguments.TryGetValue("--job-bookmark-option", out var b)
            ? ParseBookmark(b)
            : JobBookmarkOption.Disable;
        return new FeatureJobArguments(pipeline, runId, bucket, sql, table, key, label, split, bookmark);
    }

    private static JobBookmarkOption ParseBookmark(string value) => value switch
    {
        "job-bookmark-enable" => JobBookmarkOption.Enable,
        "job-bookmark-disable" => JobBookmarkOption.Disable,
        "job-bookmark-pause" => JobBookmarkOption.Pause,
        _ => throw new FeatureJobException(
            $"--job-bookmark-option '{value}' is not one of job-bookmark-enable, job-bookmark-disable, job-bookmark-pause"),
    };
}
