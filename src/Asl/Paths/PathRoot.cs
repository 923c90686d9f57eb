namespace TrainingOrchestration.Asl.Paths;

internal enum PathRoot
{
    Input,
    Context,
    Variable,
}
