namespace TrainingOrchestration.Asl;

public enum StateMachineType
{
    Standard,
    Express,
}
