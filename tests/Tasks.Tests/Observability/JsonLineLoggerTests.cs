using System.Text.Json;
using Microsoft.Extensions.Logging;
using TrainingOrchestration.Tasks.Observability;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Observability;

public sealed class JsonLineLoggerTests
{
    [Fact]
    public void Named_placeholders_become_json_members_beside_the_rendered_message()
    {
        var output = new StringWriter();
        var logger = new JsonLineLogger("Evaluation", output, new FixedClock(DateTimeOffset.UnixEpoch));

        logger.LogInformation("Evaluated {Pipeline} run {RunId} with {RowCount} rows", "churn", "r1", 704);

        using var document = JsonDocument.Parse(output.ToString());
        var root = document.RootElement;
        Assert.Equal("Information", root.GetProperty("level").GetString());
        Assert.Equal("Evaluated churn run r1 with 704 rows", root.GetProperty("message").GetString());
        Assert.Equal("Evaluated {Pipeline} run {RunId} with {RowCount} rows", root.GetProperty("messageTemplate").GetString());
        Assert.Equal("churn", root.GetProperty("Pipeline").GetString());
        Assert.Equal(704, root.GetProperty("RowCount").GetInt32());
    }

    [Fact]
    public void Scope_values_are_added_to_every_line_inside_the_scope()
    {
        var output = new StringWriter();
        var logger = new JsonLineLogger("Cadence", output, TimeProvider.System);

        using (logger.BeginScope(new Dictionary<string, object?> { ["Pipeline"] = "churn" }))
        {
            logger.LogWarning("Skipped because {Reason}", "quiet hours");
        }
        logger.LogInformation("Outside");

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var inside = JsonDocument.Parse(lines[0]);
        using var outside = JsonDocument.Parse(lines[1]);
        Assert.Equal("churn", inside.RootElement.GetProperty("Pipeline").GetString());
        Assert.False(outside.RootElement.TryGetProperty("Pipeline", out _));
    }

    [Fact]
    public void Exceptions_are_logged_with_their_type()
    {
        var output = new StringWriter();
        var logger = new JsonLineLogger("x", output, TimeProvider.System);

        logger.LogError(new InvalidOperationException("boom"), "Failed for {Pipeline}", "churn");

        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal("System.InvalidOperationException", document.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public void Debug_lines_are_not_written_at_the_default_level()
    {
        var output = new StringWriter();
        var logger = new JsonLineLogger("x", output, TimeProvider.System);

        logger.LogDebug("noise");

        Assert.Equal("", output.ToString());
    }
}
