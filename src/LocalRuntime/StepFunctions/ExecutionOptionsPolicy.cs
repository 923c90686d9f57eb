using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.StepFunctions;

/// <summary>
/// Which MockConfigFile test case applies to the executions the runtime starts (by the bus, by another workflow's
/// StartExecution, or directly): the configured test case for every state machine the file defines it for, so a test
/// can make a Task of the training workflow misbehave while the event flows in through the trigger as on AWS.
/// </summary>
public sealed class ExecutionOptionsPolicy
{
    private readonly Dictionary<string, string> _testCases = new(StringComparer.Ordinal);

    public MockConfig? MockConfig { get; private set; }

    /// <summary>Applies <paramref name="testCase"/> of <paramref name="config"/> from now on (null clears it).</summary>
    public void Use(MockConfig? config, string? testCase)
    {
        MockConfig = config;
        _testCases.Clear();
        if (testCase is not null) _testCases["*"] = testCase;
    }

    /// <summary>Applies a test case to one state machine only, leaving the others unmocked.</summary>
    public void Use(MockConfig config, string stateMachineName, string testCase)
    {
        MockConfig = config;
        _testCases[stateMachineName] = testCase;
    }

    public ExecutionOptions? For(string stateMachineName)
    {
        if (MockConfig is null) return null;
        if (!_testCases.TryGetValue(stateMachineName, out var testCase) && !_testCases.TryGetValue("*", out testCase)) return null;
        return MockConfig.HasTestCase(stateMachineName, testCase) ? new ExecutionOptions(MockConfig, testCase) : null;
    }
}
