using System.CommandLine;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Validation;
using TrainingOrchestration.Pipelines;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>
/// <c>validate PIPELINE [--pipelines DIR] [--data FILE]</c>: checks everything <c>synth</c> and <c>run</c> depend on
/// (<see cref="PipelineChecks"/>: the spec, the contract, the SQL's output over the sample, the label's values, the sample
/// event), every finding with file, line, column and what to do; with <c>--data</c> it also validates a feature table file.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline's folder name under pipelines/." };
        var pipelines = new Option<string?>("--pipelines") { Description = "The pipelines folder (default: ./pipelines, else the repository's)." };
        var data = new Option<string?>("--data") { Description = "A feature table (CSV with header, or Parquet) to validate against the contract." };
        var command = new Command("validate", "Check a pipeline's contract against its feature SQL, and optionally validate a data file.")
        {
            pipeline, pipelines, data,
        };
        command.SetAction((parse, ct) => Run(parse.GetValue(pipeline)!, parse.GetValue(pipelines), parse.GetValue(data), ct));
        return command;
    }

    private static async Task<int> Run(string name, string? pipelinesOption, string? data, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(PipelinesRoot(pipelinesOption), name);
        PipelineSpec spec;
        try
        {
            spec = PipelineSpecLoader.Load(folder);
        }
        catch (PipelineSpecException e)
        {
            foreach (var error in e.Errors) Console.Error.WriteLine(error);
            return 1;
        }
        var findings = PipelineChecks.Check(spec);
        foreach (var finding in findings) Console.Error.WriteLine(finding);
        if (findings.Count > 0)
        {
            Console.Error.WriteLine($"{name}: {findings.Count} problem{(findings.Count == 1 ? "" : "s")}; synth and run refuse this pipeline until they are fixed.");
            return 1;
        }
        var contract = ContractLoader.Load(spec.ContractFile);
        Console.WriteLine($"{Path.Combine(spec.Directory, PipelineSpecLoader.FileName)}: spec '{spec.Name}' ({spec.Tier.ToString().ToLowerInvariant()}), table '{spec.Source.Table}', objective {spec.Training.Hyperparameters.GetValueOrDefault("objective")}");
        Console.WriteLine($"{spec.ContractFile}: contract '{contract.Name}' v{contract.Version}, {contract.Columns.Count} columns, {contract.Rules.Count} rules");
        Console.WriteLine(spec.SampleDataFile is null
            ? $"{spec.Directory}: no sample data in pipeline.yaml; the feature SQL, key and label were not checked against it"
            : $"{spec.Features.SqlFile}: produces every contract column, the entity key '{spec.Features.EntityKey}' and label '{spec.Features.Label}' with trainable values over {Path.GetFileName(spec.SampleDataFile)}");
        if (spec.SampleEventFile is not null) Console.WriteLine($"{spec.SampleEventFile}: matches the change rule for table '{spec.Source.Table}'");
        return data is null ? 0 : await ValidateData(contract, data, cancellationToken);
    }

    private static async Task<int> ValidateData(Contracts.Model.DataContract contract, string data, CancellationToken cancellationToken)
    {
        var file = new FileInfo(data);
        if (!file.Exists)
        {
            Console.Error.WriteLine(Directory.Exists(data) ? $"{data}: --data: is a folder, not a file. Name one CSV or Parquet file." : $"{data}: --data: file not found. Check the path.");
            return 1;
        }
        var source = new TableSource(file.Name, file.Length, _ => Task.FromResult<Stream>(file.OpenRead()));
        var outcome = await new ContractValidator(contract).ValidateAsync([source], new ValidationInputs { Now = DateTimeOffset.UtcNow, JobRunExpected = false }, cancellationToken);
        foreach (var rule in outcome.Rules)
        {
            var mark = rule.Passed ? "ok  " : rule.Severity == Contracts.Model.Severity.Error ? "FAIL" : "warn";
            Console.WriteLine($"{mark} {rule.Rule,-40} {rule.Observed} (required {rule.Threshold}){(rule.Note is null ? "" : " — " + rule.Note)}");
            foreach (var example in rule.Examples) Console.WriteLine($"       {example.File} row {example.Row}: {example.Value}");
        }
        Console.WriteLine(outcome.Summary);
        return outcome.Passed ? 0 : 2;
    }

    private static string PipelinesRoot(string? option)
    {
        if (option is not null) return Path.GetFullPath(option);
        var local = Path.Combine(Directory.GetCurrentDirectory(), "pipelines");
        if (Directory.Exists(local)) return local;
        return Path.Combine(RepositoryRoot.TryFind(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory(), "pipelines");
    }
}
