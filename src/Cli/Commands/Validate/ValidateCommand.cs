using System.CommandLine;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>
/// <c>validate PIPELINE [--pipelines DIR] [--data FILE]</c>: checks pipelines/&lt;name&gt;/contract.yaml (every error
/// with file, line, column and rule), checks that every contract column is produced by the feature SQL (DuckDB
/// DESCRIBE over the sample), and with <c>--data</c> validates a feature table file (CSV or Parquet) against it.
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
        var contractFile = Path.Combine(folder, "contract.yaml");
        try
        {
            var contract = ContractLoader.Load(contractFile);
            Console.WriteLine($"{contractFile}: contract '{contract.Name}' v{contract.Version}, {contract.Columns.Count} columns, {contract.Rules.Count} rules");

            var sql = Path.Combine(folder, "features.sql");
            var sample = Directory.Exists(Path.Combine(folder, "sample")) ? Directory.GetFiles(Path.Combine(folder, "sample"), "*.csv").FirstOrDefault() : null;
            if (File.Exists(sql) && sample is not null)
            {
                var produced = FeatureSqlSchema.Describe(sql, sample);
                var errors = SchemaAgreement.Check(contract, produced, FeatureSqlSchema.AddedByJob);
                foreach (var error in errors) Console.Error.WriteLine(error);
                if (errors.Count > 0) return 1;
                Console.WriteLine($"{sql}: produces every contract column ({produced.Count} columns + {string.Join(", ", FeatureSqlSchema.AddedByJob)} from the job)");
            }
            else
            {
                Console.WriteLine($"{folder}: no features.sql and sample CSV; the SQL schema was not checked");
            }

            return data is null ? 0 : await ValidateData(contract, data, cancellationToken);
        }
        catch (ContractException e)
        {
            foreach (var error in e.Errors) Console.Error.WriteLine(error);
            return 1;
        }
    }

    private static async Task<int> ValidateData(Contracts.Model.DataContract contract, string data, CancellationToken cancellationToken)
    {
        var file = new FileInfo(data);
        if (!file.Exists)
        {
            Console.Error.WriteLine($"{data}: file not found");
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
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrainingOrchestration.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "pipelines");
    }
}
