namespace TrainingOrchestration.Infra;

/// <summary>Finds the repository root (the folder holding <c>TrainingOrchestration.sln</c>) by walking up from a path.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "TrainingOrchestration.sln";

    public static string? TryFind(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public static string Find(string start) => TryFind(start)
        ?? throw new DirectoryNotFoundException($"No {SolutionFile} found in '{Path.GetFullPath(start)}' or any parent folder; run from inside the repository.");

    /// <summary>The Glue feature job script, a CDK asset shared by every pipeline.</summary>
    public static string GlueScript(string root) => Path.Combine(root, "src", "StateMachine", "Assets", "glue", "feature_job.py");
}
