using System.Security.Cryptography;

namespace TrainingOrchestration.Cli.Tests.BadInput;

/// <summary>A throw-away copy of the churn pipeline to break, with fingerprints to prove a command changed nothing.</summary>
internal sealed class PipelineCopy : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("bad-input-");

    public PipelineCopy()
    {
        var source = Path.Combine(CliProcess.RepositoryRoot, "pipelines", "churn");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root => root.FullName;

    public string Pipelines => Path.Combine(root.FullName, "pipelines");

    public string Folder => Path.Combine(Pipelines, "churn");

    /// <summary>Path, size and SHA-256 of every file under <paramref name="folder"/> (links are not followed).</summary>
    public static IReadOnlyList<string> Fingerprint(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(path => new FileInfo(path) is { Exists: true, LinkTarget: null } file
                    ? $"{Path.GetRelativePath(folder, path)} {file.Length} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}"
                    : Path.GetRelativePath(folder, path))
                .ToList()
            : [];

    public void Dispose() => root.Delete(recursive: true);
}
