using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// Writes <c>sample/event.json</c>: one change of the source table in the shape the pipeline's CDC kind puts on the bus,
/// the same shapes as the bundled pipelines' samples (a DynamoDB stream record or a Debezium change event forwarded by
/// EventBridge Pipes; for DMS files, S3's "Object Created" event for a file under raw/&lt;table&gt;/).
/// </summary>
internal static class SampleEventWriter
{
    private const string Account = "123456789012";
    private const string Region = "eu-west-2";

    public static string Write(ScaffoldPlan plan, IReadOnlyDictionary<string, string?> lastRow, string sampleFile, DateTimeOffset now)
    {
        var row = new Dictionary<string, string?>(lastRow, StringComparer.Ordinal) { [plan.Key.Column] = NewKey(plan, lastRow) };
        var numeric = plan.Profile.Columns.Where(c => c.IsNumeric).Select(c => plan.SourceNames[c.Name]).ToHashSet(StringComparer.Ordinal);
        var time = now.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var envelope = new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = plan.Options.Cdc == CdcKind.S3Files ? DetailTypes.S3ObjectCreated : DetailTypes.TableChange,
            ["source"] = plan.Options.Cdc == CdcKind.S3Files ? DetailTypes.S3Source : DetailTypes.CdcSource,
            ["account"] = Account,
            ["time"] = time,
            ["region"] = Region,
        };
        switch (plan.Options.Cdc)
        {
            case CdcKind.DynamoDbStream:
                envelope["resources"] = new JsonArray($"arn:aws:dynamodb:{Region}:{Account}:table/{plan.Table}/stream/{time[..10]}T00:00:00.000");
                envelope["detail"] = DynamoDbDetail(plan, row, numeric, now);
                break;
            case CdcKind.Debezium:
                envelope["resources"] = new JsonArray($"arn:aws:pipes:{Region}:{Account}:pipe/{plan.Table}-debezium");
                envelope["detail"] = DebeziumDetail(plan, row, numeric, now);
                break;
            default:
                envelope["resources"] = new JsonArray($"arn:aws:s3:::training-orchestration-{plan.Options.Pipeline}");
                envelope["detail"] = new JsonObject
                {
                    ["version"] = "0",
                    ["bucket"] = new JsonObject { ["name"] = $"training-orchestration-{plan.Options.Pipeline}" },
                    ["object"] = new JsonObject { ["key"] = BucketLayout.RawTable(plan.Table) + sampleFile, ["size"] = 0 },
                    ["reason"] = "PutObject",
                };
                break;
        }
        return envelope.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string NewKey(ScaffoldPlan plan, IReadOnlyDictionary<string, string?> lastRow)
    {
        if (plan.Key.Added) return SampleWriter.KeyValue(plan.Key, plan.Profile.Rows + 1);
        var last = lastRow[plan.Key.Column] ?? "";
        return plan.Key.ContractType == "integer" && long.TryParse(last, CultureInfo.InvariantCulture, out var n)
            ? (n + 1).ToString(CultureInfo.InvariantCulture)
            : last + "-new";
    }

    private static JsonObject DynamoDbDetail(ScaffoldPlan plan, Dictionary<string, string?> row, HashSet<string> numeric, DateTimeOffset now)
    {
        var image = new JsonObject();
        foreach (var (name, value) in row) image[name] = Typed(name, value, numeric);
        return new JsonObject
        {
            ["table"] = plan.Table,
            ["eventID"] = Guid.NewGuid().ToString("N"),
            ["eventName"] = "INSERT",
            ["approximateCreationDateTime"] = now.ToUnixTimeSeconds(),
            ["sequenceNumber"] = "100000000000000000000000001",
            ["streamViewType"] = "NEW_IMAGE",
            ["keys"] = new JsonObject { [plan.Key.Column] = Typed(plan.Key.Column, row[plan.Key.Column], numeric) },
            ["newImage"] = image,
        };
    }

    private static JsonObject Typed(string name, string? value, HashSet<string> numeric) =>
        string.IsNullOrEmpty(value) ? new JsonObject { ["NULL"] = true }
        : numeric.Contains(name) ? new JsonObject { ["N"] = value }
        : new JsonObject { ["S"] = value };

    private static JsonObject DebeziumDetail(ScaffoldPlan plan, Dictionary<string, string?> row, HashSet<string> numeric, DateTimeOffset now)
    {
        var after = new JsonObject();
        foreach (var (name, value) in row)
        {
            after[name] = string.IsNullOrEmpty(value) ? null
                : numeric.Contains(name) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
                : JsonValue.Create(value);
        }
        return new JsonObject
        {
            ["table"] = plan.Table,
            ["eventName"] = "INSERT",
            ["before"] = null,
            ["after"] = after,
            ["source"] = new JsonObject
            {
                ["connector"] = "postgresql", ["name"] = "source", ["ts_ms"] = now.ToUnixTimeMilliseconds(),
                ["snapshot"] = "false", ["db"] = "source", ["table"] = plan.Table, ["lsn"] = 1,
            },
            ["op"] = "c",
            ["ts_ms"] = now.ToUnixTimeMilliseconds(),
        };
    }
}
