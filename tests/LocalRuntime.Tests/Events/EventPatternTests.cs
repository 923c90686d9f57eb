using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Events;

namespace TrainingOrchestration.LocalRuntime.Tests.Events;

public class EventPatternTests
{
    private static readonly JsonNode Event = JsonNode.Parse("""
        {"version":"0","id":"1","detail-type":"Table Change","source":"training-orchestration.cdc","account":"123456789012",
         "time":"2026-11-23T10:00:00Z","region":"us-east-1","resources":["arn:aws:dynamodb:us-east-1:1:table/customers"],
         "detail":{"table":"customers","eventName":"INSERT","count":7,"score":0.5,"tags":["a","b"],"nested":{"deep":"Value"},
                   "ip":"10.0.1.7","none":null,"flag":true}}
        """)!;

    [Theory]
    [InlineData("""{"source":["training-orchestration.cdc"]}""", true)]
    [InlineData("""{"source":["other"]}""", false)]
    [InlineData("""{"source":["a","training-orchestration.cdc"],"detail-type":["Table Change"]}""", true)]
    [InlineData("""{"detail":{"table":["customers"]}}""", true)]
    [InlineData("""{"detail":{"nested":{"deep":["Value"]}}}""", true)]
    [InlineData("""{"detail":{"nested":{"deep":["value"]}}}""", false)]
    [InlineData("""{"detail":{"eventName":[{"prefix":"INS"}]}}""", true)]
    [InlineData("""{"detail":{"eventName":[{"prefix":{"equals-ignore-case":"ins"}}]}}""", true)]
    [InlineData("""{"detail":{"eventName":[{"suffix":"ERT"}]}}""", true)]
    [InlineData("""{"detail":{"eventName":[{"suffix":{"equals-ignore-case":"ert"}}]}}""", true)]
    [InlineData("""{"detail":{"eventName":[{"suffix":"ER"}]}}""", false)]
    [InlineData("""{"detail":{"eventName":[{"anything-but":"REMOVE"}]}}""", true)]
    [InlineData("""{"detail":{"eventName":[{"anything-but":["INSERT","REMOVE"]}]}}""", false)]
    [InlineData("""{"detail":{"eventName":[{"anything-but":{"prefix":"IN"}}]}}""", false)]
    [InlineData("""{"detail":{"eventName":[{"anything-but":{"suffix":"VE"}}]}}""", true)]
    [InlineData("""{"detail":{"eventName":[{"anything-but":{"equals-ignore-case":["insert"]}}]}}""", false)]
    [InlineData("""{"detail":{"missing":[{"anything-but":"x"}]}}""", false)]
    [InlineData("""{"detail":{"count":[{"numeric":[">",5,"<=",7]}]}}""", true)]
    [InlineData("""{"detail":{"count":[{"numeric":["<",7]}]}}""", false)]
    [InlineData("""{"detail":{"score":[{"numeric":["=",0.5]}]}}""", true)]
    [InlineData("""{"detail":{"count":[7]}}""", true)]
    [InlineData("""{"detail":{"count":["7"]}}""", false)]
    [InlineData("""{"detail":{"table":[{"exists":true}]}}""", true)]
    [InlineData("""{"detail":{"missing":[{"exists":false}]}}""", true)]
    [InlineData("""{"detail":{"table":[{"exists":false}]}}""", false)]
    [InlineData("""{"detail":{"eventName":[{"equals-ignore-case":"insert"}]}}""", true)]
    [InlineData("""{"detail":{"table":[{"wildcard":"cust*rs"}]}}""", true)]
    [InlineData("""{"detail":{"table":[{"wildcard":"c*x"}]}}""", false)]
    [InlineData("""{"detail":{"tags":["b"]}}""", true)]
    [InlineData("""{"detail":{"tags":["c"]}}""", false)]
    [InlineData("""{"detail":{"none":[null]}}""", true)]
    [InlineData("""{"detail":{"flag":[true]}}""", true)]
    [InlineData("""{"detail":{"ip":[{"cidr":"10.0.0.0/16"}]}}""", true)]
    [InlineData("""{"detail":{"ip":[{"cidr":"10.1.0.0/16"}]}}""", false)]
    [InlineData("""{"$or":[{"source":["x"]},{"detail":{"count":[7]}}]}""", true)]
    [InlineData("""{"$or":[{"source":["x"]},{"detail":{"count":[8]}}]}""", false)]
    [InlineData("""{"resources":[{"prefix":"arn:aws:dynamodb:"}]}""", true)]
    public void Pattern_matches_the_event_as_EventBridge_does(string pattern, bool expected)
    {
        var parsed = EventPattern.Parse(pattern);

        var matched = parsed.Matches(Event);

        Assert.Equal(expected, matched);
    }

    [Theory]
    [InlineData("""{"source":"not-an-array"}""", "source")]
    [InlineData("""{"detail":{"x":[{"bogus":1}]}}""", "detail.x")]
    [InlineData("""{"detail":{"x":[{"numeric":[">"]}]}}""", "detail.x")]
    public void Invalid_pattern_is_rejected_naming_the_field(string pattern, string field)
    {
        var error = Assert.Throws<FormatException>(() => EventPattern.Parse(pattern));

        Assert.Contains(field, error.Message);
    }

    public static TheoryData<string, string, bool> FixtureCases => new()
    {
        { "sagemaker-training-job-state-change.completed.awsdocs.json",
          """{"source":["aws.sagemaker"],"detail-type":["SageMaker Training Job State Change"],"detail":{"TrainingJobStatus":["Completed","Failed","Stopped"]}}""", true },
        { "sagemaker-training-job-state-change.completed.awsdocs.json",
          """{"source":["aws.sagemaker"],"detail":{"TrainingJobStatus":["Completed"],"TrainingJobName":[{"prefix":"churn-"}]}}""", false },
        { "sagemaker-training-job-state-change.completed.awsdocs.json",
          """{"detail":{"ResourceConfig":{"InstanceCount":[{"numeric":[">=",3]}]},"VpcConfig":{"Subnets":[{"exists":false}]}}}""", true },
        { "glue-job-state-change.failed.awsdocs.json",
          """{"source":["aws.glue"],"detail-type":["Glue Job State Change"],"detail":{"state":[{"anything-but":["SUCCEEDED"]}]}}""", true },
        { "glue-job-state-change.succeeded.awsdocs.json",
          """{"source":["aws.glue"],"detail":{"state":[{"anything-but":["SUCCEEDED"]}]}}""", false },
        { "glue-job-state-change.timeout.awsdocs.json",
          """{"detail":{"jobRunId":[{"prefix":"jr_"}],"severity":[{"equals-ignore-case":"warn"}]}}""", true },
        { "s3-object-created.eventbridge.aws-lambda-dotnet.json",
          """{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"object":{"key":[{"wildcard":"*"}]}}}""", true },
        { "eventbridge-generic.powertools-python.json",
          """{"$or":[{"source":["aws.ec2"]},{"source":["aws.sagemaker"]}],"detail":{"state":[{"suffix":"ated"}]}}""", true },
        { "eventbridge-generic.powertools-python.json",
          """{"source":["aws.ec2"],"detail":{"state":["running"]}}""", false },
    };

    [SkippableTheory]
    [MemberData(nameof(FixtureCases))]
    public void Real_AWS_events_match_the_patterns_the_stack_uses(string fixture, string pattern, bool expected)
    {
        Skip.IfNot(SharedFolder.HasEventFixtures, $"shared fixtures not found at {SharedFolder.EventFixtures}");
        var evt = JsonNode.Parse(File.ReadAllText(SharedFolder.EventFixture(fixture)));

        var matched = EventPattern.Parse(pattern).Matches(evt);

        Assert.Equal(expected, matched);
    }
}
