using System.Text.Json;
using TrainingOrchestration.Tasks.Events;
using TrainingOrchestration.Tasks.Json;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Tests.Events;

/// <summary>Edge cases of the real samples, pinned with inline copies of the relevant parts.</summary>
public sealed class EventShapeTests
{
    [Fact]
    public void Sagemaker_times_given_as_strings_of_epoch_milliseconds_are_read_as_instants()
    {
        const string json = """
            {"detail-type":"SageMaker Training Job State Change","source":"aws.sagemaker","time":"2018-10-06T12:26:13Z",
             "detail":{"TrainingJobName":"churn-20261123T1300-a1b2c3-r0","TrainingJobStatus":"Completed",
                       "TrainingEndTime":"1583831889050","TrainingStartTime":1583831289050}}
            """;

        var change = TaskJson.Read(json, TaskJsonContext.Default.CloudWatchEventSageMakerTrainingJobStateChange);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1583831889050), change.Detail!.TrainingEndTime);
        Assert.Equal(TimeSpan.FromMinutes(10), change.Detail.TrainingEndTime - change.Detail.TrainingStartTime);
        Assert.Equal(new DateTimeOffset(2018, 10, 6, 12, 26, 13, TimeSpan.Zero), change.Time);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_before_the_json_is_tolerated()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("""{"Records":[{"eventName":"INSERT","dynamodb":{"Keys":{"id":{"S":"1"}}}}]}"""u8.ToArray()).ToArray();

        var parsed = await TaskJson.ReadAsync(new MemoryStream(bytes), TaskJsonContext.Default.DynamoDbStreamEvent);

        Assert.Equal("INSERT", Assert.Single(parsed.Records).Operation);
    }

    [Fact]
    public void A_debezium_change_inside_its_schema_envelope_is_read_from_the_payload()
    {
        const string json = """
            {"schema":{"type":"struct"},"payload":{"op":"u","before":{"id":1},"after":{"id":1},
             "source":{"connector":"mysql","table":"customers","snapshot":"false"}}}
            """;

        var change = TaskJson.Read(json, TaskJsonContext.Default.TableChange);

        Assert.Equal("MODIFY", change.Operation);
        Assert.Equal("customers", change.Table);
    }

    [Fact]
    public void A_scheduled_event_has_an_empty_detail()
    {
        const string json = """
            {"version":"0","id":"89d1a02d","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012",
             "time":"2026-11-23T13:00:00Z","region":"us-east-1","resources":["arn:aws:events:us-east-1:123456789012:rule/churn-cadence"],"detail":{}}
            """;

        var scheduled = TaskJson.Read(json, TaskJsonContext.Default.CloudWatchEventScheduledEventDetail);

        Assert.Equal(DetailTypes.ScheduledEvent, scheduled.DetailType);
        Assert.NotNull(scheduled.Detail);
        Assert.Single(scheduled.Resources);
    }

    [Fact]
    public void Malformed_input_is_reported_with_its_json_path()
    {
        const string json = """{"detail-type":"Glue Job State Change","detail":{"jobName":42}}""";

        var error = Assert.Throws<TaskInputException>(() => TaskJson.Read(json, TaskJsonContext.Default.CloudWatchEventGlueJobStateChange));

        Assert.Contains("$.detail.jobName", error.Message);
    }

    [Fact]
    public void A_table_change_event_from_pipes_carries_a_dynamodb_record_as_detail()
    {
        const string json = """
            {"detail-type":"Table Change","source":"training-orchestration.cdc","time":"2026-11-23T13:00:00Z",
             "detail":{"eventID":"1","eventName":"MODIFY","eventSource":"aws:dynamodb",
                       "dynamodb":{"ApproximateCreationDateTime":1693997155.0,"Keys":{"Id":{"N":"101"}},"SequenceNumber":"222"}}}
            """;

        var change = TaskJson.Read(json, TaskJsonContext.Default.CloudWatchEventTableChange);

        Assert.Equal("MODIFY", change.Detail!.Operation);
        Assert.Equal(JsonValueKind.Object, change.Detail.DynamoDb!.Keys!["Id"].ValueKind);
    }
}
