using System.Security.Cryptography;
using System.Text;
using TrainingOrchestration.Cli.Commands.Synth;
using TrainingOrchestration.Infra;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.Run;

/// <summary>
/// Synthesizes the CDK app for local runs, once per distinct input: the key hashes every file under <c>pipelines/</c> and
/// the built assemblies that define the stacks, so an unchanged repository reuses <c>.local/synth/&lt;key&gt;/</c> and a
/// run starts in about a second instead of waiting for jsii. The Lambda code asset is a placeholder: locally the handlers
/// run in process from the built Tasks assembly, so publishing them for the zip would only cost time.
/// </summary>
internal static class TemplateCache
{
    private static readonly string[] StackAssemblies =
        ["TrainingOrchestration.Infra.dll", "TrainingOrchestration.StateMachine.dll", "TrainingOrchestration.Pipelines.dll", "TrainingOrchestration.Contracts.dll"];

    public static string TemplateFor(string repositoryRoot, string pipelinesRoot, string pipeline)
    {
        var directory = Path.Combine(repositoryRoot, ".local", "synth", Key(pipelinesRoot));
        var template = Path.Combine(directory, ResourceNames.TemplateFile(pipeline));
        if (File.Exists(template)) return template;

        RemoveAbandonedBuilds(Path.GetDirectoryName(directory)!);
        var building = directory + BuildingMarker + Environment.ProcessId;
        var placeholder = Path.Combine(building, "local-tasks-asset");
        Directory.CreateDirectory(placeholder);
        File.WriteAllText(Path.Combine(placeholder, "README.txt"),
            "Local runs invoke the task handlers in process; deploy with `synth` for the published Lambda code.\n");
        try
        {
            TemplateSynthesizer.Synthesize(new InfraAppOptions
            {
                PipelinesRoot = pipelinesRoot,
                OutDir = building,
                TasksAssetDirectory = placeholder,
                RepositoryRoot = repositoryRoot,
            });
        }
        catch
        {
            // A failed synthesis leaves nothing behind: the half-written assembly goes with it.
            Directory.Delete(building, recursive: true);
            throw;
        }
        try
        {
            Directory.Move(building, directory);
        }
        catch (IOException) when (Directory.Exists(directory))
        {
            Directory.Delete(building, recursive: true); // another run finished the same synthesis first
        }
        return File.Exists(template) ? template
            : throw new FileNotFoundException($"Synthesis produced no stack for pipeline {pipeline} (expected {template}).", template);
    }

    private const string BuildingMarker = ".building-";

    /// <summary>Removes what a synthesis killed mid-way left (its process is gone); a live one's folder stays.</summary>
    private static void RemoveAbandonedBuilds(string synthRoot)
    {
        if (!Directory.Exists(synthRoot)) return;
        foreach (var folder in Directory.EnumerateDirectories(synthRoot, "*" + BuildingMarker + "*"))
        {
            var pid = folder[(folder.LastIndexOf(BuildingMarker, StringComparison.Ordinal) + BuildingMarker.Length)..];
            if (!int.TryParse(pid, out var id) || IsRunning(id)) continue;
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Key(string pipelinesRoot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(pipelinesRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(pipelinesRoot, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        foreach (var assembly in StackAssemblies)
        {
            var path = Path.Combine(AppContext.BaseDirectory, assembly);
            if (File.Exists(path)) hash.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
