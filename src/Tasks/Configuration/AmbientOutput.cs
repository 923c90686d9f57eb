using System.Text;

namespace TrainingOrchestration.Tasks.Configuration;

/// <summary>
/// A writer that forwards every write to <see cref="LambdaEnvironment.Output"/> as it is at that moment, so a
/// handler constructed once still logs into the scope of each invocation (the local runtime captures per call).
/// </summary>
public sealed class AmbientOutput : TextWriter
{
    public static readonly AmbientOutput Instance = new();

    private AmbientOutput() { }

    public override Encoding Encoding => Encoding.UTF8;
    public override void Write(char value) => LambdaEnvironment.Output.Write(value);
    public override void Write(string? value) => LambdaEnvironment.Output.Write(value);
    public override void WriteLine(string? value) => LambdaEnvironment.Output.WriteLine(value);
    public override void Flush() => LambdaEnvironment.Output.Flush();
}
