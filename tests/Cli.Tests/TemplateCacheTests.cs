using System.Diagnostics;
using TrainingOrchestration.Cli.Commands.Run;

namespace TrainingOrchestration.Cli.Tests;

/// <summary>A failed synthesis leaves no temporary folder behind, and one left by a killed synthesis is cleared by the next.</summary>
public sealed class TemplateCacheTests
{
    [Fact]
    public void A_failed_synthesis_removes_its_half_built_folder_and_clears_those_of_killed_processes()
    {
        var repository = Directory.CreateTempSubdirectory("template-cache-").FullName;
        try
        {
            var pipelines = Directory.CreateDirectory(Path.Combine(repository, "pipelines", "broken")).Parent!.FullName;
            File.WriteAllText(Path.Combine(pipelines, "broken", "pipeline.yaml"), "name: broken\nsource: [not, a, map\n");
            var synth = Directory.CreateDirectory(Path.Combine(repository, ".local", "synth")).FullName;
            var killed = Path.Combine(synth, "0123456789abcdef.building-" + DeadProcessId());
            Directory.CreateDirectory(Path.Combine(killed, "local-tasks-asset"));

            Assert.ThrowsAny<Exception>(() => TemplateCache.TemplateFor(repository, pipelines, "broken"));

            Assert.Empty(Directory.EnumerateFileSystemEntries(synth));
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
