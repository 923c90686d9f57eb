using System.Text;

namespace TrainingOrchestration.Tasks.Configuration;

/// <summary>
/// A writer that forwards every write to <see cref="LambdaEnvironment.Output"/> (or, for <see cref="Metrics"/>,
/// <see cref="LambdaEnvironment.MetricsOutput"/>) as it is at that moment, so a handler constructed once still writes
/// into the scope of each invocation (the local runtime captures per call).
/// </summary>
public sealed class AmbientOutput : TextWriter
{
    /// <summary>The log lines' writer (the console the Lambda runtime formats).</summary>
    public static readonly AmbientOutput Instance = new(() => LambdaEnvironment.Output);

    /// <summary>The EMF lines' writer (raw standard output on Lambda).</summary>
    public static readonly AmbientOutput Metrics = new(() => LambdaEnvironment.MetricsOutput);

    private readonly Func<TextWriter> _target;

    private AmbientOutput(Func<TextWriter> target) => _target = target;

    public override Encoding Encoding => Encoding.UTF8;
    public override void Write(char value) => _target().Write(value);
    public override void Write(string? value) => _target().Write(value);
    public override void WriteLine(string? value) => _target().WriteLine(value);
    public override void Flush() => _target().Flush();
}
