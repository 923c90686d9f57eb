using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Pipelines.Spec;

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
    /// <summary><c>--cdc_kind</c> (a default argument the stack sets); null: only CSV snapshots with a header are read.</summary>
    public CdcKind? Kind { get; init; }

    /// <summary><c>--source_columns</c> (<c>name:type,...</c>); empty: the columns of the CSV headers, all text.</summary>
    public IReadOnlyList<SourceColumn> Columns { get; init; } = [];

    /// <summary><c>--keep_snapshots</c>: curated snapshots kept per table (default 3).</summary>
    public int KeepSnapshots { get; init; } = 3;

    /// <summary><c>--output_parts</c>: how many part files the table and each channel are written as (default 1).</summary>
    public int OutputParts { get; init; } = 1;

    /// <summary><c>--timestamp_column</c>: the DMS timestamp column (s3-files only).</summary>
    public string? TimestampColumn { get; init; }

    /// <summary>
    /// <c>--csv_delimiter</c> and <c>--csv_quote</c>: the contract's declared CSV dialect (the stack sets them from
    /// <c>csv:</c>); the raw CSV files are read and <c>table/</c> is written with it, never with a sniffed one.
    /// </summary>
    public CsvDialect Csv { get; init; } = CsvDialect.Default;

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
        return new FeatureJobArguments(pipeline, runId, bucket, sql, table, key, label, split, bookmark)
        {
            Kind = Optional(arguments, "--cdc_kind") is { } kind
                ? SourceColumnsText.KindNames.TryGetValue(kind, out var k) ? k : throw new FeatureJobException(
                    $"--cdc_kind '{kind}' is not one of {string.Join(", ", SourceColumnsText.KindNames.Keys)}")
                : null,
            Columns = Optional(arguments, "--source_columns") is { } columns ? ParseColumns(columns) : [],
            KeepSnapshots = Optional(arguments, "--keep_snapshots") is { } keep
                ? int.TryParse(keep, out var n) && n >= 1 ? n : throw new FeatureJobException($"--keep_snapshots '{keep}' is not a whole number of at least 1")
                : 3,
            TimestampColumn = Optional(arguments, "--timestamp_column"),
            Csv = new CsvDialect(
                Character(arguments, "--csv_delimiter", CsvDialect.Delimiters) ?? CsvDialect.Default.Delimiter,
                Character(arguments, "--csv_quote", CsvDialect.Quotes) ?? CsvDialect.Default.Quote),
            OutputParts = Optional(arguments, "--output_parts") is { } parts
                ? int.TryParse(parts, out var p) && p >= 1 ? p : throw new FeatureJobException($"--output_parts '{parts}' is not a whole number of at least 1")
                : 1,
        };
    }

    private static char? Character(IReadOnlyDictionary<string, string> arguments, string name, char[] allowed)
    {
        if (!arguments.TryGetValue(name, out var value) || value.Length == 0) return null;
        if (value.Length == 1 && allowed.Contains(value[0])) return value[0];
        throw new FeatureJobException($"{name} '{value}' is not one of {string.Join(" ", allowed.Select(c => $"'{CsvDialect.Spell(c)}'"))}");
    }

    private static string? Optional(IReadOnlyDictionary<string, string> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static IReadOnlyList<SourceColumn> ParseColumns(string text)
    {
        try
        {
            return SourceColumnsText.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FeatureJobException($"--source_columns: {e.Message}", e);
        }
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
