using System.Text.Json.Nodes;
using TrainingOrchestration.Infra;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// Synthesizes the real CDK app once for all end-to-end tests (jsii takes seconds) and starts a fresh local account
/// per test from the churn stack's template, so tests share the template but never each other's state.
/// </summary>
public sealed class ChurnStackFixture : IDisposable
{
    public ChurnStackFixture()
    {
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        var root = ToolLocator.RepositoryRoot();
        PipelinesRoot = Path.Combine(root, "pipelines");
        Spec = PipelineSpecLoader.Load(Path.Combine(PipelinesRoot, "churn"));
        Directory = System.IO.Directory.CreateTempSubdirectory("localruntime-e2e-").FullName;
        var placeholder = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "tasks-asset")).FullName;
        File.WriteAllText(Path.Combine(placeholder, "README.txt"), "handlers run in process locally");
        var assembly = InfraApp.Build(new InfraAppOptions
        {
            PipelinesRoot = PipelinesRoot,
            OutDir = Path.Combine(Directory, "cdk.out"),
            TasksAssetDirectory = placeholder,
            RepositoryRoot = root,
        }).Synth();
        var stack = assembly.Stacks.Single(s => s.StackName == "TrainingOrchestration-churn");
        TemplatePath = Path.Combine(assembly.Directory, stack.TemplateFile);
        _templates = assembly.Stacks.ToDictionary(s => s.StackName, s => Path.Combine(assembly.Directory, s.TemplateFile));
        SampleEvent = JsonNode.Parse(File.ReadAllText(Spec.SampleEventFile!))!.AsObject();
    }

    private readonly Dictionary<string, string> _templates;

    public string PipelinesRoot { get; }
    public PipelineSpec Spec { get; }
    public string Directory { get; }
    public string TemplatePath { get; }
    public JsonObject SampleEvent { get; }

    /// <summary>A new local account with the churn stack deployed, its clock at the sample event's time.</summary>
    public async Task<PipelineSession> StartAsync(string? workspace = null)
    {
        var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            TemplatePaths = [TemplatePath],
            Workspace = workspace ?? System.IO.Directory.CreateTempSubdirectory("localruntime-ws-").FullName,
            StartTime = DateTimeOffset.Parse(SampleEvent["time"]!.GetValue<string>()),
            PipelinesRoot = PipelinesRoot,
        });
        return new PipelineSession(cloud, Spec);
    }

    /// <summary>
    /// A new local account with another bundled pipeline's stack deployed (the same synthesized app), its clock at that
    /// pipeline's sample event time: how the regression and multi-class pipelines run end to end.
    /// </summary>
    public async Task<PipelineSession> StartPipelineAsync(string pipeline, string? workspace = null)
    {
        var spec = PipelineSpecLoader.Load(Path.Combine(PipelinesRoot, pipeline));
        var sampleEvent = JsonNode.Parse(File.ReadAllText(spec.SampleEventFile!))!.AsObject();
        var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            TemplatePaths = [_templates[Pipelines.Conventions.ResourceNames.Stack(pipeline)]],
            Workspace = workspace ?? System.IO.Directory.CreateTempSubdirectory("localruntime-ws-").FullName,
            StartTime = DateTimeOffset.Parse(sampleEvent["time"]!.GetValue<string>()),
            PipelinesRoot = PipelinesRoot,
        });
        return new PipelineSession(cloud, spec);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
