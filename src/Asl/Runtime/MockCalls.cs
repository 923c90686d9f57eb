using System.Runtime.InteropServices;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// One execution's view of its MockConfigFile test case: for each state, which mocked response answers it and how many
/// times it has been invoked ("0", "1-2"... count retries too). The test case is looked up once per execution and each
/// state once, so a mocked Task costs one dictionary lookup under an uncontended lock.
/// </summary>
internal sealed class MockCalls
{
    private readonly MockConfig _config;
    private readonly string _testCase;
    private readonly IReadOnlyDictionary<string, string>? _states;

    /// <summary>Per state: the response it names (null: not mocked), that response's answers and its invocations so far.</summary>
    private readonly Dictionary<string, (string? Response, List<(int From, int To, MockedResponse Response)>? Series, int Invocations)> _counters;

    public MockCalls(MockConfig config, string stateMachineName, string testCase)
    {
        _config = config;
        _testCase = testCase;
        _states = config.StatesOf(stateMachineName, testCase);
        _counters = new(_states?.Count ?? 0, StringComparer.Ordinal);
    }

    /// <summary>The response for the state's next invocation, or null when the test case does not mock the state.</summary>
    public MockedResponse? Next(string state)
    {
        if (_states is null) return null;
        lock (_counters)
        {
            ref var counter = ref CollectionsMarshal.GetValueRefOrAddDefault(_counters, state, out var exists);
            if (!exists) counter.Response = _states.TryGetValue(state, out var name) ? name : null;
            if (counter.Response is null) return null;
            // Looked up on the first call (an undefined response name throws on every call, as MockConfig.Find does).
            counter.Series ??= _config.Series(_testCase, counter.Response);
            var response = MockConfig.Pick(counter.Series, counter.Response, counter.Invocations);
            counter.Invocations++;
            return response;
        }
    }
}
