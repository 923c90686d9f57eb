using System.Globalization;
using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.Tests.Glue;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

public sealed class BatchTransformTests
{
    [Fact]
    public async Task Transform_writes_label_and_score_per_test_record_and_the_scores_reach_auc_0_80()
    {
        using var fx = new SageMakerFixture();
        var job = await fx.TrainAsync(new TrainingRequestBuilder().Build());
        fx.Service.CreateModel(ModelRequest(job));

        var transform = fx.Service.RunTransformJob(TransformRequest());

        Assert.Equal("Completed", transform.Status);
        var output = fx.Local($"s3://{FeatureWorkspace.Bucket}/reports/churn/run=r1/predictions/part-00000-c000.csv.out");
        var lines = File.ReadAllLines(output);
        var testRows = File.ReadAllLines(fx.Workspace.FeaturesFile("r1", "test"));
        Assert.Equal(testRows.Length, lines.Length);
        var labels = new List<float>();
        var scores = new List<float>();
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            Assert.Equal(2, cells.Length);
            Assert.Equal(testRows[i].Split(',')[0], cells[0]);
            labels.Add(float.Parse(cells[0], CultureInfo.InvariantCulture));
            scores.Add(float.Parse(cells[1], CultureInfo.InvariantCulture));
        }
        Assert.All(scores, s => Assert.InRange(s, 0f, 1f));
        Assert.True(BinaryClassificationMetrics.Auc(labels, scores) >= 0.80);
    }

    [Fact]
    public async Task A_multiclass_transform_keeps_the_joined_record_ending_in_the_containers_probability_list_which_the_evaluation_reads()
    {
        using var fx = new SageMakerFixture();
        var job = await fx.TrainAsync(new TrainingRequestBuilder().With("objective", "multi:softprob").With("num_class", "2").With("eval_metric", "mlogloss").Build());
        fx.Service.CreateModel(ModelRequest(job));
        var request = TransformRequest();
        request["DataProcessing"]!["OutputFilter"] = "$";

        var transform = fx.Service.RunTransformJob(request);

        Assert.Equal("Completed", transform.Status);
        var output = fx.Local($"s3://{FeatureWorkspace.Bucket}/reports/churn/run=r1/predictions/part-00000-c000.csv.out");
        var lines = File.ReadAllLines(output);
        var testRows = File.ReadAllLines(fx.Workspace.FeaturesFile("r1", "test"));
        Assert.Equal(testRows.Length, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            // str() of the Python list, appended to the whole input record: "<label>,<features>,[p0, p1]".
            Assert.StartsWith(testRows[i] + ",[", lines[i]);
            Assert.EndsWith("]", lines[i]);
            var (label, probabilities) = Tasks.Evaluation.PredictionLine.Classes(lines[i], 2, output, i + 1);
            Assert.Equal(int.Parse(testRows[i].Split(',')[0], CultureInfo.InvariantCulture), label);
            Assert.Equal(1.0, probabilities.Sum(), 5);
        }
    }

    [Fact]
    public async Task A_transform_with_an_unknown_model_is_rejected_with_a_ValidationException()
    {
        using var fx = new SageMakerFixture();
        await Task.CompletedTask;

        var error = Assert.Throws<SageMakerServiceException>(() => fx.Service.RunTransformJob(TransformRequest()));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("Could not find model", error.Message);
    }

    [Theory]
    [InlineData("$[1:]", "b,c,d")]
    [InlineData("$[0,-1]", "a,d")]
    [InlineData("$", "a,b,c,d")]
    [InlineData("$[:2]", "a,b")]
    [InlineData("$[-2:]", "c,d")]
    [InlineData("$[2]", "c")]
    public void Csv_record_filters_select_columns_like_SageMakers_JSONPath(string filter, string expected)
    {
        var selected = CsvRecordFilter.Parse(filter).Apply(["a", "b", "c", "d"]);

        Assert.Equal(expected, string.Join(',', selected));
    }

    internal static JsonObject ModelRequest(TrainingJob job) => new()
    {
        ["ModelName"] = job.Name,
        ["ExecutionRoleArn"] = "arn:aws:iam::123456789012:role/churn-sagemaker",
        ["PrimaryContainer"] = new JsonObject
        {
            ["Image"] = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
            ["ModelDataUrl"] = job.ModelArtifact,
        },
    };

    internal static JsonObject TransformRequest(string modelName = "churn-20261123T1300-a1b2c3-r0") => new()
    {
        ["TransformJobName"] = modelName,
        ["ModelName"] = modelName,
        ["TransformInput"] = new JsonObject
        {
            ["DataSource"] = new JsonObject
            {
                ["S3DataSource"] = new JsonObject { ["S3DataType"] = "S3Prefix", ["S3Uri"] = $"s3://{FeatureWorkspace.Bucket}/features/churn/run=r1/test/" },
            },
            ["ContentType"] = "text/csv",
            ["SplitType"] = "Line",
        },
        ["TransformOutput"] = new JsonObject
        {
            ["S3OutputPath"] = $"s3://{FeatureWorkspace.Bucket}/reports/churn/run=r1/predictions/",
            ["AssembleWith"] = "Line",
        },
        ["TransformResources"] = new JsonObject { ["InstanceType"] = "ml.m5.large", ["InstanceCount"] = 1 },
        ["DataProcessing"] = new JsonObject { ["InputFilter"] = "$[1:]", ["JoinSource"] = "Input", ["OutputFilter"] = "$[0,-1]" },
    };
}
