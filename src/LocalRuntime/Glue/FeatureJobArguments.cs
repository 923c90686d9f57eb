using System.Globalization;

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

/// <summary>Glue's <c>--job-bookmark-option</c>: enable (read and advance), pause (read, do not advance), disable.</summary>
public enum JobBookmarkOption
{
    Enable,
    Pause,
    Disable,
}

/// <summary>Train/validation/test fractions of the hash split; they must sum to 1.</summary>
public sealed record SplitFractions(double Train, double Validation, double Test)
{
    public static SplitFractions Default { get; } = new(0.7, 0.2, 0.1);

    /// <summary>Parses <c>--split</c> as <c>train,validation,test</c>, e.g. <c>0.7,0.2,0.1</c>.</summary>
    public static SplitFractions Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        var ok = parts.Length == 3;
        for (var i = 0; ok && i < 3; i++)
        {
            ok = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && values[i] >= 0;
        }
        if (!ok || Math.Abs(values.Sum() - 1.0) > 1e-9)
        {
            throw new FeatureJobException(
                $"--split '{text}' must be three non-negative fractions train,validation,test that sum to 1 (e.g. 0.7,0.2,0.1)");
        }
        return new SplitFractions(values[0], values[1], values[2]);
    }
}
