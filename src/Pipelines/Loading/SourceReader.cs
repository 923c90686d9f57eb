using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>Reads <c>source</c>: the table name (it names the <c>raw/&lt;table&gt;/</c> prefix) and the CDC kind.</summary>
internal static partial class SourceReader
{
    public static readonly IReadOnlyDictionary<string, CdcKind> Kinds = new Dictionary<string, CdcKind>
    {
        ["dynamodb-stream"] = CdcKind.DynamoDbStream,
        ["debezium"] = CdcKind.Debezium,
        ["s3-files"] = CdcKind.S3Files,
    };

    public static SourceSpec? Read(YamlSection? source)
    {
        if (source is null) return null;
        var table = source.String("table", required: true, "customers");
        if (table is not null && !TableName().IsMatch(table))
            source.Error("table", $"'{table}' is not a usable table name.",
                "Use letters, digits and underscores (it becomes the raw/<table>/ prefix and a SQL identifier).");
        var cdc = ReadCdc(source.Section("cdc", required: true, SpecKeys.Cdc));
        return table is null || cdc is null ? null : new SourceSpec { Table = table, Cdc = cdc };
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
        if (kind == CdcKind.S3Files && (eventSource is not null || detailType is not null))
            cdc.Error(cdc.Has("eventSource") ? "eventSource" : "detailType",
                "s3-files sources are matched on S3 'Object Created' under raw/<table>/, not on an event source.",
                "Remove eventSource and detailType, or use kind dynamodb-stream or debezium.");
        if (kind is null) return null;
        var spec = new CdcSpec { Kind = kind.Value };
        if (eventSource is not null) spec = spec with { EventSource = eventSource };
        if (detailType is not null) spec = spec with { DetailType = detailType };
        return spec;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex TableName();
}
