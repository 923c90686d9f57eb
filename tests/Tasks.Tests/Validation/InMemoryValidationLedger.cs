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

    public Task AcceptProfileAsync(string pipeline, string runId, TableProfile profile, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        AcceptedProfileJson = ProfileSerializer.Serialize(profile);
        AcceptedRunId = runId;
        return Task.CompletedTask;
    }
}
