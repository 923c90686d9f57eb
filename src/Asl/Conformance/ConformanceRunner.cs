using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Conformance;

/// <summary>
/// Runs corpus cases on a fresh engine and virtual clock each and compares status, output, error and cause.
/// Nondeterministic cases (UUIDs, random numbers, timestamps) are judged on status and error only.
/// </summary>
public static class ConformanceRunner
{
    public static IEnumerable<ConformanceCase> Load(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ConformanceCase.Parse(line, path, lineNumber);
        }
    }

    public static async Task<ConformanceResult> RunAsync(ConformanceCase testCase, TimeSpan? limit = null)
    {
        var engine = new StepFunctionsEngine(new VirtualClock());
        ExecutionOptions? options = null;
        var machineName = "ConformanceMachine";
        if (testCase.Mocks is { } mocks)
        {
            machineName = JsonKit.AsString(mocks["stateMachineName"]) ?? machineName;
            var config = mocks["mockConfig"] is { } c ? (JsonKit.AsString(c) ?? JsonKit.Serialize(c)) : "{}";
            options = new ExecutionOptions(MockConfig.Parse(config), JsonKit.AsString(mocks["testCase"]));
        }
        JsonObject actual;
        try
        {
            var arn = engine.CreateStateMachine(machineName, JsonKit.Serialize(testCase.Definition));
            var started = engine.StartExecution(arn, "conformance", JsonKit.Serialize(testCase.Input ?? new JsonObject()), options);
            using var cts = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(20));
            var done = await engine.WaitForCompletionAsync(started.ExecutionArn, cts.Token);
            actual = done.Status == ExecutionStatus.Succeeded
                ? new JsonObject { ["status"] = "SUCCEEDED", ["output"] = JsonKit.Parse(done.Output) }
                : new JsonObject { ["status"] = done.StatusName, ["error"] = done.Error, ["cause"] = done.Cause };
        }
        catch (AslDefinitionException e)
        {
            actual = new JsonObject { ["status"] = "REJECTED", ["error"] = "InvalidDefinition", ["cause"] = e.Message };
        }
        catch (StepFunctionsApiException e)
        {
            actual = new JsonObject { ["status"] = "REJECTED", ["error"] = e.ErrorCode, ["cause"] = e.Message };
        }
        catch (OperationCanceledException)
        {
            actual = new JsonObject { ["status"] = "TIMED_OUT_LOCALLY" };
        }
        var expected = testCase.Expected;
        string? reason;
        bool passed;
        if (testCase.Nondeterministic)
        {
            passed = JsonKit.DeepEquals(expected["status"], actual["status"]) &&
                     (!expected.ContainsKey("error") || ExpectedMatcher.Matches(expected["error"], actual["error"], out _));
            reason = passed ? null : $"status/error: expected {JsonKit.Serialize(expected["status"])}/{JsonKit.Serialize(expected["error"])}";
        }
        else
        {
            passed = ExpectedMatcher.Matches(expected, actual, out reason);
        }
        return new ConformanceResult(testCase, passed, reason, JsonKit.Serialize(actual));
    }
}
