using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Tests.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

/// <summary>CreateTrainingJob requests shaped like the training workflow's StartTrainingJob state.</summary>
public sealed class TrainingRequestBuilder
{
    private string _name = "churn-20261123T1300-a1b2c3-r0";
    private string _trainUri = $"s3://{FeatureWorkspace.Bucket}/features/churn/run=r1/train/";
    private string? _validationUri = $"s3://{FeatureWorkspace.Bucket}/features/churn/run=r1/validation/";
    private int _maxRuntime = 3600;
    private readonly Dictionary<string, string> _hyperparameters = new()
    {
        ["objective"] = "binary:logistic",
        ["eval_metric"] = "auc",
        ["num_round"] = "300",
        ["max_depth"] = "4",
        ["eta"] = "0.05",
        ["subsample"] = "0.8",
        ["colsample_bytree"] = "0.8",
        ["min_child_weight"] = "1",
    };

    public TrainingRequestBuilder Named(string name) { _name = name; return this; }
    public TrainingRequestBuilder WithTrainChannel(string uri) { _trainUri = uri; return this; }
    public TrainingRequestBuilder WithoutValidation() { _validationUri = null; return this; }
    public TrainingRequestBuilder WithMaxRuntime(int seconds) { _maxRuntime = seconds; return this; }
    public TrainingRequestBuilder With(string hyperparameter, string value) { _hyperparameters[hyperparameter] = value; return this; }

    public JsonObject Build()
    {
        var channels = new JsonArray(Channel("train", _trainUri));
        if (_validationUri is not null) channels.Add(Channel("validation", _validationUri));
        return new JsonObject
        {
            ["TrainingJobName"] = _name,
            ["AlgorithmSpecification"] = new JsonObject
            {
                ["TrainingImage"] = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
                ["TrainingInputMode"] = "File",
            },
            ["RoleArn"] = "arn:aws:iam::123456789012:role/churn-sagemaker",
            ["HyperParameters"] = new JsonObject(_hyperparameters.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
            ["InputDataConfig"] = channels,
            ["OutputDataConfig"] = new JsonObject { ["S3OutputPath"] = $"s3://{FeatureWorkspace.Bucket}/models/raw/churn/" },
            ["ResourceConfig"] = new JsonObject { ["InstanceType"] = "ml.m5.xlarge", ["InstanceCount"] = 1, ["VolumeSizeInGB"] = 30 },
            ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = _maxRuntime, ["MaxWaitTimeInSeconds"] = _maxRuntime * 2 },
            ["EnableManagedSpotTraining"] = true,
            ["CheckpointConfig"] = new JsonObject { ["S3Uri"] = $"s3://{FeatureWorkspace.Bucket}/models/checkpoints/churn/{_name}/" },
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "pipeline", ["Value"] = "churn" }),
        };
    }

    private static JsonObject Channel(string name, string uri) => new()
    {
        ["ChannelName"] = name,
        ["ContentType"] = "text/csv",
        ["DataSource"] = new JsonObject
        {
            ["S3DataSource"] = new JsonObject { ["S3DataType"] = "S3Prefix", ["S3Uri"] = uri, ["S3DataDistributionType"] = "FullyReplicated" },
        },
    };
}
