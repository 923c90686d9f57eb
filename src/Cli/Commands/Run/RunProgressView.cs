using Spectre.Console;
using TrainingOrchestration.LocalRuntime.Runs;

namespace TrainingOrchestration.Cli.Commands.Run;

/// <summary>Live progress, one line per state as it finishes (or fails), per execution, with the virtual time it took.</summary>
internal sealed class RunProgressView(IAnsiConsole console) : IProgress<RunProgress>
{
    private readonly object _gate = new();
    private readonly Dictionary<(string, string), DateTimeOffset> _entered = new();
    private readonly System.Diagnostics.Stopwatch _wall = System.Diagnostics.Stopwatch.StartNew();

    public void Report(RunProgress value)
    {
        lock (_gate)
        {
            var machine = Markup.Escape(value.StateMachine);
            switch (value.Kind)
            {
                case "ExecutionStarted":
                    console.MarkupLine($"[blue]▶ {machine}[/] [grey]{Markup.Escape(value.Execution)}[/]");
                    break;
                case "Entered" when value.State is not null:
                    _entered[(value.Execution, value.State)] = value.Timestamp;
                    break;
                case "Exited" when value.State is not null:
                    var took = _entered.Remove((value.Execution, value.State), out var at) ? value.Timestamp - at : TimeSpan.Zero;
                    console.MarkupLine($"  [green]✓[/] {machine} [bold]{Markup.Escape(value.State)}[/] [grey]{Format(took)} at {_wall.Elapsed.TotalSeconds:0.0}s[/]");
                    break;
                case "TaskFailed":
                    console.MarkupLine($"  [yellow]![/] {machine} {Markup.Escape(value.State ?? "task")} [yellow]{Markup.Escape(value.Detail ?? "failed")}[/]");
                    break;
                case "ExecutionSucceeded":
                    console.MarkupLine($"[green]■ {machine} succeeded[/]");
                    break;
                case "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted":
                    console.MarkupLine($"[red]■ {machine} {Markup.Escape(value.Kind["Execution".Length..].ToLowerInvariant())}[/] [red]{Markup.Escape(value.Detail ?? "")}[/]");
                    break;
            }
        }
    }

    public void Flush()
    {
        lock (_gate) { _entered.Clear(); }
    }

    private static string Format(TimeSpan span) =>
        span < TimeSpan.FromSeconds(1) ? "" : span < TimeSpan.FromMinutes(1) ? $"{span.TotalSeconds:0}s" : $"{span.TotalMinutes:0.#}m (virtual)";
}
