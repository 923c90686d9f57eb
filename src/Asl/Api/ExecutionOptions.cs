namespace TrainingOrchestration.Asl;

/// <summary>Per-execution options: which MockConfigFile test case mocks its Tasks.</summary>
/// <param name="MockConfig">A parsed MockConfigFile.</param>
/// <param name="TestCase">The test case (under the state machine's name in <paramref name="MockConfig"/>).</param>
/// <param name="MockStateMachineName">The state machine name to look up in the mock config; defaults to the state machine's own name.</param>
public sealed record ExecutionOptions(
    MockConfig? MockConfig = null,
    string? TestCase = null,
    string? MockStateMachineName = null);
