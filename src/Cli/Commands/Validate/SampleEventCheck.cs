using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Events;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>
/// The sample event against the pipeline's change rule and CDC kind: the source, detail-type and table the stack's rule
/// matches (or S3's "Object Created" under raw/&lt;table&gt;/ for DMS files), and a detail in the kind's shape. An event
/// copied from another pipeline would otherwise start no run, and <c>run</c> would end without saying why.
/// </summary>
internal static class SampleEventCheck
{
    public static IEnumerable<Finding> Check(PipelineSpec spec)
    {
        var file = spec.SampleEventFile!;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return [new Finding(file, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, "(json)", $"is not valid JSON: {e.Message.Split('.')[0]}.", "Fix the JSON syntax at this position.")];
        }
        if (root is not JsonObject evt) return [new Finding(file, 1, 1, "(event)", "must be one EventBridge event (a JSON object).", "See pipelines/churn/sample/event.json.")];
        var text = File.ReadAllText(file);
        var detail = evt["detail"] as JsonObject;
        var findings = new List<Finding>();
        if (PutEventsEntrySize.OfEvent(evt) is var size && size > PutEventsEntrySize.MaxBytes)
        {
            var (line, column) = Locate(text, "detail");
            findings.Add(new Finding(file, line, column, "detail", EventFile.TooLarge(size), "Send a reference to the data (for example an S3 key) in the event instead."));
        }
        void Expect(string field, string? actual, string expected, string what)
        {
            if (string.Equals(actual, expected, StringComparison.Ordinal)) return;
            var (line, column) = Locate(text, field.Split('.')[^1]);
            findings.Add(new Finding(file, line, column, field,
                $"event {what} '{actual ?? "(missing)"}' does not match this pipeline's {what} '{expected}', so the stack's change rule would not start a run.",
                $"Use an event for table '{spec.Source.Table}' (sample.event in pipeline.yaml), or fix the {what}."));
        }

        if (spec.Source.Cdc.Kind == CdcKind.S3Files)
        {
            Expect("source", Text(evt["source"]), DetailTypes.S3Source, "source");
            Expect("detail-type", Text(evt["detail-type"]), DetailTypes.S3ObjectCreated, "detail-type");
            var key = Text(detail?["object"]?["key"]);
            var prefix = BucketLayout.RawTable(spec.Source.Table);
            if (key is null || !key.StartsWith(prefix, StringComparison.Ordinal)) Expect("detail.object.key", key, prefix + "…", "object key prefix");
            return findings;
        }
        Expect("source", Text(evt["source"]), spec.Source.Cdc.EventSource, "source");
        Expect("detail-type", Text(evt["detail-type"]), spec.Source.Cdc.DetailType, "detail-type");
        Expect("detail.table", Text(detail?["table"]), spec.Source.Table, "table");
        var shaped = spec.Source.Cdc.Kind == CdcKind.DynamoDbStream
            ? detail?["newImage"] is not null || detail?["keys"] is not null
            : detail?["op"] is not null || detail?["after"] is not null || detail?["before"] is not null;
        if (findings.Count == 0 && !shaped)
        {
            var (line, column) = Locate(text, "detail");
            var expected = spec.Source.Cdc.Kind == CdcKind.DynamoDbStream ? "a DynamoDB stream record (keys, newImage)" : "a Debezium change (op, before, after)";
            findings.Add(new Finding(file, line, column, "detail", $"is not {expected}, the shape a {Kind(spec)} source sends.",
                "Use an event of the pipeline's CDC kind (see the bundled pipelines' sample/event.json)."));
        }
        return findings;
    }

    private static string Kind(PipelineSpec spec) => spec.Source.Cdc.Kind == CdcKind.DynamoDbStream ? "dynamodb-stream" : "debezium";

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    private static (long Line, long Column) Locate(string text, string key)
    {
        var index = text.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        if (index < 0) return (1, 1);
        var line = text.AsSpan(0, index).Count('\n') + 1;
        return (line, index - text.LastIndexOf('\n', Math.Max(0, index - 1)));
    }
}
