using System.CommandLine;
using Spectre.Console;
using TrainingOrchestration.Cli.Commands;
using TrainingOrchestration.Cli.Errors;

// Output to a pipe or a file is read by scripts and people later: never wrapped at the 80 columns Spectre assumes there.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 400;

// Each command lives in Commands/ and is registered here; keep this list the only shared edit point.
var root = new RootCommand("TrainingOrchestration: event-driven retraining of tabular models, on AWS or offline.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
// No exception reaches the user as a stack trace: anything a command did not catch becomes one line and a hint.
try
{
    // Ctrl+C and SIGTERM cancel the command's token and give it this long to stop cleanly (a run stops its executions and
    // records them) before the process exits with 130 or 143; System.CommandLine 2.0.0 leaves the timeout null, and
    // without one the signal kills the process at once (https://github.com/dotnet/command-line-api/issues/2739).
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration
    {
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
    });
}
catch (Exception e)
{
    return UnexpectedErrorReport.Write(e, Console.Error, UnexpectedErrorReport.DebugRequested());
}
