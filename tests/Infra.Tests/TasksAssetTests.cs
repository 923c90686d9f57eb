namespace TrainingOrchestration.Infra.Tests;

public sealed class TasksAssetTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("infra-asset-").FullName;

    private string WriteProject()
    {
        var project = Path.Combine(_root, "src", "Tasks");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Tasks.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup></Project>");
        File.WriteAllText(Path.Combine(project, "Handler.cs"), "class Handler { // does not compile, so a publish attempt fails fast");
        var lib = Path.Combine(_root, "src", "Lib");
        Directory.CreateDirectory(lib);
        File.WriteAllText(Path.Combine(lib, "Lib.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        File.WriteAllText(Path.Combine(lib, "Lib.cs"), "class Lib {}");
        return Path.Combine(_root, "out", "tasks");
    }

    [Fact]
    public void An_up_to_date_publish_is_reused_without_running_dotnet()
    {
        var output = WriteProject();
        Directory.CreateDirectory(output);
        File.WriteAllText(output + TasksAsset.StampSuffix, "published");

        var result = TasksAsset.EnsurePublished(_root, output);

        Assert.Equal(output, result);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public void A_change_in_a_referenced_project_makes_the_publish_stale()
    {
        var output = WriteProject();
        Directory.CreateDirectory(output);
        File.WriteAllText(output + TasksAsset.StampSuffix, "published");
        File.SetLastWriteTimeUtc(output + TasksAsset.StampSuffix, DateTime.UtcNow.AddMinutes(-5));

        // The fake projects cannot build, so a publish attempt surfaces as the publish failure.
        var error = Assert.Throws<InvalidOperationException>(() => TasksAsset.EnsurePublished(_root, output));

        Assert.Contains("Publishing the task Lambdas failed", error.Message);
    }

    [Fact]
    public void A_missing_tasks_project_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TasksAsset.EnsurePublished(_root, Path.Combine(_root, "out")));

        Assert.Contains(Path.Combine("src", "Tasks", "Tasks.csproj"), error.Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
