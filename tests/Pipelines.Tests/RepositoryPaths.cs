namespace TrainingOrchestration.Pipelines.Tests;

/// <summary>Locates the repository (the folder holding TrainingOrchestration.sln) from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root => Repository.Root;

    public static string Pipelines => Path.Combine(Root, "pipelines");

    public static string GlueScript => Path.Combine(Root, "infra", "Features", "feature_job.py");

    public static string Workflow => Path.Combine(Root, "src", "StateMachine", "WORKFLOW.md");
}
