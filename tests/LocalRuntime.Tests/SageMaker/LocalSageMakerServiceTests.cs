using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.Tests.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

public sealed class LocalSageMakerServiceTests
{
    [Fact]
    public async Task A_completed_training_job_writes_model_tar_gz_and_publishes_its_state_change()
    {
        using var fx = new SageMakerFixture();

        var created = fx.Service.CreateTrainingJob(new TrainingRequestBuilder().Build());
        var job = fx.Service.DescribeTrainingJob("churn-20261123T1300-a1b2c3-r0");
        await job.Finished.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:training-job/churn-20261123t1300-a1b2c3-r0", (string?)created["TrainingJobArn"]);
        Assert.Equal("Completed", job.Status);
        Assert.Equal($"s3://{FeatureWorkspace.Bucket}/models/raw/churn/churn-20261123T1300-a1b2c3-r0/output/model.tar.gz", job.ModelArtifact);
        var artifact = fx.Local(job.ModelArtifact!);
        Assert.Equal([ModelArtifact.ModelEntry], ArtifactEntries(artifact));
        Assert.InRange(job.FinalMetrics["validation:auc"], 0.8, 1.0);
        Assert.Equal("1.7.4", job.LibraryVersion);
        var evt = Assert.Single(fx.Events);
        Assert.Equal("SageMaker Training Job State Change", (string?)evt["detail-type"]);
        Assert.Equal("aws.sagemaker", (string?)evt["source"]);
        Assert.Equal("Completed", (string?)evt["detail"]!["TrainingJobStatus"]);
        Assert.Equal(job.ModelArtifact, (string?)evt["detail"]!["ModelArtifacts"]!["S3ModelArtifacts"]);
        Assert.Equal("churn", (string?)evt["detail"]!["Tags"]!["pipeline"]);
        Assert.Contains(evt["detail"]!["FinalMetricDataList"]!.AsArray(), m => (string?)m!["MetricName"] == "validation:auc");
        Assert.Equal(["Starting", "Downloading", "Training", "Uploading", "Completed"], job.Transitions.Select(t => t.Status));
    }

    [SkippableFact]
    public async Task The_state_change_event_has_every_field_of_AWSs_documented_example()
    {
        var fixture = SharedFolder.EventFixture("sagemaker-training-job-state-change.completed.awsdocs.json");
        Skip.IfNot(File.Exists(fixture), SharedFolder.MissingMessage("fixtures", "events"));
        var expected = JsonNode.Parse(File.ReadAllText(fixture))!.AsObject();
        using var fx = new SageMakerFixture();

        await fx.TrainAsync(new TrainingRequestBuilder().Build());

        var actual = Assert.Single(fx.Events).AsObject();
        Assert.All(expected.Select(p => p.Key), key => Assert.True(actual.ContainsKey(key), $"event lacks '{key}'"));
        var detail = actual["detail"]!.AsObject();
        Assert.All(expected["detail"]!.AsObject().Select(p => p.Key), key => Assert.True(detail.ContainsKey(key), $"detail lacks '{key}'"));
        Assert.IsType<string>(detail["CreationTime"]!.GetValue<string>());
        Assert.IsType<JsonObject>(detail["Tags"]);
    }

    [Fact]
    public async Task The_virtual_clock_is_held_while_the_job_trains_and_released_after_the_event()
    {
        using var fx = new SageMakerFixture();

        fx.Service.CreateTrainingJob(new TrainingRequestBuilder().Build());
        var heldAfterCreate = fx.Clock.ActiveHolds;
        await fx.Service.DescribeTrainingJob("churn-20261123T1300-a1b2c3-r0").Finished.WaitAsync(TimeSpan.FromMinutes(2));
        await Task.Delay(50);

        Assert.Equal(1, heldAfterCreate);
        Assert.Equal(0, fx.Clock.ActiveHolds);
    }

    [Fact]
    public async Task A_train_channel_with_no_objects_fails_the_job_with_SageMakers_client_error()
    {
        using var fx = new SageMakerFixture();
        var request = new TrainingRequestBuilder().WithTrainChannel($"s3://{FeatureWorkspace.Bucket}/features/churn/run=missing/train/").Build();

        var job = await fx.TrainAsync(request);

        Assert.Equal("Failed", job.Status);
        Assert.StartsWith("ClientError: No S3 objects found under S3 URL \"s3://churn-bucket/features/churn/run=missing/train/\"", job.FailureReason);
        var evt = Assert.Single(fx.Events);
        Assert.Equal("Failed", (string?)evt["detail"]!["TrainingJobStatus"]);
        Assert.Equal(job.FailureReason, (string?)evt["detail"]!["FailureReason"]);
        Assert.Null(evt["detail"]!["ModelArtifacts"]);
    }

    [Fact]
    public async Task An_objective_the_container_does_not_accept_fails_the_job_with_a_client_error()
    {
        using var fx = new SageMakerFixture();

        var job = await fx.TrainAsync(new TrainingRequestBuilder().With("objective", "reg:quantileerror").Build());

        Assert.Equal("Failed", job.Status);
        Assert.StartsWith("ClientError: Hyperparameter objective: 'reg:quantileerror' is not one of", job.FailureReason);
    }

    [Fact]
    public async Task StopTrainingJob_stops_training_between_rounds_and_the_job_ends_Stopped()
    {
        using var fx = new SageMakerFixture();
        var big = LargeTrainChannel(fx, rows: 60_000, features: 20);
        var request = new TrainingRequestBuilder().WithTrainChannel(big).WithoutValidation().With("num_round", "100000").With("max_depth", "8").Build();

        fx.Service.CreateTrainingJob(request);
        var job = fx.Service.DescribeTrainingJob("churn-20261123T1300-a1b2c3-r0");
        while (job.SecondaryStatus != "Training") await Task.Delay(20);
        fx.Service.StopTrainingJob(job.Name);
        await job.Finished.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("Stopped", job.Status);
        Assert.Equal("Stopped", job.SecondaryStatus);
        Assert.Null(job.ModelArtifact);
        Assert.Equal("Stopped", (string?)Assert.Single(fx.Events)["detail"]!["TrainingJobStatus"]);
    }

    [Fact]
    public async Task A_job_that_outlives_MaxRuntimeInSeconds_is_Stopped_with_secondary_status_MaxRuntimeExceeded()
    {
        using var fx = new SageMakerFixture();
        var big = LargeTrainChannel(fx, rows: 60_000, features: 20);
        var request = new TrainingRequestBuilder().WithTrainChannel(big).WithoutValidation()
            .With("num_round", "300").With("max_depth", "8").WithMaxRuntime(1).Build();

        var job = await fx.TrainAsync(request);

        Assert.Equal("Stopped", job.Status);
        Assert.Equal("MaxRuntimeExceeded", job.SecondaryStatus);
        Assert.Null(job.FailureReason);
        var evt = Assert.Single(fx.Events);
        Assert.Equal("Stopped", (string?)evt["detail"]!["TrainingJobStatus"]);
        Assert.Equal("MaxRuntimeExceeded", (string?)evt["detail"]!["SecondaryStatus"]);
    }

    [Fact]
    public void A_job_name_outside_SageMakers_pattern_is_rejected_with_a_ValidationException()
    {
        using var fx = new SageMakerFixture();

        var error = Assert.Throws<SageMakerServiceException>(() => fx.Service.CreateTrainingJob(new TrainingRequestBuilder().Named("churn_bad name").Build()));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("'churn_bad name' at 'trainingJobName'", error.Message);
    }

    [Fact]
    public async Task A_second_job_with_the_same_name_is_refused_as_ResourceInUse()
    {
        using var fx = new SageMakerFixture();
        await fx.TrainAsync(new TrainingRequestBuilder().Build());

        var error = Assert.Throws<SageMakerServiceException>(() => fx.Service.CreateTrainingJob(new TrainingRequestBuilder().Build()));

        Assert.Equal("ResourceInUse", error.ErrorCode);
    }

    [Fact]
    public void Describing_an_unknown_job_answers_like_SageMaker()
    {
        using var fx = new SageMakerFixture();

        var error = Assert.Throws<SageMakerServiceException>(() => fx.Service.DescribeTrainingJob("nope"));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("Requested resource not found.", error.Message);
    }

    [Fact]
    public async Task Describe_renders_DescribeTrainingJobs_fields()
    {
        using var fx = new SageMakerFixture();
        var job = await fx.TrainAsync(new TrainingRequestBuilder().Build());

        var json = TrainingJobDescription.ToJson(job, TimestampStyle.Iso8601);

        Assert.Equal("Completed", (string?)json["TrainingJobStatus"]);
        Assert.Equal("Completed", (string?)json["SecondaryStatus"]);
        Assert.Equal("300", (string?)json["HyperParameters"]!["num_round"]);
        Assert.Equal("2026-11-23T13:00:00.000Z", (string?)json["CreationTime"]);
        Assert.True((int)json["TrainingTimeInSeconds"]! >= 1);
        Assert.True(json["EnableManagedSpotTraining"]!.GetValue<bool>());
        Assert.Equal(5, json["SecondaryStatusTransitions"]!.AsArray().Count);
    }

    private static List<string> ArtifactEntries(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var tar = new System.Formats.Tar.TarReader(gzip);
        var names = new List<string>();
        while (tar.GetNextEntry() is { } entry) names.Add(entry.Name);
        return names;
    }

    private static string LargeTrainChannel(SageMakerFixture fx, int rows, int features)
    {
        var random = new Random(7);
        var path = fx.Local($"s3://{FeatureWorkspace.Bucket}/synthetic/train/part-00000.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var writer = new StreamWriter(path))
        {
            var cells = new string[features + 1];
            for (var r = 0; r < rows; r++)
            {
                double sum = 0;
                for (var f = 1; f <= features; f++)
                {
                    var x = random.NextDouble();
                    sum += x * (f % 3 - 1);
                    cells[f] = x.ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
                }
                cells[0] = sum + random.NextDouble() - 0.5 > 0 ? "1" : "0";
                writer.WriteLine(string.Join(',', cells));
            }
        }
        return $"s3://{FeatureWorkspace.Bucket}/synthetic/train/";
    }
}
