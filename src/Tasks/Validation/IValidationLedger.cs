using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>
/// Where validation outcomes and profiles live (the DynamoDB items <c>VALIDATION#&lt;runId&gt;</c>,
/// <c>PROFILE#&lt;runId&gt;</c> and <c>PROFILE#ACCEPTED</c>). The next run reads the accepted profile for its drift and
/// row-count-change rules; it moves only when a model is promoted (the workflow's <c>AcceptProfile</c> copies the
/// promoted run's profile), so slow drift accumulates against what the champion was trained on.
/// </summary>
public interface IValidationLedger
{
    Task<TableProfile?> GetAcceptedProfileAsync(string pipeline, CancellationToken cancellationToken = default);
    Task RecordOutcomeAsync(string pipeline, string runId, ValidationOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken = default);
    /// <summary>Keeps the profile of a run whose table passed, for promotion to accept.</summary>
    Task RecordProfileAsync(string pipeline, string runId, TableProfile profile, DateTimeOffset at, CancellationToken cancellationToken = default);
}
