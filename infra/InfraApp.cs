using Amazon.CDK;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra;

/// <summary>
/// The CDK app: one <see cref="TrainingStack"/> per pipeline folder. Used by <c>infra/CdkApp/Program.cs</c> (so
/// <c>npx aws-cdk synth</c> works from infra/) and by the CLI's <c>synth</c> command, which writes the templates
/// without the aws-cdk CLI. A bad pipeline spec or contract fails synthesis with the loader's message.
/// </summary>
public static class InfraApp
{
    public static App Build(string pipelinesRoot, string outdir) => Build(new InfraAppOptions { PipelinesRoot = pipelinesRoot, OutDir = outdir });

    public static App Build(InfraAppOptions options)
    {
        var specs = PipelineCatalog.Discover(options.PipelinesRoot);
        return Build(specs, options);
    }

    /// <summary>Builds the app from specs already loaded (tests build specs in code).</summary>
    public static App Build(IReadOnlyList<PipelineSpec> specs, InfraAppOptions options)
    {
        EnsureDistinctJobPrefixes(specs);
        foreach (var spec in specs)
        {
            // Throws ContractException naming file, line and rule; a bad contract must not deploy.
            ContractLoader.Load(spec.ContractFile);
        }

        var root = options.RepositoryRoot ?? RepositoryRoot.Find(options.PipelinesRoot);
        var outdir = Path.GetFullPath(options.OutDir);
        var tasks = options.TasksAssetDirectory ?? TasksAsset.EnsurePublished(root, Path.Combine(outdir, "assets", "tasks"));
        if (IsWithin(outdir, Path.GetFullPath(tasks)))
        {
            // CDK copies the asset into the output directory; an asset that contains it would copy itself forever.
            throw new InvalidOperationException($"The task Lambdas asset '{tasks}' contains the output directory '{outdir}'; choose separate folders.");
        }

        var app = new App(new AppProps { Outdir = outdir });
        foreach (var spec in specs)
        {
            _ = new TrainingStack(app, spec, tasks, Features.FeatureJob.ScriptPath(root));
        }

        return app;
    }

    private static bool IsWithin(string path, string folder) =>
        (path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar)
            .StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The callback rule matches training jobs by the prefix <c>&lt;pipeline&gt;-</c>; a pipeline named like another
    /// plus a hyphen (churn and churn-eu) would receive the other's job events.
    /// </summary>
    private static void EnsureDistinctJobPrefixes(IReadOnlyList<PipelineSpec> specs)
    {
        foreach (var a in specs)
        {
            foreach (var b in specs.Where(b => b != a && b.Name.StartsWith(a.Name + "-", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException(
                    $"Pipeline '{b.Name}' ({b.Directory}) starts with '{a.Name}-', so its training jobs would match pipeline '{a.Name}''s callback rule. Rename one of them.");
            }
        }
    }
}
