using System.Text;

namespace TrainingOrchestration.Tasks.Configuration;

/// <summary>
/// The process's standard output stream, bypassing <see cref="Console.Out"/>. The .NET Lambda runtime replaces
/// <c>Console.Out</c> with a wrapper that formats every line for the function's log format: with
/// <c>LoggingConfig.LogFormat: JSON</c> a line becomes <c>{"timestamp","level","requestId","traceId","message":"&lt;line&gt;"}</c>
/// (aws/aws-lambda-dotnet, <c>Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/ConsoleLoggerWriter.cs</c>,
/// <c>WrapperTextWriter</c> with <c>Helpers/Logging/JsonLogMessageFormatter.cs</c>), and CloudWatch extracts Embedded Metric
/// Format only from a top-level <c>_aws</c> member, so a wrapped metric line is never a metric. Powertools for AWS Lambda
/// (.NET) writes its EMF the same way, to a writer over <see cref="Console.OpenStandardOutput()"/>
/// (aws-powertools/powertools-lambda-dotnet, <c>libraries/src/AWS.Lambda.Powertools.Common/Core/ConsoleWrapper.cs</c>).
/// </summary>
public static class RawStandardOutput
{
    private static readonly Lazy<TextWriter> Writer = new(() => TextWriter.Synchronized(
        new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true, NewLine = "\n" }));

    /// <summary>One writer per process; writes are synchronized and flushed line by line.</summary>
    public static TextWriter Instance => Writer.Value;
}
