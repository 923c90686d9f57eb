using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Tests.Loading;

/// <summary><c>deployment</c>: none by default, or an endpoint whose every field SageMaker would accept.</summary>
public sealed class DeploymentSpecTests
{
    private const string Anchor = "notifications:\n  emails: [ml-oncall@example.com]";

    public const string Canary = """
        deployment:
          endpoint: demo-scoring
          instanceType: ml.m5.large
          instanceCount: 2
          trafficRouting:
            type: CANARY
            size: 20
            wait: 5m
          terminationWait: 2m
          maxExecutionTimeout: 1h
          autoRollback:
            max5xxErrors: 0
            maxModelLatencyMs: 500
            alarms: [demo-business-kpi]
        """;

    private static PipelineFolder With(string deployment) => PipelineFolder.With(Anchor, deployment + "\n" + Anchor);

    [Fact]
    public void A_pipeline_without_deployment_deploys_nothing()
    {
        using var folder = PipelineFolder.Valid();

        Assert.Null(PipelineSpecLoader.Load(folder.Path).Deployment);
    }

    [Fact]
    public void Deployment_none_deploys_nothing()
    {
        using var folder = With("deployment: none");

        Assert.Null(PipelineSpecLoader.Load(folder.Path).Deployment);
    }

    [Fact]
    public void A_canary_deployment_is_read_field_by_field()
    {
        using var folder = With(Canary);

        var spec = PipelineSpecLoader.Load(folder.Path).Deployment!;

        Assert.Equal("demo-scoring", spec.EndpointName);
        Assert.Equal("ml.m5.large", spec.InstanceType);
        Assert.Equal(2, spec.InstanceCount);
        Assert.Equal(new TrafficRoutingSpec(TrafficRoutingType.Canary, 20, TimeSpan.FromMinutes(5)), spec.TrafficRouting);
        Assert.Equal("CANARY", spec.TrafficRouting.ApiType);
        Assert.Equal(TimeSpan.FromMinutes(2), spec.TerminationWait);
        Assert.Equal(TimeSpan.FromHours(1), spec.MaxExecutionTimeout);
        Assert.Equal(0, spec.AutoRollback.Max5xxErrors);
        Assert.Equal(500, spec.AutoRollback.MaxModelLatencyMs);
        Assert.Equal(["demo-business-kpi"], spec.AutoRollback.Alarms);
    }

    [Fact]
    public void Linear_steps_count_the_shifts_to_all_traffic()
    {
        Assert.Equal(4, new TrafficRoutingSpec(TrafficRoutingType.Linear, 30, TimeSpan.Zero).Steps);
        Assert.Equal(2, new TrafficRoutingSpec(TrafficRoutingType.Canary, 10, TimeSpan.Zero).Steps);
        Assert.Equal(1, new TrafficRoutingSpec(TrafficRoutingType.AllAtOnce, null, TimeSpan.Zero).Steps);
    }

    [Theory]
    [InlineData("endpoint: demo-scoring", "endpoint: demo_scoring", "deployment.endpoint", "EndpointName")]
    [InlineData("endpoint: demo-scoring", "endpoint: -demo", "deployment.endpoint", "EndpointName")]
    [InlineData("instanceType: ml.m5.large", "instanceType: m5.large", "deployment.instanceType", "ml.m5.large")]
    [InlineData("instanceCount: 2", "instanceCount: 0", "deployment.instanceCount", "at least 1")]
    [InlineData("type: CANARY", "type: CANNARY", "deployment.trafficRouting.type", "CANARY")]
    [InlineData("size: 20", "size: 60", "deployment.trafficRouting.size", "between 1 and 50")]
    [InlineData("wait: 5m", "wait: 2h", "deployment.trafficRouting.wait", "at most 1h")]
    [InlineData("terminationWait: 2m", "terminationWait: 90m", "deployment.terminationWait", "at most 1h")]
    [InlineData("maxExecutionTimeout: 1h", "maxExecutionTimeout: 5m", "deployment.maxExecutionTimeout", "10m to 8h")]
    [InlineData("maxExecutionTimeout: 1h", "maxExecutionTimeout: 12m", "deployment.maxExecutionTimeout", "larger than the total waiting time")]
    [InlineData("maxModelLatencyMs: 500", "maxModelLatencyMs: 0", "deployment.autoRollback.maxModelLatencyMs", "at least 1")]
    [InlineData("alarms: [demo-business-kpi]", "alarms: [a, b, c, d, e, f, g, h, i]", "deployment.autoRollback.alarms", "1 to 10")]
    [InlineData("    wait: 5m", "    wait: 5m\n    step: 3", "deployment.trafficRouting.step", "unknown key")]
    public void A_field_SageMaker_would_refuse_is_named_with_its_line(string find, string replace, string field, string fixContains)
    {
        using var folder = With(Canary.Replace(find, replace, StringComparison.Ordinal));

        var error = LoadFailure.Of(folder).On(field);

        Assert.Equal(folder.SpecFile, error.File);
        Assert.Equal(LoadFailure.LineOf(folder, replace.Split('\n')[^1].Trim()), error.Line);
        Assert.Contains(fixContains, error.Problem + " " + error.Fix);
    }

    [Fact]
    public void A_canary_of_a_single_instance_is_refused()
    {
        using var folder = With(Canary.Replace("instanceCount: 2", "instanceCount: 1", StringComparison.Ordinal));

        var error = LoadFailure.Of(folder).On("deployment.trafficRouting.type");

        Assert.Contains("instanceCount to at least 2", error.Fix);
    }

    [Fact]
    public void All_at_once_takes_no_step_size()
    {
        using var folder = With(Canary.Replace("type: CANARY", "type: ALL_AT_ONCE", StringComparison.Ordinal));

        Assert.Contains("no step size", LoadFailure.Of(folder).On("deployment.trafficRouting.size").Problem);
    }

    [Fact]
    public void A_word_other_than_none_is_refused()
    {
        using var folder = With("deployment: realtime");

        Assert.Contains("deployment: none", LoadFailure.Of(folder).On("deployment").Fix);
    }
}
