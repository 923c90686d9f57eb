namespace TrainingOrchestration.LocalRuntime.Tests.Glue;

/// <summary>Finds the repository root (the folder holding TrainingOrchestration.sln) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root => Repository.Root;

    public static string Pipelines => Path.Combine(Root, "pipelines");

    public static string ChurnSample => Path.Combine(Pipelines, "churn", "sample", "customers.csv");

    public static string ChurnFixtureSql => Path.Combine(Root, "tests", "LocalRuntime.Tests", "Glue", "Fixtures", "churn-features.sql");
}
