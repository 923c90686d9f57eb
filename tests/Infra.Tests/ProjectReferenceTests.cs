using System.Xml.Linq;
using TrainingOrchestration.Infra;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Tests;

/// <summary>
/// References go one way: leaf libraries (Pipelines, Contracts, Asl) &lt;- workflow definitions (StateMachine) &lt;-
/// stacks (infra) &lt;- the CDK app and the CLI. No product project references a test or bench project or an
/// executable, and the Lambda assembly references only what it runs with.
/// </summary>
public class ProjectReferenceTests
{
    private static readonly string Root = Repository.Root;

    private static readonly string[] Products = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
        .Concat(Directory.GetFiles(Path.Combine(Root, "infra"), "*.csproj", SearchOption.AllDirectories))
        .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
        .ToArray();

    [Fact]
    public void No_product_project_references_a_test_or_bench_project()
    {
        var wrong = Products.SelectMany(p => References(p).Select(r => (Project: Relative(p), Reference: Relative(r))))
            .Where(x => x.Reference.StartsWith("tests/", StringComparison.Ordinal) || x.Reference.StartsWith("bench/", StringComparison.Ordinal))
            .ToList();

        Assert.True(Products.Length >= 8, $"found only {Products.Length} product projects under src/ and infra/");
        Assert.Empty(wrong);
    }

    [Fact]
    public void No_product_project_references_an_executable()
    {
        var wrong = Products
            .SelectMany(p => References(p).Where(IsExecutable).Select(r => $"{Relative(p)} -> {Relative(r)}"))
            .ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("src/Pipelines/Pipelines.csproj", new string[0])]
    [InlineData("src/Contracts/Contracts.csproj", new string[0])]
    [InlineData("src/Asl/Asl.csproj", new string[0])]
    [InlineData("src/StateMachine/StateMachine.csproj", new[] { "src/Pipelines/Pipelines.csproj" })]
    [InlineData("src/Tasks/Tasks.csproj", new[] { "src/Contracts/Contracts.csproj", "src/Pipelines/Pipelines.csproj" })]
    [InlineData("infra/Infra.csproj", new[] { "src/Contracts/Contracts.csproj", "src/Pipelines/Pipelines.csproj", "src/StateMachine/StateMachine.csproj" })]
    [InlineData("infra/CdkApp/CdkApp.csproj", new[] { "infra/Infra.csproj" })]
    public void Each_layer_references_only_the_layers_below_it(string project, string[] expected)
    {
        var actual = References(Path.Combine(Root, project)).Select(Relative).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), actual);
    }

    private static IEnumerable<string> References(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(e => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, e.Attribute("Include")!.Value.Replace('\\', '/'))));

    private static bool IsExecutable(string project) =>
        XDocument.Load(project).Descendants("OutputType").Any(e => e.Value.Trim().Equals("Exe", StringComparison.OrdinalIgnoreCase));

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
