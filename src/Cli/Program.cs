using System.CommandLine;
using TrainingOrchestration.Cli.Commands;

// Each command lives in Commands/ and is registered here; keep this list the only shared edit point.
var root = new RootCommand("TrainingOrchestration: event-driven retraining of tabular models, on AWS or offline.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
