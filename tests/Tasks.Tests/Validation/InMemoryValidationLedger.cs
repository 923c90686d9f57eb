using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Validation;
using TrainingOrchestration.Tasks.Validation;

namespace TrainingOrchestration.Tasks.Tests.Validation;

/// <summary>The ledger as a dictionary, storing the profile as JSON so the round trip is the real one.</summary>
internal sealed class InMemoryValidationLedger : IValidationLedger
{
    public Dictionary<string, ValidationOutcome> Outcomes { get; } = [];
    public string? AcceptedProfileJson { get; private set; }
    public string? AcceptedRunId { get; private set; }

    public Task<TableProfile?> GetAcceptedProfileAsync(string pipeline, CancellationToken cancellationToken = default) =>
        Task.FromResult(AcceptedProfileJson is null ? null : ProfileSerializer.Deserialize(AcceptedProfileJson));

    public Task RecordOutcomeAsync(string pipeline, string runId, ValidationOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Outcomes[$"{pipeline}/{runId}"] = outcome;
        return Task.CompletedTask;
    }

    public Dictionary<string, string> Profiles { get; } = [];

    public Task RecordProfileAsync(string pipeline, string runId, TableProfile profile, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Profiles[runId] = ProfileSerializer.Serialize(profile);
        return Task.CompletedTask;
    }

    /// <summary>What the workflow's AcceptProfile does when <paramref name="runId"/>'s model is promoted.</summary>
    public void Accept(string runId)
    {
        AcceptedProfileJson = Profiles[runId];
        AcceptedRunId = runId;
    }
}
