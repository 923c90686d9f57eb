using System.CommandLine;

namespace TrainingOrchestration.Cli.Commands;

/// <summary>The CLI's commands. Each area adds its command here in one line.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return Synth.SynthCommand.Create();
        yield return Asl.AslCommand.Create();
        yield return Validate.ValidateCommand.Create();
        yield return Run.RunCommand.Create();
        yield return Runs.RunsCommand.Create();
        yield return Models.ModelsCommand.Create();
        yield return Serve.ServeCommand.Create();
        yield return New.NewCommand.Create();
        yield return Dashboard.DashboardCommand.Create();
        yield return Alarms.AlarmsCommand.Create();
        yield return Simulate.SimulateCommand.Create();
        yield break;
    }
}
