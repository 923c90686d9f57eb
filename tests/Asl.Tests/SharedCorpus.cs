namespace TrainingOrchestration.Asl.Tests;

/// <summary>Finds ../shared next to the repository (the folder holding TrainingOrchestration.sln).</summary>
internal static class SharedCorpus
{
    public static string? ConformanceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrainingOrchestration.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "asl"));
                return Directory.Exists(folder) ? folder : null;
            }
        }
        return null;
    }
}
