namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// Profiles the CSV, plans the pipeline and writes its folder: pipeline.yaml, features.sql, contract.yaml, README.md,
/// sample/&lt;file&gt; and sample/event.json. Nothing is written if planning fails, and an existing folder is never overwritten.
/// </summary>
internal static class PipelineScaffold
{
    public static ScaffoldPlan Create(ScaffoldOptions options, string pipelinesRoot, DateTimeOffset now)
    {
        var folder = Path.Combine(pipelinesRoot, options.Pipeline);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new ScaffoldException($"{folder} already exists and is not empty; choose another name or remove the folder.");
        }
        var plan = ScaffoldPlanner.Plan(options, TableProfiler.Profile(options.CsvFile));
        var sampleFile = SqlNames.Identifier(Path.GetFileNameWithoutExtension(options.CsvFile)) + ".csv";

        var staging = Path.Combine(pipelinesRoot, $".{options.Pipeline}.new-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(Path.Combine(staging, "sample"));
            var lastRow = SampleWriter.Write(plan, Path.Combine(staging, "sample", sampleFile));
            File.WriteAllText(Path.Combine(staging, "sample", "event.json"), SampleEventWriter.Write(plan, lastRow, sampleFile, now));
            File.WriteAllText(Path.Combine(staging, "features.sql"), FeatureSqlWriter.Write(plan));
            File.WriteAllText(Path.Combine(staging, "contract.yaml"), ContractWriter.Write(plan));
            File.WriteAllText(Path.Combine(staging, "pipeline.yaml"), PipelineYamlWriter.Write(plan, sampleFile));
            File.WriteAllText(Path.Combine(staging, "README.md"), ReadmeWriter.Write(plan, sampleFile));
            if (Directory.Exists(folder)) Directory.Delete(folder);
            Directory.Move(staging, folder);
            return plan;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
