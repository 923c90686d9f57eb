using TrainingOrchestration.Infra;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.EndToEnd.Tests;

/// <summary>
/// A copy of pipelines/churn that deploys to endpoint <c>churn-scoring</c> (CANARY 50 %, five-minute waits, rollback on
/// any 5xx error) and whose only threshold is AUC ≥ 0.60, so a weak first model and a better second one both promote;
/// synthesized once for the deployment tests. The bundled churn stays without deployment (see WORKFLOW.md step 12b).
/// </summary>
public sealed class DeployingChurnFixture : IDisposable
{
    public const string Endpoint = "churn-scoring";

    private const string Deployment = """

        deployment:
          endpoint: churn-scoring
          instanceType: ml.m5.large
          instanceCount: 2
          trafficRouting:
            type: CANARY
            size: 50
            wait: 5m
          terminationWait: 2m
          maxExecutionTimeout: 1h
          autoRollback:
            max5xxErrors: 0
            maxModelLatencyMs: 500
        """;

    public DeployingChurnFixture()
    {
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        Root = Directory.CreateTempSubdirectory("deploying-churn-").FullName;
        var repository = ToolLocator.RepositoryRoot();
        var churn = Repository.CopyPipeline("churn", Path.Combine(Root, "pipelines"));
        var yaml = File.ReadAllText(Path.Combine(churn, "pipeline.yaml"))
            .Replace("auc: { min: 0.80 }", "auc: { min: 0.60 }", StringComparison.Ordinal)
            .Replace("    accuracy: { min: 0.75 }\n", "", StringComparison.Ordinal)
            .Replace("    log_loss: { max: 0.55 }\n", "", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(churn, "pipeline.yaml"), yaml + Deployment);
        Spec = PipelineSpecLoader.Load(churn);
        var asset = Directory.CreateDirectory(Path.Combine(Root, "tasks-asset")).FullName;
        File.WriteAllText(Path.Combine(asset, "README.txt"), "handlers run in process locally");
        var assembly = InfraApp.Build(new InfraAppOptions
        {
            PipelinesRoot = Path.Combine(Root, "pipelines"), OutDir = Path.Combine(Root, "cdk.out"), TasksAssetDirectory = asset, RepositoryRoot = repository,
        }).Synth();
        TemplatePath = Path.Combine(assembly.Directory, assembly.Stacks.Single(s => s.StackName == "TrainingOrchestration-churn").TemplateFile);
    }

    public string Root { get; }
    public PipelineSpec Spec { get; }
    public string TemplatePath { get; }

    /// <summary>The sample with every other row's label replaced by a seeded coin flip: a weak but better-than-chance model.</summary>
    public string WeakData() =>
        SessionSteps.ShuffleHalfTheLabels(Spec.SampleDataFile!, Path.Combine(Root, "weak", $"customers-{Guid.NewGuid():N}.csv"));

    /// <summary>The true sample, as a file of its own (staging replaces the raw data by content).</summary>
    public string TrueData()
    {
        var target = Path.Combine(Root, "true", "customers.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target)) File.Copy(Spec.SampleDataFile!, target);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
