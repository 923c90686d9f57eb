namespace TrainingOrchestration.Asl;

/// <summary>How a Task state waits for its service: the resource's suffix.</summary>
public enum IntegrationPattern
{
    RequestResponse,
    Sync,
    WaitForTaskToken,
}
