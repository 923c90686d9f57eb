using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Tests.TemplateChecks;

/// <summary>
/// The README's <c>cd infra &amp;&amp; npx aws-cdk synth</c> works offline: the CLI is pinned in the root package.json
/// (installed by <c>npm ci</c>) and reads infra/cdk.json, which runs the app with <c>dotnet run</c>.
/// </summary>
public sealed class CdkCliSynthTests
{
    [Fact]
    public void Npx_aws_cdk_synth_from_infra_writes_one_template_per_pipeline_without_the_network()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        NodeTool.EnsureInstalled(root);
        var infra = Path.Combine(root, "infra");
        var outdir = Path.Combine(infra, "cdk.out");
        var started = DateTime.UtcNow.AddSeconds(-1);

        var result = NodeTool.Run("npx", ["--offline", "aws-cdk", "synth", "--quiet"], infra, TimeSpan.FromMinutes(9));

        Assert.True(result.ExitCode == 0, result.Both);
        var expected = Directory.GetDirectories(Path.Combine(root, "pipelines"))
            .Where(d => File.Exists(Path.Combine(d, "pipeline.yaml")))
            .Select(d => $"TrainingOrchestration-{Path.GetFileName(d)}.template.json")
            .Order(StringComparer.Ordinal);
        var written = Directory.GetFiles(outdir, "*.template.json")
            .Where(f => File.GetLastWriteTimeUtc(f) >= started)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, written);
    }
}
