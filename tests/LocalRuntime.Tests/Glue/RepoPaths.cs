using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Tests.Glue;

/// <summary>Finds the repository root (the folder holding TrainingOrchestration.sln) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Pipelines => Path.Combine(Root, "pipelines");

    public static string ChurnSample => Path.Combine(Pipelines, "churn", "sample", "customers.csv");

    public static string ChurnFixtureSql => Path.Combine(Root, "tests", "LocalRuntime.Tests", "Glue", "Fixtures", "churn-features.sql");

    private static string FindRoot() =>
        RepositoryRoot.TryFind(AppContext.BaseDirectory) ?? RepositoryRoot.Find(Path.GetDirectoryName(SourceFile())!);

    /// <summary>Where this file was compiled from: finds the repository when the tests run from another output folder.</summary>
    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
