using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl;

/// <summary>
/// AWS Step Functions Local's MockConfigFile: <c>StateMachines → name → TestCases → case → {state: response}</c>
/// and <c>MockedResponses → response → {"0": {Return|Throw}, "1-2": ...}</c>, keyed by the zero-based
/// invocation number of the state within one execution (retries count as invocations).
/// </summary>
public sealed class MockConfig
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> _testCases;
    private readonly Dictionary<string, List<(int From, int To, MockedResponse Response)>> _responses;

    private MockConfig(
        Dictionary<string, Dictionary<string, Dictionary<string, string>>> testCases,
        Dictionary<string, List<(int From, int To, MockedResponse Response)>> responses)
    {
        _testCases = testCases;
        _responses = responses;
    }

    /// <summary>Parses a MockConfigFile; errors name the offending path.</summary>
    public static MockConfig Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"MockConfigFile is not valid JSON: {e.Message}", e);
        }
        if (root is not JsonObject rootObject) throw new FormatException("MockConfigFile: the root must be an object.");
        var testCases = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>(StringComparer.Ordinal);
        if (rootObject["StateMachines"] is JsonObject machines)
        {
            foreach (var (machineName, machineNode) in machines)
            {
                var cases = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
                if (machineNode?["TestCases"] is JsonObject caseObject)
                {
                    foreach (var (caseName, caseNode) in caseObject)
                    {
                        if (caseNode is not JsonObject states)
                            throw new FormatException($"MockConfigFile: StateMachines.{machineName}.TestCases.{caseName} must be an object.");
                        cases[caseName] = states.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ??
                            throw new FormatException($"MockConfigFile: StateMachines.{machineName}.TestCases.{caseName}.{p.Key} must name a mocked response."));
                    }
                }
                testCases[machineName] = cases;
            }
        }
        var responses = new Dictionary<string, List<(int, int, MockedResponse)>>(StringComparer.Ordinal);
        if (rootObject["MockedResponses"] is JsonObject mocked)
        {
            foreach (var (responseName, responseNode) in mocked)
            {
                if (responseNode is not JsonObject invocations)
                    throw new FormatException($"MockConfigFile: MockedResponses.{responseName} must be an object.");
                var list = new List<(int, int, MockedResponse)>();
                foreach (var (range, body) in invocations)
                {
                    var (from, to) = ParseRange(range, responseName);
                    list.Add((from, to, ParseResponse(body, $"MockedResponses.{responseName}.{range}")));
                }
                responses[responseName] = list;
            }
        }
        return new MockConfig(testCases, responses);
    }

    /// <summary>Every test case the file defines, under any state machine, in order.</summary>
    public IReadOnlyList<string> TestCaseNames => _testCases.Values.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).ToList();

    public bool HasTestCase(string stateMachineName, string testCase) =>
        _testCases.TryGetValue(stateMachineName, out var cases) && cases.ContainsKey(testCase);

    /// <summary>The mocked response for the <paramref name="invocation"/>-th call of a state, if the test case mocks it.</summary>
    public MockedResponse? Find(string stateMachineName, string testCase, string stateName, int invocation)
    {
        if (StatesOf(stateMachineName, testCase) is not { } states || !states.TryGetValue(stateName, out var responseName)) return null;
        return Respond(testCase, responseName, invocation);
    }

    /// <summary>The test case's states and the mocked response each names, or null when the file does not define the case.</summary>
    internal IReadOnlyDictionary<string, string>? StatesOf(string stateMachineName, string testCase) =>
        _testCases.TryGetValue(stateMachineName, out var cases) && cases.TryGetValue(testCase, out var states) ? states : null;

    /// <summary>The <paramref name="invocation"/>-th answer of the mocked response <paramref name="responseName"/>.</summary>
    internal MockedResponse Respond(string testCase, string responseName, int invocation) =>
        Pick(Series(testCase, responseName), responseName, invocation);

    /// <summary>The answers of the mocked response <paramref name="responseName"/> by invocation range.</summary>
    internal List<(int From, int To, MockedResponse Response)> Series(string testCase, string responseName) =>
        _responses.TryGetValue(responseName, out var list) ? list
        : throw new InvalidOperationException($"MockConfigFile: test case {testCase} names mocked response '{responseName}', which MockedResponses does not define.");

    /// <summary>The answer for the <paramref name="invocation"/>-th call from one response's <paramref name="list"/>.</summary>
    internal static MockedResponse Pick(List<(int From, int To, MockedResponse Response)> list, string responseName, int invocation)
    {
        if (list.Count == 0)
            throw new InvalidOperationException($"MockConfigFile: mocked response '{responseName}' defines no invocation.");
        var last = list[0];
        foreach (var entry in list)
        {
            if (invocation >= entry.From && invocation <= entry.To) return entry.Response;
            if (entry.To >= last.To) last = entry;
        }
        // Past the last defined invocation the last response repeats, so a retried state does not fall off the mock.
        return last.Response;
    }

    private static (int, int) ParseRange(string range, string responseName)
    {
        var parts = range.Split('-');
        if (parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, out var n) && n >= 0))
        {
            var from = int.Parse(parts[0]);
            var to = parts.Length == 2 ? int.Parse(parts[1]) : from;
            if (to >= from) return (from, to);
        }
        throw new FormatException($"MockConfigFile: MockedResponses.{responseName} has invalid invocation key '{range}' (expected \"0\" or a range like \"1-2\").");
    }

    private static MockedResponse ParseResponse(JsonNode? body, string where)
    {
        if (body is not JsonObject obj) throw new FormatException($"MockConfigFile: {where} must be an object with Return or Throw.");
        if (obj.TryGetPropertyValue("Throw", out var thrown))
        {
            var error = thrown?["Error"]?.GetValue<string>() ?? throw new FormatException($"MockConfigFile: {where}.Throw needs Error.");
            return new MockedResponse(null, error, thrown?["Cause"]?.GetValue<string>());
        }
        if (obj.TryGetPropertyValue("Return", out var returned)) return new MockedResponse(returned?.DeepClone(), null, null);
        throw new FormatException($"MockConfigFile: {where} must have Return or Throw.");
    }
}
