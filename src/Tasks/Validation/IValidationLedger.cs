using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>
/// Where validation outcomes and the accepted profile live (the DynamoDB items <c>VALIDATION#&lt;runId&gt;</c> and
/// <c>PROFILE#ACCEPTED</c>). The next run reads the accepted profile for its drift and row-count-change rules.
/// </summary>
public interface IValidationLedger
{
    Task<TableProfile?> GetAcceptedProfileAsync(string pipeline, CancellationToken cancellationToken = default);
    Task RecordOutcomeAsync(string pipeline, string runId, ValidationOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken = default);
    Task AcceptProfileAsync(string pipeline, string runId, TableProfile profile, DateTimeOffset at, CancellationToken cancellationToken = default);
}
