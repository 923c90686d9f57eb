using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Pipelines;
using YamlDotNet.Core;

namespace TrainingOrchestration.Cli.Errors;

/// <summary>
/// The CLI's last line of defence: an exception no command caught becomes one line saying what went wrong and what
/// to do, never a stack trace (the trace is printed only with <c>TO_DEBUG=1</c>). Errors a user can cause get exit
/// code 1 and their file/line where the exception carries one; anything else is a defect (exit 70, EX_SOFTWARE).
/// </summary>
internal static class UnexpectedErrorReport
{
    public const string DebugVariable = "TO_DEBUG";
    public const int UserError = 1;
    public const int InternalError = 70;
    public const int Cancelled = 130;

    public static int Write(Exception exception, TextWriter error, bool debug)
    {
        var (code, message) = Describe(exception is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : exception);
        error.WriteLine(message);
        if (debug) error.WriteLine(exception.ToString());
        else if (code == InternalError) error.WriteLine($"hint: this looks like a defect, not a problem with your input; run again with {DebugVariable}=1 for the details and report them.");
        return code;
    }

    public static bool DebugRequested() => Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true";

    private static (int Code, string Message) Describe(Exception e) => e switch
    {
        PipelineSpecException spec => (UserError, spec.Message),
        ContractException contract => (UserError, contract.Message),
        YamlException yaml => (UserError, $"error: line {yaml.Start.Line}, column {yaml.Start.Column}: not valid YAML: {FirstLine(yaml.InnerException?.Message ?? yaml.Message)} Fix the YAML at this position."),
        JsonException json => (UserError, $"error: {(json.LineNumber is { } l ? $"line {l + 1}, column {json.BytePositionInLine + 1}: " : "")}not valid JSON{(json.Path is { Length: > 0 } p ? $" at {p}" : "")}: {FirstLine(json.Message)}"),
        DuckDBException duck => (UserError, $"error: DuckDB: {FirstLine(duck.Message)}"),
        FileNotFoundException missing => (UserError, $"error: file not found: {missing.FileName ?? FirstLine(missing.Message)}. Check the path."),
        DirectoryNotFoundException folder => (UserError, $"error: {FirstLine(folder.Message)} Check the path."),
        UnauthorizedAccessException denied => (UserError, $"error: {FirstLine(denied.Message)} Check the permissions, and that a file was not given where a folder is expected (or the reverse)."),
        IOException io => (UserError, $"error: {FirstLine(io.Message)}"),
        RegexMatchTimeoutException regex => (UserError, $"error: the pattern '{regex.Pattern}' took longer than {regex.MatchTimeout.TotalSeconds:0.#}s on one value; simplify the pattern."),
        DecoderFallbackException => (UserError, "error: a file is not valid UTF-8. Save it as UTF-8."),
        OverflowException => (UserError, $"error: a number is too large: {FirstLine(e.Message)} Use a smaller value."),
        OperationCanceledException => (Cancelled, "cancelled."),
        _ => (InternalError, $"error: unexpected {e.GetType().Name}: {FirstLine(e.Message)}"),
    };

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }

    /// <summary>Whether <paramref name="text"/> holds a .NET stack trace line (how the bad-input tests detect one).</summary>
    public static bool HasStackTrace(string text) => text.Contains("\n   at ", StringComparison.Ordinal) || text.StartsWith("   at ", StringComparison.Ordinal);

}
