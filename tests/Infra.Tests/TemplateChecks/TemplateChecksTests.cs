using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Infra.Tests.Support;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Tests.TemplateChecks;

/// <summary>
/// The synthesized templates pass AWS's own checks (tools/template-checks): @aws/cloudformation-validate,
/// asl-validator on every state machine, cdk-nag AwsSolutions and Serverless, with every kept finding acknowledged
/// in infra/template-acknowledgements.json.
/// </summary>
public sealed partial class TemplateChecksTests : IDisposable
{
    private readonly string _root = RepositoryRoot.Find(AppContext.BaseDirectory);
    private readonly string _work = Directory.CreateTempSubdirectory("template-checks-").FullName;

    private string Harness => Path.Combine(_root, "tools", "template-checks");

    [Fact]
    public void Every_template_of_the_repository_pipelines_passes_with_only_acknowledged_findings()
    {
        var outdir = Synthesize(Path.Combine(_root, "pipelines"), "repository");

        var result = Check(outdir);

        Assert.True(result.ExitCode == 0, result.Both);
        var stacks = Directory.GetFiles(outdir, "*.template.json").Length;
        var (passed, failed) = Totals(result.Output);
        Assert.Equal(0, failed);
        // Per stack: validator, cdk-nag, four workflows and the change Pipe's enrichment (both repository pipelines
        // read their changes through a Pipe); plus the acknowledgements.
        Assert.Equal(stacks * 7 + 1, passed);
    }

    [Fact]
    public void Every_template_of_the_fixture_pipelines_passes_too()
    {
        var outdir = Synthesize(SynthesizedPipelines.PipelinesRoot, "fixtures");

        var result = Check(outdir, acknowledgementsMayBeUnused: true);

        Assert.True(result.ExitCode == 0, result.Both);
    }

    [Fact]
    public void A_template_with_an_unknown_property_and_a_broken_state_machine_fails_the_checks()
    {
        var outdir = Synthesize(Path.Combine(_root, "pipelines"), "broken");
        var file = Directory.GetFiles(outdir, "*.template.json").Order(StringComparer.Ordinal).First();
        var template = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var resources = template["Resources"]!.AsObject();
        var bucket = resources.First(r => r.Value!["Type"]!.GetValue<string>() == "AWS::S3::Bucket").Value!;
        bucket["Properties"]!["VersioningConfigurations"] = new JsonObject { ["Status"] = "Enabled" };
        var trigger = resources.First(r => r.Value!["Type"]!.GetValue<string>() == "AWS::StepFunctions::StateMachine"
            && r.Value!["Properties"]!["StateMachineName"]!.GetValue<string>().EndsWith("-trigger", StringComparison.Ordinal)).Value!;
        var join = trigger["Properties"]!["DefinitionString"]!["Fn::Join"]![1]!.AsArray();
        join[0] = join[0]!.GetValue<string>().Replace("\"StartAt\":\"IsScheduledCheck?\"", "\"StartAt\":\"NoSuchState\"", StringComparison.Ordinal);
        File.WriteAllText(file, template.ToJsonString());

        var result = Check(outdir, acknowledgementsMayBeUnused: true);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("VersioningConfigurations", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"FAIL .* asl-validator .*-trigger", result.Output);
        Assert.Contains("NoSuchState", result.Output, StringComparison.Ordinal);
    }

    private NodeTool.Result Check(string outdir, bool acknowledgementsMayBeUnused = false)
    {
        NodeTool.EnsureInstalled(Harness);
        var arguments = new List<string> { "check-templates.js", outdir };
        if (acknowledgementsMayBeUnused)
        {
            arguments.Add("--allow-unused-acknowledgements");
        }

        return NodeTool.Run("node", arguments, Harness, TimeSpan.FromMinutes(5));
    }

    private string Synthesize(string pipelines, string name)
    {
        var asset = Directory.CreateDirectory(Path.Combine(_work, name, "tasks")).FullName;
        File.WriteAllText(Path.Combine(asset, "TrainingOrchestration.Tasks.dll"), "placeholder for the published task Lambdas");
        var outdir = Path.Combine(_work, name, "cdk.out");
        InfraApp.Build(new InfraAppOptions { PipelinesRoot = pipelines, OutDir = outdir, TasksAssetDirectory = asset, RepositoryRoot = _root }).Synth();
        return outdir;
    }

    private static (int Passed, int Failed) Totals(string output)
    {
        var match = TotalsLine().Match(output);
        Assert.True(match.Success, $"No totals line in:{Environment.NewLine}{output}");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    [GeneratedRegex(@"^template checks: (\d+) passed, (\d+) failed$", RegexOptions.Multiline)]
    private static partial Regex TotalsLine();

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
