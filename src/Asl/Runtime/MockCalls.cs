namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// One execution's view of its MockConfigFile test case: for each state, which mocked response answers it and how many
/// times it has been invoked ("0", "1-2"... count retries too). The test case is looked up once per execution and each
/// state once, so a mocked Task costs one dictionary lookup under an uncontended lock.
/// </summary>
internal sealed class MockCalls(MockConfig config, string stateMachineName, string testCase)
{
    private readonly IReadOnlyDictionary<string, string>? _states = config.StatesOf(stateMachineName, testCase);
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>The response for the state's next invocation, or null when the test case does not mock the state.</summary>
    public MockedResponse? Next(string state)
    {
        if (_states is null) return null;
        lock (_counters)
        {
            if (!_counters.TryGetValue(state, out var counter))
            {
                counter = new Counter(_states.TryGetValue(state, out var responseName) ? responseName : null);
                _counters[state] = counter;
            }
            if (counter.ResponseName is null) return null;
            var response = config.Respond(testCase, counter.ResponseName, counter.Invocations);
            counter.Invocations++;
            return response;
        }
    }

    private sealed class Counter(string? responseName)
    {
        public string? ResponseName => responseName;
        public int Invocations;
    }
}
