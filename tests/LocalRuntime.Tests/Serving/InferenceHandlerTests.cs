using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;
using TrainingOrchestration.LocalRuntime.Serving;
using TrainingOrchestration.LocalRuntime.Tests.SageMaker;

namespace TrainingOrchestration.LocalRuntime.Tests.Serving;

/// <summary>The local endpoint answers as the XGBoost container's algorithm-mode server does, with the batch transform's scores.</summary>
public sealed class InferenceHandlerTests
{
    [Fact]
    public async Task Ping_answers_and_invocations_score_csv_records_as_the_batch_transform_does()
    {
        using var fx = new SageMakerFixture();
        var job = await fx.TrainAsync(new TrainingRequestBuilder().Build());
        using var model = Booster.Load(ModelArtifact.ReadModel(fx.Local(job.ModelArtifact!), job.ModelArtifact!));
        var handler = new InferenceHandler(model);
        var features = File.ReadAllLines(fx.Workspace.FeaturesFile("r1", "test")).Take(5).Select(l => l[(l.IndexOf(',') + 1)..]).ToList();

        var ping = handler.Handle("GET", "/ping", null, "");
        var scored = handler.Handle("POST", "/invocations", "text/csv; charset=utf-8", string.Join('\n', features) + "\n");

        Assert.Equal(200, ping.Status);
        Assert.Equal((200, "text/csv"), (scored.Status, scored.ContentType));
        Assert.Equal(string.Join(',', BatchTransformer.Predict(model, "expected", features)), scored.Body);
        Assert.Equal(5, scored.Body.Split(',').Length);
    }

    [Theory]
    [InlineData("POST", "/invocations", "application/json", "{}", 415)]
    [InlineData("POST", "/invocations", "text/csv", "", 204)]
    [InlineData("POST", "/invocations", "text/csv", "1,2,abc\n", 415)]
    [InlineData("POST", "/invocations", "text/csv", "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n", 400)]
    [InlineData("GET", "/invocations", null, "", 405)]
    [InlineData("GET", "/models", null, "", 404)]
    public async Task Requests_outside_the_contract_get_the_containers_status_codes(string method, string path, string? contentType, string body, int status)
    {
        using var fx = new SageMakerFixture();
        var job = await fx.TrainAsync(new TrainingRequestBuilder().Build());
        using var model = Booster.Load(ModelArtifact.ReadModel(fx.Local(job.ModelArtifact!), job.ModelArtifact!));

        Assert.Equal(status, new InferenceHandler(model).Handle(method, path, contentType, body).Status);
    }
}
