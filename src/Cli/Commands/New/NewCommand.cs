using System.CommandLine;
using TrainingOrchestration.Infra;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Cli.Commands.New;

/// <summary>
/// <c>new PIPELINE --from-csv FILE --label COLUMN [--problem-type TYPE] [--positive VALUE] [--key COLUMN] [--cdc KIND] [--pipelines DIR]</c>:
/// profiles a CSV of the source table and writes a complete pipeline folder that passes <c>validate</c> and <c>run</c>
/// as it is, so onboarding a table starts from a working pipeline instead of a blank page.
/// </summary>
internal static class NewCommand
{
    private static readonly Dictionary<string, CdcKind> Kinds = new(StringComparer.Ordinal)
    {
        ["dynamodb-stream"] = CdcKind.DynamoDbStream, ["debezium"] = CdcKind.Debezium, ["s3-files"] = CdcKind.S3Files,
    };

    private static readonly Dictionary<string, ProblemType> Types = new(StringComparer.Ordinal)
    {
        ["binary"] = ProblemType.Binary, ["regression"] = ProblemType.Regression, ["multiclass"] = ProblemType.Multiclass,
    };

    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The new pipeline's name (lower case, digits and hyphens): its folder under pipelines/." };
        var csv = new Option<FileInfo>("--from-csv") { Description = "A CSV of the source table (header row, comma-separated, double-quoted text).", Required = true };
        var label = new Option<string>("--label") { Description = "The column to predict: two values (binary), 3-20 classes (multi-class) or numbers with many values (regression).", Required = true };
        var problemType = new Option<string?>("--problem-type") { Description = "binary, regression or multiclass (default: decided from the label column's values)." };
        problemType.AcceptOnlyFromAmong([.. Types.Keys]);
        var positive = new Option<string?>("--positive") { Description = "The label value that means the positive class (default: 1, yes or true)." };
        var key = new Option<string?>("--key") { Description = "The entity key column (default: a unique id-like column, else one is added)." };
        var cdc = new Option<string>("--cdc") { Description = "How changes arrive: dynamodb-stream, debezium or s3-files.", DefaultValueFactory = _ => "dynamodb-stream" };
        cdc.AcceptOnlyFromAmong([.. Kinds.Keys]);
        var pipelines = new Option<DirectoryInfo?>("--pipelines") { Description = "The pipelines folder (default: <repository>/pipelines)." };
        var command = new Command("new", "Create a pipeline folder from a CSV of the source table: spec, feature SQL, contract, sample and sample event.")
        {
            pipeline, csv, label, problemType, positive, key, cdc, pipelines,
        };
        command.SetAction(parse => Execute(
            new ScaffoldOptions(parse.GetValue(pipeline)!, parse.GetValue(csv)!.FullName, parse.GetValue(label)!, parse.GetValue(positive),
                parse.GetValue(key), Kinds[parse.GetValue(cdc)!])
            {
                ProblemType = parse.GetValue(problemType) is { } type ? Types[type] : null,
            },
            parse.GetValue(pipelines)?.FullName));
        return command;
    }

    private static int Execute(ScaffoldOptions options, string? pipelinesOption)
    {
        try
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(options.Pipeline, "^[a-z][a-z0-9-]{0,31}$"))
            {
                throw new ScaffoldException($"pipeline name '{options.Pipeline}': use 1-32 lower-case letters, digits and hyphens, starting with a letter (it becomes part of stack, job and state machine names).");
            }
            if (!File.Exists(options.CsvFile)) throw new ScaffoldException($"{options.CsvFile}: --from-csv file not found.");
            var root = pipelinesOption
                ?? Path.Combine(RepositoryRoot.TryFind(Directory.GetCurrentDirectory()) ?? RepositoryRoot.Find(AppContext.BaseDirectory), "pipelines");
            var plan = PipelineScaffold.Create(options, root, DateTimeOffset.UtcNow);
            var folder = Shown(Path.Combine(root, options.Pipeline));
            Console.WriteLine($"Created {folder}/ from {plan.Profile.Rows:N0} rows of {Path.GetFileName(options.CsvFile)}:");
            Console.WriteLine($"  entity key  {plan.Key.How}");
            Console.WriteLine($"  model       {ProblemTypes.Describe(plan.Label.Type)}");
            Console.WriteLine($"  label       {plan.Label.Describe()}");
            Console.WriteLine($"  features    {plan.Features.Count} columns");
            foreach (var (column, reason) in plan.Dropped) Console.WriteLine($"  left out    {column}: {reason}");
            var pipelinesArgument = pipelinesOption is null ? "" : $" --pipelines {Shown(root)}";
            Console.WriteLine($"Next: dotnet run --project src/Cli -- validate {options.Pipeline}{pipelinesArgument}");
            Console.WriteLine($"      dotnet run --project src/Cli -- run {options.Pipeline}{pipelinesArgument}");
            return 0;
        }
        catch (ScaffoldException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            Console.Error.WriteLine($"{options.CsvFile}: cannot be read as a comma-separated file with a header row: {e.Message.Split('\n')[0]}");
            return 2;
        }
    }

    /// <summary>A path relative to the working directory when it lies under it, else absolute.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path) : relative;
    }
}
