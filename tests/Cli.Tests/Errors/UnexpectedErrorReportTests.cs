using System.Text.Json;
using TrainingOrchestration.Cli.Errors;

namespace TrainingOrchestration.Cli.Tests.Errors;

/// <summary>An exception no command caught becomes one line and a hint; the trace only on request.</summary>
public sealed class UnexpectedErrorReportTests
{
    [Fact]
    public void An_unexpected_exception_is_one_line_and_a_hint_without_a_stack_trace()
    {
        var error = new StringWriter();

        var code = UnexpectedErrorReport.Write(Thrown(new InvalidOperationException("boom\nsecond line")), error, debug: false);

        Assert.Equal(UnexpectedErrorReport.InternalError, code);
        Assert.Equal(["error: unexpected InvalidOperationException: boom.", $"hint: this looks like a defect, not a problem with your input; run again with {UnexpectedErrorReport.DebugVariable}=1 for the details and report them."],
            error.ToString().TrimEnd().Split(Environment.NewLine));
        Assert.False(UnexpectedErrorReport.HasStackTrace(error.ToString()));
    }

    [Fact]
    public void The_stack_trace_is_printed_only_when_debugging_is_asked_for()
    {
        var error = new StringWriter();

        UnexpectedErrorReport.Write(Thrown(new InvalidOperationException("boom")), error, debug: true);

        Assert.True(UnexpectedErrorReport.HasStackTrace(error.ToString()));
    }

    [Fact]
    public void A_json_error_a_user_caused_names_its_line_and_exits_with_1()
    {
        var error = new StringWriter();
        var json = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse("{\n  \"a\": ]"));

        var code = UnexpectedErrorReport.Write(json, error, debug: false);

        Assert.Equal(UnexpectedErrorReport.UserError, code);
        Assert.StartsWith("error: line 2, column", error.ToString());
    }

    [Fact]
    public void A_missing_file_names_the_file()
    {
        var error = new StringWriter();

        UnexpectedErrorReport.Write(new FileNotFoundException("gone", "/tmp/x.csv"), error, debug: false);

        Assert.Contains("/tmp/x.csv", error.ToString());
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
