using System.Text.Json;
using TrainingOrchestration.Tasks.Events;
using TrainingOrchestration.Tasks.Json;
using TrainingOrchestration.Tasks.Tests.Support;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Tests.Events;

/// <summary>Every real event sample in ../shared/fixtures/events goes through the deserializer for its kind.</summary>
public sealed class EventFixtureTests
{
    private const string Missing = "(fixtures missing)";

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        if (SharedFolder.Find("fixtures", "events") is not { } folder)
        {
            data.Add(Missing);
            return data;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Fixtures))]
    public async Task Every_real_event_sample_deserializes_into_its_detail_record(string fileName)
    {
        Skip.If(fileName == Missing, SharedFolder.MissingMessage("fixtures", "events"));
        await using var stream = File.OpenRead(Path.Combine(SharedFolder.EventFixtures, fileName));

        switch (fileName)
        {
            case var f when f.StartsWith("sagemaker-training-job-state-change", StringComparison.Ordinal):
                var training = await TaskJson.ReadAsync(stream, TaskJsonContext.Default.CloudWatchEventSageMakerTrainingJobStateChange);
                Assert.Equal(DetailTypes.SageMakerTrainingJobStateChange, training.DetailType);
                Assert.False(string.IsNullOrEmpty(training.Detail!.TrainingJobName));
                Assert.Contains(training.Detail.TrainingJobStatus, new[] { "Completed", "Failed", "Stopped", "InProgress", "Stopping" });
                break;
            case var f when f.StartsWith("glue-job-state-change", StringComparison.Ordinal):
                var glue = await TaskJson.ReadAsync(stream, TaskJsonContext.Default.CloudWatchEventGlueJobStateChange);
                Assert.Equal(DetailTypes.GlueJobStateChange, glue.DetailType);
                Assert.StartsWith("jr_", glue.Detail!.JobRunId);
                Assert.Contains(glue.Detail.State, new[] { "SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED" });
                break;
            case var f when f.StartsWith("s3-object-created", StringComparison.Ordinal):
                var created = await TaskJson.ReadAsync(stream, TaskJsonContext.Default.CloudWatchEventS3ObjectCreated);
                Assert.Equal(DetailTypes.S3ObjectCreated, created.DetailType);
                Assert.False(string.IsNullOrEmpty(created.Detail!.Bucket!.Name));
                Assert.False(string.IsNullOrEmpty(created.Detail.Object!.Key));
                Assert.True(created.Detail.Object.Size > 0);
                break;
            case var f when f.StartsWith("eventbridge-generic", StringComparison.Ordinal):
                var generic = await TaskJson.ReadAsync(stream, TaskJsonContext.Default.CloudWatchEventJsonElement);
                Assert.Equal(JsonValueKind.Object, generic.Detail.ValueKind);
                Assert.NotNull(generic.Time);
                break;
            case var f when f.StartsWith("dynamodb-stream", StringComparison.Ordinal):
                var stream_ = await TaskJson.ReadAsync(stream, TaskJsonContext.Default.DynamoDbStreamEvent);
                Assert.NotEmpty(stream_.Records);
                Assert.All(stream_.Records, r => Assert.Contains(r.Operation, new[] { "INSERT", "MODIFY", "REMOVE" }));
                Assert.All(stream_.Records, r => Assert.NotEmpty(r.DynamoDb!.Keys!));
                break;
            case var f when f.StartsWith("debezium", StringComparison.Ordinal):
                var change = await TaskJson.ReadAsync(stream, TaskJsonContext.Default.TableChange);
                Assert.Contains(change.Operation, new[] { "INSERT", "MODIFY", "REMOVE", "READ" });
                Assert.Equal("customers", change.Table);
                break;
            default:
                Assert.Fail($"{fileName} has no deserializer; add a case for its kind");
                break;
        }
    }
}
