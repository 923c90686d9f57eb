using System.CommandLine;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Cli.Commands.Validate;
using TrainingOrchestration.Infra;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.Synth;

/// <summary><c>synth --out DIR [--pipelines DIR] [--tasks-asset DIR]</c>: writes every stack's template and prints the paths.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Directory for the cloud assembly; <Stack>.template.json per pipeline.", Required = true };
        var pipelines = new Option<string?>("--pipelines") { Description = "The pipelines folder (default: <repository>/pipelines)." };
        var tasksAsset = new Option<string?>("--tasks-asset")
        {
            Description = "Already published task Lambdas to use as the code asset (default: publish src/Tasks into <out>/assets/tasks when changed).",
        };
        var command = new Command("synth", "Synthesize the CloudFormation template of every pipeline's stack, without the aws-cdk CLI.")
        {
            output, pipelines, tasksAsset,
        };
        command.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(pipelines), parse.GetValue(tasksAsset)));
        return command;
    }

    private static int Run(string output, string? pipelines, string? tasksAsset)
    {
        try
        {
            var root = RepositoryRoot.TryFind(pipelines ?? Directory.GetCurrentDirectory())
                ?? RepositoryRoot.Find(AppContext.BaseDirectory);
            var pipelinesRoot = Path.GetFullPath(pipelines ?? Path.Combine(root, "pipelines"));
            CheckContractsAgainstFeatureSql(pipelinesRoot);
            var templates = TemplateSynthesizer.Synthesize(new InfraAppOptions
            {
                PipelinesRoot = pipelinesRoot,
                OutDir = Path.GetFullPath(output),
                TasksAssetDirectory = tasksAsset is null ? null : Path.GetFullPath(tasksAsset),
                RepositoryRoot = root,
            });
            foreach (var template in templates)
            {
                Console.WriteLine(template);
            }

            return 0;
        }
        catch (Exception e) when (e is PipelineSpecException or ContractException or FileNotFoundException or DirectoryNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine($"synth failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>Refuses to synthesize any stack whose pipeline <c>validate</c> refuses, with the same messages.</summary>
    private static void CheckContractsAgainstFeatureSql(string pipelinesRoot)
    {
        var refused = PipelineCatalog.Discover(pipelinesRoot).Where(spec => Validate.PipelineChecks.Refuse(spec, Console.Error)).Select(s => s.Name).ToList();
        if (refused.Count > 0) throw new InvalidOperationException($"{string.Join(", ", refused)}: fix the problems above (`validate <pipeline>` lists them).");
    }
}
