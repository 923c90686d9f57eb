using System.CommandLine;

namespace TrainingOrchestration.Cli.Commands.Asl;

/// <summary><c>asl run</c> and <c>asl test</c>: run a definition, or a conformance corpus, on the in-process engine.</summary>
internal static class AslCommand
{
    public static Command Create()
    {
        var command = new Command("asl", "Run Amazon States Language definitions on the in-process Step Functions engine.");
        command.Subcommands.Add(AslRunCommand.Create());
        command.Subcommands.Add(AslTestCommand.Create());
        return command;
    }
}
