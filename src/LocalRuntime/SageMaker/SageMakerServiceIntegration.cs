using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Faults;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// Step Functions' SageMaker integrations over <see cref="LocalSageMakerService"/>: the optimized
/// <c>sagemaker:createTrainingJob</c> (request-response or <c>.sync</c>), <c>createModel</c>,
/// <c>createTransformJob(.sync)</c>, and the AWS SDK <c>aws-sdk:sagemaker:describeTrainingJob</c> /
/// <c>stopTrainingJob</c> and the Model Registry's <c>createModelPackage</c> / <c>updateModelPackage</c> /
/// <c>describeModelPackage</c> (<see cref="ModelPackageRegistry"/>), and hosting: the optimized <c>createEndpointConfig</c> /
/// <c>createEndpoint</c> and the SDK's <c>updateEndpoint</c> / <c>describeEndpoint</c> (<see cref="Endpoints.LocalEndpoints"/>). API errors become the error names Step Functions reports (see README.md).
/// </summary>
public sealed partial class SageMakerServiceIntegration(LocalSageMakerService sageMaker) : IServiceIntegration
{
    public bool CanHandle(string resource) => ResourcePattern().IsMatch(resource);

    public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var parameters = request.Parameters as JsonObject ?? new JsonObject();
        try
        {
            return request.Action switch
            {
                "createTrainingJob" => await CreateTrainingJob(parameters, request.Pattern == IntegrationPattern.Sync, cancellationToken),
                "createModel" => sageMaker.CreateModel(parameters),
                "createTransformJob" => CreateTransformJob(parameters, request.Pattern == IntegrationPattern.Sync),
                "describeTrainingJob" => TrainingJobDescription.ToJson(
                    sageMaker.DescribeTrainingJob(JsonRead.String(parameters["TrainingJobName"]) ?? ""), TimestampStyle.Iso8601),
                "stopTrainingJob" => Stop(parameters),
                "createModelPackage" => sageMaker.ModelPackages.CreateModelPackage(parameters),
                "updateModelPackage" => sageMaker.ModelPackages.UpdateModelPackage(parameters),
                "createEndpointConfig" => sageMaker.Endpoints.CreateEndpointConfig(parameters),
                "createEndpoint" => sageMaker.Endpoints.CreateEndpoint(parameters),
                "updateEndpoint" => sageMaker.Endpoints.UpdateEndpoint(parameters),
                "describeEndpoint" => sageMaker.Endpoints.DescribeEndpoint(JsonRead.String(parameters["EndpointName"]) ?? ""),
                "describeModelPackage" => sageMaker.ModelPackages.DescribeModelPackage(JsonRead.String(parameters["ModelPackageName"]) ?? ""),
                _ => throw new TaskFailedException("States.Runtime", $"sagemaker:{request.Action} has no local stand-in"),
            };
        }
        catch (SageMakerServiceException e)
        {
            throw request.IsAwsSdk ? SdkError(e) : OptimizedError(e);
        }
    }

    private async Task<JsonNode?> CreateTrainingJob(JsonObject parameters, bool sync, CancellationToken cancellationToken)
    {
        var created = sageMaker.CreateTrainingJob(parameters);
        if (!sync) return created;
        var job = sageMaker.DescribeTrainingJob(JsonRead.String(parameters["TrainingJobName"])!);
        await job.Finished.WaitAsync(cancellationToken);
        var description = TrainingJobDescription.ToJson(job, TimestampStyle.EpochMilliseconds);
        return job.Status == "Completed" ? description : throw new TaskFailedException("States.TaskFailed", description.ToJsonString());
    }

    private JsonNode CreateTransformJob(JsonObject parameters, bool sync)
    {
        var job = sageMaker.RunTransformJob(parameters);
        if (!sync) return new JsonObject { ["TransformJobArn"] = job.Arn };
        var description = job.ToJson(TimestampStyle.EpochMilliseconds);
        return job.Status == "Completed" ? description : throw new TaskFailedException("States.TaskFailed", description.ToJsonString());
    }

    private JsonObject Stop(JsonObject parameters)
    {
        sageMaker.StopTrainingJob(JsonRead.String(parameters["TrainingJobName"]) ?? "");
        return new JsonObject();
    }

    /// <summary>Optimized integrations name errors after the SDK v1 exception: unmodelled codes are AmazonSageMakerException.</summary>
    private static TaskFailedException OptimizedError(SageMakerServiceException e) =>
        AwsErrorNames.For("sagemaker:createTrainingJob", e.ErrorCode, e.Message, 400);

    /// <summary>AWS SDK integrations name errors <c>SageMaker.&lt;Code&gt;</c> with the Exception suffix always added.</summary>
    private static TaskFailedException SdkError(SageMakerServiceException e) =>
        AwsErrorNames.For("aws-sdk:sagemaker:describeTrainingJob", e.ErrorCode, e.Message, 400);

    [GeneratedRegex(@"^arn:aws[a-z-]*:states:[^:]*:[^:]*:(sagemaker:(createTrainingJob(\.sync)?|createModel|createTransformJob(\.sync)?|createEndpointConfig|createEndpoint)|aws-sdk:sagemaker:(describeTrainingJob|stopTrainingJob|createModelPackage|updateModelPackage|describeModelPackage|updateEndpoint|describeEndpoint))$")]
    private static partial Regex ResourcePattern();
}
