using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;
using TrainingOrchestration.Asl.Paths;

namespace TrainingOrchestration.Asl.Runtime;

internal sealed partial class Interpreter
{
    private async Task<JsonNode?> RunMapAsync(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        var frame = run.Frame;
        var history = frame.Execution.History;
        var effective = InputPath(run, rawInput);
        var source = run.Source(effective);
        var jsonata = state.IsJsonata ? JsonataFor(run, rawInput) : null;
        var items = jsonata is not null && state.ItemReader is null ? JsonataItems(run, rawInput, jsonata) : await ReadItemsAsync(run, effective);
        var maxConcurrency = jsonata is not null ? JsonataInteger(run, state.MaxConcurrency, jsonata, "MaxConcurrency") ?? 0
            : state.MaxConcurrencyPath is not null
            ? IntegerAt(run, source, state.MaxConcurrencyPath, "MaxConcurrencyPath")
            : state.MaxConcurrency is null ? 0 : (int)JsonKit.AsDouble(state.MaxConcurrency);
        int? toleratedCount = state.ToleratedFailureCountPath is not null
            ? IntegerAt(run, source, state.ToleratedFailureCountPath, "ToleratedFailureCountPath")
            : state.ToleratedFailureCount is null ? null : (int)JsonKit.AsDouble(state.ToleratedFailureCount);
        if (toleratedCount < 0) throw new AslErrorException(ErrorNames.Runtime, $"{run.ErrorPrefix()}ToleratedFailureCount cannot be negative.");
        double? toleratedPercentage = state.ToleratedFailurePercentagePath is not null
            ? FloatAt(run, source, state.ToleratedFailurePercentagePath, "ToleratedFailurePercentagePath")
            : state.ToleratedFailurePercentage is null ? null : JsonKit.AsDouble(state.ToleratedFailurePercentage);
        if (toleratedPercentage is < 0 or > 100)
            throw new AslErrorException(ErrorNames.Runtime, $"{run.ErrorPrefix()}ToleratedFailurePercentage must be between 0 and 100.");
        if (maxConcurrency < 0) throw new AslErrorException(ErrorNames.Runtime, $"{run.ErrorPrefix()}MaxConcurrency cannot be negative.");

        var inputs = new JsonNode?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (state.ItemSelector is null)
            {
                inputs[i] = JsonKit.Clone(items[i]);
                continue;
            }
            run.MapItem = (i, items[i]);
            inputs[i] = jsonata is not null
                ? JsonataField(run, state.ItemSelector, JsonataFor(run, rawInput), "ItemSelector")
                : PayloadEvaluator.Evaluate(state.ItemSelector, source, state.Name, run.Prefix);
        }
        run.MapItem = null;

        frame.PreviousEventId = history.Add("MapStateStarted", new JsonObject { ["length"] = items.Count }, frame.PreviousEventId);
        var startedId = frame.PreviousEventId;
        var results = new JsonNode?[items.Count];
        var succeeded = new bool[items.Count];
        var failures = 0;
        AslErrorException? failure = null;
        var processor = state.ItemProcessor!;
        ChildGroup? group = null;
        group = new ChildGroup(clock, items.Count, maxConcurrency, async (index, ct) =>
        {
            var key = $"{frame.Key}/{state.Name}[{index}]";
            if (TryReuse(frame.Execution, key, out var reused))
            {
                results[index] = reused;
                succeeded[index] = true;
                return;
            }
            var iterationStarted = history.RecordMapIteration("MapIterationStarted", state.Name, index, startedId);
            var child = new Frame
            {
                Execution = frame.Execution,
                Machine = processor,
                Variables = new VariableScope(frame.Variables),
                Cancellation = ct,
                Key = key,
                MapItemIndex = index,
                MapItemValue = items[index],
                PreviousEventId = iterationStarted,
            };
            try
            {
                var output = await RunMachineAsync(child, processor.StartAt, inputs[index]);
                results[index] = output;
                succeeded[index] = true;
                history.RecordMapIteration("MapIterationSucceeded", state.Name, index, child.PreviousEventId);
            }
            catch (OperationCanceledException)
            {
                history.RecordMapIteration("MapIterationAborted", state.Name, index, child.PreviousEventId);
                throw;
            }
            catch (Exception thrown) when (thrown is not OperationCanceledException)
            {
                var e = AsStateError(thrown);
                history.RecordMapIteration("MapIterationFailed", state.Name, index, child.PreviousEventId);
                bool abort;
                lock (results)
                {
                    failures++;
                    results[index] = new JsonObject { ["Error"] = e.Error, ["Cause"] = e.Cause };
                    abort = ExceedsTolerance(failures, items.Count, toleratedCount, toleratedPercentage);
                    if (abort && failure is null)
                    {
                        failure = toleratedCount is null && toleratedPercentage is null
                            ? e
                            : new AslErrorException(ErrorNames.ExceedToleratedFailureThreshold, "The specified tolerance threshold for the Map Run has been exceeded.");
                    }
                }
                if (abort) group!.Abort();
            }
        }, frame.Cancellation);
        await group.RunAsync();
        if (failure is not null || frame.Cancellation.IsCancellationRequested)
            RememberSucceeded(frame.Execution, $"{frame.Key}/{state.Name}[", "]", results, succeeded);
        frame.Cancellation.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            frame.PreviousEventId = history.Add("MapStateFailed", null, frame.PreviousEventId);
            throw failure;
        }
        frame.PreviousEventId = history.Add("MapStateSucceeded", null, frame.PreviousEventId);
        JsonNode? result = new JsonArray(results);
        if (state.ResultWriter is not null) result = await WriteResultsAsync(run, (JsonArray)result);
        return FinishResult(run, rawInput, result);
    }

    private static JsonArray JsonataItems(StateRun run, JsonNode? input, Jsonata.JsonataEvaluator evaluator)
    {
        var items = run.State.Items is null ? input : JsonataField(run, run.State.Items, evaluator, "Items");
        return items as JsonArray ?? throw new AslErrorException(ErrorNames.QueryEvaluationError,
            $"{run.ErrorPrefix()}Map state input must be an array but was: {JsonKit.Serialize(items)}");
    }

    private static bool ExceedsTolerance(int failures, int total, int? count, double? percentage)
    {
        if (count is null && percentage is null) return true;
        var byCount = count is null || failures > count;
        var byPercentage = percentage is null || failures * 100.0 / total > percentage;
        return count is not null && percentage is not null ? byCount && byPercentage : count is not null ? byCount : byPercentage;
    }

    private async Task<JsonArray> ReadItemsAsync(StateRun run, JsonNode? effective)
    {
        var state = run.State;
        JsonArray items;
        if (state.ItemReader is not null)
        {
            items = await ReadWithItemReaderAsync(run, effective);
        }
        else
        {
            var pathText = state.ItemsPath ?? "$";
            var path = JsonPath.Parse(pathText);
            if (!run.Source(effective).TryResolve(path, out var selected))
                throw new AslErrorException(ErrorNames.Runtime,
                    $"{run.ErrorPrefix()}Invalid path '{pathText}' : No results for path: {path.Normalized()}");
            items = selected as JsonArray ?? throw new AslErrorException(ErrorNames.Runtime,
                $"{run.ErrorPrefix()}Item path {pathText} does not point to an array. The value was: {JsonKit.Serialize(selected)}");
        }
        return state.ItemBatcher is null ? items : Batch(run, items, effective);
    }

    private JsonArray Batch(StateRun run, JsonArray items, JsonNode? effective)
    {
        var batcher = run.State.ItemBatcher!;
        var source = run.Source(effective);
        var perBatch = batcher["MaxItemsPerBatchPath"] is { } p
            ? IntegerAt(run, source, JsonKit.AsString(p)!, "MaxItemsPerBatchPath")
            : batcher["MaxItemsPerBatch"] is { } m ? (int)JsonKit.AsDouble(m) : int.MaxValue;
        var batchInput = batcher["BatchInput"] is { } bi ? PayloadEvaluator.Evaluate(bi, source, run.State.Name, run.Prefix) : null;
        var batches = new JsonArray();
        for (var i = 0; i < items.Count; i += Math.Max(1, perBatch))
        {
            var batch = new JsonObject { ["Items"] = new JsonArray(items.Skip(i).Take(Math.Max(1, perBatch)).Select(JsonKit.Clone).ToArray()) };
            if (batchInput is not null) batch["BatchInput"] = batchInput.DeepClone();
            batches.Add(batch);
        }
        return batches;
    }

    private static int IntegerAt(StateRun run, ValueSource source, string pathText, string field)
    {
        var value = PayloadEvaluator.Resolve(JsonPath.Parse(pathText), source, field, run.Prefix);
        if (JsonKit.IsNumber(value) && JsonKit.IsIntegerLiteral(value) && JsonKit.AsDouble(value) is >= int.MinValue and <= int.MaxValue)
            return (int)JsonKit.AsDouble(value);
        // AWS also accepts an integer written as a string ("1").
        if (JsonKit.AsString(value) is { } text && int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        throw new AslErrorException(ErrorNames.Runtime,
            $"{run.ErrorPrefix()}The {field} field refers to value \"{Render(value)}\" which is not a valid integer: {pathText}");
    }

    private static double FloatAt(StateRun run, ValueSource source, string pathText, string field)
    {
        var value = PayloadEvaluator.Resolve(JsonPath.Parse(pathText), source, field, run.Prefix);
        if (JsonKit.IsNumber(value)) return JsonKit.AsDouble(value);
        if (JsonKit.AsString(value) is { } text && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        throw new AslErrorException(ErrorNames.Runtime,
            $"{run.ErrorPrefix()}The {field} field refers to value \"{Render(value)}\" which is not a valid float: {pathText}");
    }

    private static string Render(JsonNode? value) => JsonKit.AsString(value) ?? JsonKit.Serialize(value);
}
