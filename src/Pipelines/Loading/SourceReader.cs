using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>Reads <c>source</c>: the table name (it names the <c>raw/&lt;table&gt;/</c> prefix) and the CDC kind.</summary>
internal static partial class SourceReader
{
    public static readonly IReadOnlyDictionary<string, CdcKind> Kinds = SourceColumnsText.KindNames;

    public static SourceSpec? Read(YamlSection? source)
    {
        if (source is null) return null;
        var table = source.String("table", required: true, "customers");
        if (table is not null && !TableName().IsMatch(table))
            source.Error("table", $"'{table}' is not a usable table name.",
                "Use letters, digits and underscores (it becomes the raw/<table>/ prefix and a SQL identifier).");
        var cdc = ReadCdc(source.Section("cdc", required: true, SpecKeys.Cdc));
        var columns = source.Has("columns") ? SourceColumnsReader.Read(source) : [];
        var keep = source.Has("keepSnapshots") ? source.Int("keepSnapshots", required: true, min: 1, max: 100, example: "3") : 3;
        var timestamp = source.Has("timestampColumn") ? source.String("timestampColumn", required: true, "dms_commit_ts") : null;
        if (timestamp is not null && cdc is not null && cdc.Kind != CdcKind.S3Files)
            source.Error("timestampColumn", "timestampColumn is the column DMS adds to its files; this source is not s3-files.",
                "Remove timestampColumn, or use kind s3-files.");
        if (table is null || cdc is null || columns is null || keep is null) return null;
        return new SourceSpec { Table = table, Cdc = cdc, Columns = columns, KeepSnapshots = keep.Value, TimestampColumn = timestamp };
    }

    private static CdcSpec? ReadCdc(YamlSection? cdc)
    {
        if (cdc is null) return null;
        var kindText = cdc.String("kind", required: true, "dynamodb-stream");
        CdcKind? kind = null;
        if (kindText is not null)
        {
            if (Kinds.TryGetValue(kindText, out var k)) kind = k;
            else cdc.Error("kind", $"'{kindText}' is not a CDC kind.", NearestName.Hint(kindText, Kinds.Keys.ToList()));
        }
        var eventSource = cdc.String("eventSource", required: false, DetailTypes.CdcSource);
        var detailType = cdc.String("detailType", required: false, DetailTypes.TableChange);
        if (eventSource is not null && TargetNames.EventSourceProblem(eventSource) is { } sourceProblem)
            cdc.Error("eventSource", sourceProblem, "It is matched against PutEvents' Source, so use what EventBridge accepts there.");
        if (detailType is not null && TargetNames.DetailTypeProblem(detailType) is { } typeProblem)
            cdc.Error("detailType", typeProblem, "Shorten it; it is matched against PutEvents' DetailType.");
        if (kind == CdcKind.S3Files && (eventSource is not null || detailType is not null))
            cdc.Error(cdc.Has("eventSource") ? "eventSource" : "detailType",
                "s3-files sources are matched on S3 'Object Created' under raw/<table>/, not on an event source.",
                "Remove eventSource and detailType, or use kind dynamodb-stream or debezium.");
        var batchSize = cdc.Has("batchSize") ? cdc.Int("batchSize", required: true, min: 1, max: 10000, example: "100") : 100;
        var window = cdc.Has("batchWindow") ? cdc.Duration("batchWindow", required: true, "1m") : TimeSpan.FromSeconds(60);
        if (window is { } w && w > TimeSpan.FromSeconds(300))
        {
            cdc.Error("batchWindow", $"{w.TotalSeconds:0} s is longer than EventBridge Pipes allows (MaximumBatchingWindowInSeconds 0..300).",
                "Use at most 5m.");
            window = null;
        }
        var ingress = IngressReader.Read(cdc, kind, batchSize);
        if (kind is null || batchSize is null || window is null || ingress is null) return null;
        var spec = new CdcSpec { Kind = kind.Value, BatchSize = batchSize.Value, BatchWindowSeconds = (int)window.Value.TotalSeconds, Ingress = ingress };
        if (eventSource is not null) spec = spec with { EventSource = eventSource };
        if (detailType is not null) spec = spec with { DetailType = detailType };
        return spec;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex TableName();
}
