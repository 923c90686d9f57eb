using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// The CreateTrainingJob request of <c>StartTrainingJob</c>. CDK's <c>SageMakerCreateTrainingJob</c> cannot express
/// managed spot training or checkpoints, so the request is written out here; being raw state JSON, dynamic fields
/// carry the <c>.$</c> suffix themselves.
/// </summary>
internal static class TrainingJobRequest
{
    /// <summary>
    /// The instances and their volume, encrypted with the stack's key. "You can't request a VolumeKmsKeyId when using an
    /// instance type with local storage" (API_ResourceConfig): those (the <c>d</c> families: ml.m5d, ml.c5d, ml.g4dn,
    /// ml.p3dn, ml.p4d…) encrypt their NVMe store in hardware, so the key is left out for them.
    /// </summary>
    internal static Dictionary<string, object> ResourceConfig(TrainingSpec training, string keyArn)
    {
        var config = new Dictionary<string, object>
        {
            ["InstanceType"] = training.InstanceType,
            ["InstanceCount"] = training.InstanceCount,
            ["VolumeSizeInGB"] = training.VolumeSizeGb,
        };
        if (!HasInstanceStore(training.InstanceType)) config["VolumeKmsKeyId"] = keyArn;
        return config;
    }

    /// <summary>
    /// A batch transform's instances and their volume key, by the same rule (API_TransformResources: "you can't request
    /// a VolumeKmsKeyId when using an instance type with local storage").
    /// </summary>
    internal static Dictionary<string, object> TransformResources(TrainingSpec training, string keyArn)
    {
        var resources = new Dictionary<string, object> { ["InstanceType"] = training.InstanceType, ["InstanceCount"] = 1 };
        if (!HasInstanceStore(training.InstanceType)) resources["VolumeKmsKeyId"] = keyArn;
        return resources;
    }

    /// <summary>ml.&lt;family&gt;&lt;generation&gt;&lt;options&gt;.&lt;size&gt; where the options hold a <c>d</c> (local NVMe disks).</summary>
    internal static bool HasInstanceStore(string instanceType) =>
        System.Text.RegularExpressions.Regex.IsMatch(instanceType, @"^ml\.[a-z]+[0-9]+[a-z]*d[a-z]*\.");

    public static Dictionary<string, object> Build(TrainingWorkflowProps props)
    {
        var spec = props.Spec;
        var training = spec.Training;
        var bucket = props.Bucket.BucketName;
        var stopping = new Dictionary<string, object> { ["MaxRuntimeInSeconds"] = (long)training.MaxRuntime.TotalSeconds };
        if (training.Spot.Enabled)
        {
            stopping["MaxWaitTimeInSeconds"] = (long)training.Spot.MaxWait.TotalSeconds;
        }

        return new Dictionary<string, object>
        {
            ["TrainingJobName.$"] = TrainModel.JobNamePath,
            ["AlgorithmSpecification"] = new Dictionary<string, object>
            {
                ["TrainingImage"] = props.TrainingImage,
                ["TrainingInputMode"] = "File",
            },
            ["HyperParameters"] = training.Hyperparameters.ToDictionary(pair => pair.Key, pair => (object)pair.Value),
            ["InputDataConfig"] = new object[] { Channel("train", bucket, spec.Name), Channel("validation", bucket, spec.Name) },
            ["OutputDataConfig"] = new Dictionary<string, object>
            {
                ["S3OutputPath"] = $"s3://{bucket}/{BucketLayout.PipelineRawModels(spec.Name)}",
                ["KmsKeyId"] = props.Key.KeyArn,
            },
            ["ResourceConfig"] = ResourceConfig(training, props.Key.KeyArn),
            ["StoppingCondition"] = stopping,
            ["EnableManagedSpotTraining"] = training.Spot.Enabled,
            // The built-in algorithm needs no network access; isolation keeps the container from reaching out.
            ["EnableNetworkIsolation"] = true,
            ["EnableInterContainerTrafficEncryption"] = training.InstanceCount > 1,
            ["CheckpointConfig"] = new Dictionary<string, object>
            {
                ["S3Uri.$"] = $"States.Format('s3://{bucket}/{BucketLayout.PipelineCheckpoints(spec.Name)}{{}}/', {TrainModel.JobNamePath})",
            },
            ["RoleArn"] = props.SageMakerRole.RoleArn,
            ["Tags"] = new object[]
            {
                Tag("pipeline", spec.Name),
                Tag("tier", spec.Tier.ToString().ToLowerInvariant()),
                new Dictionary<string, object> { ["Key"] = "runId", ["Value.$"] = "$.runId" },
            },
        };
    }

    private static Dictionary<string, object> Channel(string name, string bucket, string pipeline) => new()
    {
        ["ChannelName"] = name,
        ["ContentType"] = "text/csv",
        ["DataSource"] = new Dictionary<string, object>
        {
            ["S3DataSource"] = new Dictionary<string, object>
            {
                ["S3DataType"] = "S3Prefix",
                ["S3DataDistributionType"] = "FullyReplicated",
                ["S3Uri.$"] = $"States.Format('s3://{bucket}/{BucketLayout.FeatureSplit(pipeline, "{}", name)}', $.runId)",
            },
        },
    };

    private static Dictionary<string, object> Tag(string key, string value) => new() { ["Key"] = key, ["Value"] = value };
}
