using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Runtime;

internal sealed partial class Interpreter
{
    /// <summary>
    /// ItemReader: asks the integration for the object (s3:getObject → its text, or {Body}) or the listing
    /// (s3:listObjectsV2 → {Contents}), then splits it per ReaderConfig (JSON, JSONL, CSV; MaxItems).
    /// </summary>
    private async Task<JsonArray> ReadWithItemReaderAsync(StateRun run, JsonNode? effective)
    {
        var reader = run.State.ItemReader!;
        var source = run.Source(effective);
        var config = reader["ReaderConfig"] as JsonObject;
        int? maxItems = config?["MaxItemsPath"] is { } maxPath
            ? IntegerAt(run, source, JsonKit.AsString(maxPath)!, "MaxItemsPath")
            : config?["MaxItems"] is { } max ? (int)JsonKit.AsDouble(max) : null;
        var resourceText = JsonKit.AsString(reader["Resource"]) ?? "";
        var parameters = reader["Parameters"] is { } p ? PayloadEvaluator.Evaluate(p, source, run.State.Name, run.Prefix) : new JsonObject();
        var integration = engine.Dispatcher.Find(resourceText) ?? engine.BuiltIns.Find(resourceText);
        if (integration is null)
            throw new AslErrorException(ErrorNames.ItemReaderFailed, $"No service integration is registered for the ItemReader resource '{resourceText}'.");
        var resource = ParsedResource.Parse(resourceText);
        var execution = run.Frame.Execution;
        var context = new TaskContext(execution.Arn, execution.Machine.Arn, run.State.Name, 0, clock.Clock, engine);
        var request = new TaskRequest(resourceText, resource.Service, resource.Action, resource.Pattern, resource.IsAwsSdk, parameters, null, context);
        var outcome = await InvokeHandlerAsync(integration, request, run.Frame.Cancellation, clock.Now.AddSeconds(DefaultTaskTimeoutSeconds));
        if (outcome.Kind == TaskOutcomeKind.Stopped) throw new OperationCanceledException(run.Frame.Cancellation);
        if (outcome.Kind != TaskOutcomeKind.Succeeded)
            throw new AslErrorException(ErrorNames.ItemReaderFailed, $"{outcome.Error}: {outcome.Cause}");
        JsonArray items;
        try
        {
            items = Split(outcome.Output, JsonKit.AsString(config?["InputType"]) ?? "JSON", config);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            throw new AslErrorException(ErrorNames.ItemReaderFailed, $"The ItemReader could not read its items: {e.Message}");
        }
        if (maxItems is { } limit && limit > 0 && items.Count > limit)
            items = new JsonArray(items.Take(limit).Select(JsonKit.Clone).ToArray());
        return items;
    }

    private static JsonArray Split(JsonNode? output, string inputType, JsonObject? config)
    {
        if (output is JsonObject listing && listing["Contents"] is JsonArray contents) return (JsonArray)contents.DeepClone();
        var text = JsonKit.AsString(output) ?? JsonKit.AsString(output?["Body"]);
        if (text is null) return output as JsonArray ?? throw new FormatException("the reader returned neither text nor an array");
        switch (inputType)
        {
            case "JSON":
                return JsonKit.Parse(text) as JsonArray ?? throw new FormatException("the JSON object is not an array");
            case "JSONL":
                return new JsonArray(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonKit.Parse(l)).ToArray());
            case "CSV":
                var lines = text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
                string[] header;
                var start = 0;
                if (config?["CSVHeaders"] is JsonArray given) header = given.Select(h => JsonKit.AsString(h) ?? "").ToArray();
                else
                {
                    header = lines.Length > 0 ? lines[0].Split(',') : [];
                    start = 1;
                }
                var rows = new JsonArray();
                foreach (var line in lines.Skip(start))
                {
                    var cells = line.Split(',');
                    var row = new JsonObject();
                    for (var i = 0; i < header.Length; i++) row[header[i]] = i < cells.Length ? cells[i] : "";
                    rows.Add(row);
                }
                return rows;
            default:
                throw new FormatException($"InputType '{inputType}' is not supported (JSON, JSONL or CSV)");
        }
    }

    /// <summary>ResultWriter: hands the results to the writer's integration; the Map's result then describes where they went.</summary>
    private async Task<JsonNode?> WriteResultsAsync(StateRun run, JsonArray results)
    {
        var writer = run.State.ResultWriter!;
        var resourceText = JsonKit.AsString(writer["Resource"]) ?? "";
        var parameters = writer["Parameters"] is { } p ? PayloadEvaluator.Evaluate(p, run.Source(null), run.State.Name, run.Prefix) as JsonObject : new JsonObject();
        parameters ??= new JsonObject();
        var integration = engine.Dispatcher.Find(resourceText) ?? engine.BuiltIns.Find(resourceText);
        if (integration is null)
            throw new AslErrorException(ErrorNames.ResultWriterFailed, $"No service integration is registered for the ResultWriter resource '{resourceText}'.");
        var request = parameters.DeepClone().AsObject();
        request["Body"] = JsonKit.Serialize(results);
        var resource = ParsedResource.Parse(resourceText);
        var execution = run.Frame.Execution;
        var context = new TaskContext(execution.Arn, execution.Machine.Arn, run.State.Name, 0, clock.Clock, engine);
        var outcome = await InvokeHandlerAsync(integration,
            new TaskRequest(resourceText, resource.Service, resource.Action, resource.Pattern, resource.IsAwsSdk, request, null, context),
            run.Frame.Cancellation, clock.Now.AddSeconds(DefaultTaskTimeoutSeconds));
        if (outcome.Kind != TaskOutcomeKind.Succeeded)
            throw new AslErrorException(ErrorNames.ResultWriterFailed, $"{outcome.Error}: {outcome.Cause}");
        return new JsonObject
        {
            ["MapRunArn"] = $"{execution.Arn.Replace(":execution:", ":mapRun:")}/{run.State.Name}",
            ["ResultWriterDetails"] = new JsonObject { ["Bucket"] = parameters["Bucket"]?.DeepClone(), ["Key"] = parameters["Prefix"]?.DeepClone() },
        };
    }
}
