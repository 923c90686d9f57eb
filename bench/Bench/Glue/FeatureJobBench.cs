using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime;
using TrainingOrchestration.LocalRuntime.Glue;
using TrainingOrchestration.LocalRuntime.Templates;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Bench.Glue;

/// <summary>
/// Suite <c>feature-job</c>: the local feature job (the Glue stand-in) on the churn sample scaled to N rows, as
/// <c>bench/run-pipeline.sh</c> scales it (the sample's rows repeated under new customer ids <c>C%07d</c>), landed as
/// the raw CSV the local run lands; the job runs with the arguments the local run gives it: the Glue job's default
/// arguments and the <c>BuildFeatures</c> state's arguments, both read from the churn stack's synthesized template
/// (the CLI's cache, <c>.local/synth/</c>), overlaid by <see cref="LocalGlueService"/>. Prints wall time, CPU seconds,
/// peak RSS and each phase's time. Usage: <c>feature-job [--rows 10000000] [--runs 1] [--template FILE] [--keep DIR]</c>
/// (<c>--keep</c>: the last run's workspace is moved to DIR, to compare its outputs).
/// </summary>
internal static class FeatureJobBench
{
    private const string RunId = "20261123T0810-bench0";

    public static Task<int> Run(string[] args)
    {
        var rows = long.Parse(BenchHost.Option(args, "--rows") ?? "10000000", CultureInfo.InvariantCulture);
        var runs = int.Parse(BenchHost.Option(args, "--runs") ?? "1", CultureInfo.InvariantCulture);
        var root = BenchHost.RepositoryRoot();
        var template = BenchHost.Option(args, "--template") ?? NewestTemplate(root);
        if (template is null)
        {
            Console.Error.WriteLine($"No synthesized churn template under {Path.Combine(root, ".local", "synth")}: run `dotnet run --project src/Cli -- run churn` once (it synthesizes and caches it), or pass --template FILE.");
            return Task.FromResult(2);
        }
        // Loaded as the local cloud loads it (LocalCloud.StartAsync), with its default region, account and source parameters.
        var local = new LocalCloudOptions { TemplatePaths = [template], Workspace = "" };
        var stack = StackTemplateLoader.Load(template, new StackEnvironment(LocalCloud.StackNameOf(template), local.Region, local.AccountId)
        {
            Parameters = LocalRuntime.Ingress.LocalSourceParameters.For(local.Region, local.AccountId),
        });
        var job = GlueJobDefinition.FromTemplate(stack.OfType("AWS::Glue::Job").Single());
        var runArguments = BuildFeaturesArguments(stack, RunId);
        var bucket = runArguments["--bucket"];
        var table = runArguments["--source_table"];

        var directory = Directory.CreateTempSubdirectory("feature-job-bench-").FullName;
        try
        {
            var csv = Path.Combine(directory, $"customers-{rows}.csv");
            var stopwatch = Stopwatch.StartNew();
            ScaledChurn.Write(Path.Combine(root, "pipelines", "churn", "sample", "customers.csv"), csv, rows);
            Console.WriteLine($"feature-job: {rows:N0} rows ({new FileInfo(csv).Length / 1e6:F0} MB CSV, written in {stopwatch.Elapsed.TotalSeconds:F1} s), " +
                $"job {job.Name}, --output_parts {job.DefaultArguments.GetValueOrDefault("--output_parts", "1")}, template {template}");
            string? workspace = null;
            for (var run = 1; run <= runs; run++)
            {
                workspace = Path.Combine(directory, $"run-{run}");
                // As the local cloud deploys the stack: its buckets, and its assets (the feature SQL) staged.
                var buckets = new LocalRuntime.S3.LocalBuckets(Path.Combine(workspace, "s3"));
                foreach (var resource in stack.OfType("AWS::S3::Bucket")) buckets.CreateBucket(resource.Name);
                AssetStager.Stage(stack, buckets);
                var raw = Path.Combine(workspace, "s3", bucket, BucketLayout.RawTable(table).Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(raw);
                File.Copy(csv, Path.Combine(raw, Path.GetFileName(csv)));
                Measure(run, workspace, root, job, runArguments);
                if (run < runs) Directory.Delete(workspace, recursive: true);
            }
            if (BenchHost.Option(args, "--keep") is { } keep && workspace is not null)
            {
                if (Directory.Exists(keep)) Directory.Delete(keep, recursive: true);
                Directory.Move(workspace, keep);
                Console.WriteLine($"outputs kept in {keep}");
            }
            return Task.FromResult(0);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Measure(int run, string workspace, string root, GlueJobDefinition job, Dictionary<string, string> runArguments)
    {
        var phases = new List<(string Name, TimeSpan Time)>();
        var runner = new FeatureJobRunner(Path.Combine(workspace, "s3"), Path.Combine(workspace, "glue", "bookmarks"), Path.Combine(root, "pipelines"),
            Path.Combine(workspace, "glue", "catalog"), Path.Combine(workspace, "glue", "spill")) { PhaseTimed = (name, time) => phases.Add((name, time)) };
        var glue = new LocalGlueService(runner, new Dictionary<string, GlueJobDefinition> { [job.Name] = job });
        PeakRss.Reset();
        var cpu = CpuTime.Now();
        var stopwatch = Stopwatch.StartNew();
        var jobRun = glue.StartJobRun(job.Name, runArguments, DateTimeOffset.UtcNow);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var cpuSeconds = CpuTime.Now() - cpu;
        var peak = PeakRss.Megabytes();
        if (jobRun.JobRunState != "SUCCEEDED")
        {
            throw new InvalidOperationException($"the feature job failed: {jobRun.ErrorMessage}");
        }
        var rows = jobRun.Outcome!.Rows;
        Console.WriteLine($"run {run}: wall {wall:F1} s, CPU {cpuSeconds:F1} s, peak RSS {peak} MB, rows {rows.Table:N0} " +
            $"(train {rows.Train:N0}, validation {rows.Validation:N0}, test {rows.Test:N0}), load average {BenchHost.LoadAverage()}");
        foreach (var (name, time) in phases) Console.WriteLine($"  {name,-26} {time.TotalSeconds,7:F1} s");
    }

    /// <summary>
    /// The <c>BuildFeatures</c> task's <c>Arguments</c> in the training state machine, its one path (<c>$.runId</c>)
    /// given <paramref name="runId"/>: what the workflow passes to <c>glue:startJobRun</c>.
    /// </summary>
    private static Dictionary<string, string> BuildFeaturesArguments(LoadedStack stack, string runId)
    {
        foreach (var machine in stack.OfType("AWS::StepFunctions::StateMachine"))
        {
            var state = FindState(JsonNode.Parse(LocalCloud.DefinitionOf(machine)), "BuildFeatures");
            if (state?["Parameters"]?["Arguments"] is not JsonObject arguments) continue;
            return arguments.ToDictionary(
                a => a.Key.EndsWith(".$", StringComparison.Ordinal) ? a.Key[..^2] : a.Key,
                a => a.Key.EndsWith(".$", StringComparison.Ordinal)
                    ? a.Value!.GetValue<string>() == "$.runId" ? runId : throw new InvalidOperationException($"BuildFeatures argument {a.Key} reads {a.Value}, which the bench does not provide")
                    : a.Value!.GetValue<string>(), StringComparer.Ordinal);
        }
        throw new InvalidOperationException("no state machine of the template has a BuildFeatures state with Arguments");
    }

    private static JsonNode? FindState(JsonNode? node, string name) => node switch
    {
        JsonObject o when o["States"] is JsonObject states && states[name] is JsonObject found => found,
        JsonObject o => o.Select(p => FindState(p.Value, name)).FirstOrDefault(s => s is not null),
        JsonArray a => a.Select(e => FindState(e, name)).FirstOrDefault(s => s is not null),
        _ => null,
    };

    private static string? NewestTemplate(string root)
    {
        var synth = Path.Combine(root, ".local", "synth");
        if (!Directory.Exists(synth)) return null;
        return Directory.EnumerateFiles(synth, "TrainingOrchestration-churn.template.json", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
    }
}
