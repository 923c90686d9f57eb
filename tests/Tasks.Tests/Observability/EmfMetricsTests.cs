using System.Text.Json;
using TrainingOrchestration.Tasks.Observability;
using TrainingOrchestration.Tasks.Tests.Support;

namespace TrainingOrchestration.Tasks.Tests.Observability;

public sealed class EmfMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_flush_writes_one_line_in_embedded_metric_format()
    {
        var output = new StringWriter();
        var metrics = new EmfMetrics("TrainingOrchestration", output, new FixedClock(Now))
            .WithDimension("Pipeline", "churn")
            .WithDimension("Decision", "SKIP");

        metrics.Put("TriggerDecisions", 1, MetricUnit.Count);
        metrics.Flush();

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var aws = root.GetProperty("_aws");
        Assert.Equal(Now.ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("TrainingOrchestration", directive.GetProperty("Namespace").GetString());
        var dimensionSet = Assert.Single(directive.GetProperty("Dimensions").EnumerateArray());
        Assert.Equal(["Pipeline", "Decision"], dimensionSet.EnumerateArray().Select(d => d.GetString()));
        var definition = Assert.Single(directive.GetProperty("Metrics").EnumerateArray());
        Assert.Equal("TriggerDecisions", definition.GetProperty("Name").GetString());
        Assert.Equal("Count", definition.GetProperty("Unit").GetString());
        Assert.Equal("churn", root.GetProperty("Pipeline").GetString());
        Assert.Equal("SKIP", root.GetProperty("Decision").GetString());
        Assert.Equal(1, root.GetProperty("TriggerDecisions").GetDouble());
    }

    [Fact]
    public void A_metric_put_twice_is_written_as_an_array_of_values()
    {
        var output = new StringWriter();
        var metrics = new EmfMetrics("ns", output, new FixedClock(Now)).WithDimension("Pipeline", "p");

        metrics.Put("RowsChecked", 10, MetricUnit.Count).Put("RowsChecked", 20, MetricUnit.Count);
        metrics.Flush();

        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal([10.0, 20.0], document.RootElement.GetProperty("RowsChecked").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void Flushing_without_metrics_writes_nothing_and_a_flush_clears_the_values()
    {
        var output = new StringWriter();
        var metrics = new EmfMetrics("ns", output, new FixedClock(Now)).WithDimension("Pipeline", "p");

        metrics.Flush();
        metrics.Put("A", 1, MetricUnit.Count);
        metrics.Flush();
        metrics.Flush();

        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Non_finite_values_are_refused_because_cloudwatch_drops_them()
    {
        var metrics = new EmfMetrics("ns", new StringWriter(), new FixedClock(Now));

        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.Put("ModelMetric", double.NaN, MetricUnit.None));
    }

    [Fact]
    public void Properties_are_written_as_plain_members_outside_the_directive()
    {
        var output = new StringWriter();
        var metrics = new EmfMetrics("ns", output, new FixedClock(Now)).WithDimension("Pipeline", "p").WithProperty("RunId", "r1");

        metrics.Put("A", 1, MetricUnit.Count);
        metrics.Flush();

        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal("r1", document.RootElement.GetProperty("RunId").GetString());
        var dimensions = document.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions")[0];
        Assert.DoesNotContain("RunId", dimensions.EnumerateArray().Select(d => d.GetString()));
    }
}
