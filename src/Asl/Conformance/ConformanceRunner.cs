using System.Text.Json.Nodes;
using TrainingOrchestration.Asl.Json;

namespace TrainingOrchestration.Asl.Conformance;

/// <summary>
/// Runs corpus cases on a fresh engine and virtual clock each and compares status, output, error and cause.
/// Nondeterministic cases (UUIDs, random numbers, timestamps) are judged on status and error only.
/// </summary>
public static class ConformanceRunner
{
    /// <summary>The cases of a corpus file; a line that cannot be read (or a missing file) becomes a case that fails with the reason.</summary>
    public static IEnumerable<ConformanceCase> Load(string path)
    {
        if (!File.Exists(path))
        {
            yield return ConformanceCase.Unreadable(path, 0, $"{path}: the corpus file does not exist.");
            yield break;
        }
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ConformanceCase.ParseOrUnreadable(line, path, lineNumber);
        }
    }

    /// <summary>
    /// Runs every case. Some recordings are ambiguous: masking turned different timestamps into the same "date",
    /// so identical definitions and inputs carry different expected outputs. Those are judged on status only.
    /// </summary>
    public static async Task<IReadOnlyList<ConformanceResult>> RunAllAsync(IEnumerable<ConformanceCase> cases)
    {
        var list = cases.ToList();
        var ambiguous = list
            .GroupBy(c => JsonKit.Serialize(c.Definition) + "\n" + JsonKit.Serialize(c.Input) + "\n" + JsonKit.Serialize(c.Mocks))
            .Where(g => g.Select(c => JsonKit.Serialize(c.Expected)).Distinct().Count() > 1)
            .SelectMany(g => g)
            .ToHashSet();
        var results = new List<ConformanceResult>(list.Count);
        foreach (var testCase in list) results.Add(await RunAsync(testCase, statusOnly: ambiguous.Contains(testCase)));
        return results;
    }

    /// <summary>
    /// Runs one case. Whatever is wrong with it (an unreadable line, a malformed MockConfigFile, an engine defect), the
    /// case fails with the reason and never throws, so one bad line cannot stop a corpus run.
    /// </summary>
    public static async Task<ConformanceResult> RunAsync(ConformanceCase testCase, TimeSpan? limit = null, bool statusOnly = false)
    {
        if (testCase.LoadError is { } loadError) return Broken(testCase, $"unreadable corpus line: {loadError}");
        try
        {
            return await ReplayAsync(testCase, limit, statusOnly);
        }
        catch (FormatException e)
        {
            // MockConfig.Parse names the offending path of the MockConfigFile.
            return Broken(testCase, $"invalid mocks: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Broken(testCase, $"the case could not be run: {e.GetType().Name}: {e.Message}");
        }
    }

    private static ConformanceResult Broken(ConformanceCase testCase, string reason) =>
        new(testCase, false, reason, JsonKit.Serialize(new JsonObject { ["status"] = "NOT_RUN", ["reason"] = reason }));

    private static async Task<ConformanceResult> ReplayAsync(ConformanceCase testCase, TimeSpan? limit, bool statusOnly)
    {
        // The recordings were made in account 111111111111 (region and partition are masked).
        var engine = new StepFunctionsEngine(new VirtualClock()) { AccountId = "111111111111" };
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
        if (testCase.Nondeterministic || statusOnly)
        {
            passed = JsonKit.DeepEquals(expected["status"], actual["status"]) &&
                     (!expected.ContainsKey("error") || ExpectedMatcher.Matches(expected["error"], actual["error"], out _));
            reason = passed ? null : $"status/error: expected {JsonKit.Serialize(expected["status"])}/{JsonKit.Serialize(expected["error"])}";
        }
        else
        {
            passed = ExpectedMatcher.Matches(expected, actual, out reason);
        }
        // A definition the engine rejects (as AWS would at CreateStateMachine) fails the case with the rejection's reason.
        if (!passed && JsonKit.AsString(actual["status"]) == "REJECTED") reason += $" (rejected: {JsonKit.AsString(actual["cause"])})";
        return new ConformanceResult(testCase, passed, reason, JsonKit.Serialize(actual), statusOnly);
    }
}
