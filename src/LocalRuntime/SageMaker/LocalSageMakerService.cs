using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.Glue;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// The local SageMaker: training jobs run the <see cref="XgboostTrainer"/> in the background (holding the virtual
/// clock so time does not jump past them), write <c>model.tar.gz</c>, and publish "SageMaker Training Job State
/// Change" when they end; models and batch transform jobs score with the trained model.
/// </summary>
/// <param name="s3Root">The folder holding one folder per bucket.</param>
/// <param name="publish">Puts one event on the local EventBridge bus (<c>ILocalEventBus.PutEventsAsync</c>).</param>
/// <param name="clock">The runtime's clock; a <see cref="VirtualClock"/> is held while a training job runs.</param>
/// <param name="modelsDirectory">
/// Where models are kept as JSON, one file each, so a later session on the same workspace (a redrive) finds the models
/// an earlier one created, as SageMaker keeps them in the account; null keeps them in memory only.
/// </param>
public sealed class LocalSageMakerService(string s3Root, Func<JsonNode, Task> publish, IClock clock, SageMakerLocalOptions? options = null,
    CloudWatch.LocalMetricStore? metrics = null, string? modelsDirectory = null)
{
    private readonly SageMakerLocalOptions _options = options ?? new SageMakerLocalOptions();
    private readonly ConcurrentDictionary<string, TrainingJob> _trainingJobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TransformJob> _transformJobs = new(StringComparer.Ordinal);
    private ModelPackageRegistry? _modelPackages;

    public SageMakerLocalOptions Options => _options;

    /// <summary>
    /// The hosting API (endpoint configurations and endpoints), kept beside the buckets in
    /// <c>&lt;workspace&gt;/sagemaker/endpoints.json</c>; the local cloud replaces it with one that watches its alarms.
    /// </summary>
    public Endpoints.LocalEndpoints Endpoints
    {
        get => _endpoints ??= new Endpoints.LocalEndpoints(
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(s3Root))!, "sagemaker", "endpoints.json"), _options, clock, HasModel);
        set => _endpoints = value;
    }

    private Endpoints.LocalEndpoints? _endpoints;

    /// <summary>Whether CreateModel made a model of that name (in this session or an earlier one on the workspace).</summary>
    public bool HasModel(string name) => FindModel(name) is not null;

    /// <summary>The Model Registry, kept beside the buckets in <c>&lt;workspace&gt;/sagemaker/model-packages.json</c>.</summary>
    public ModelPackageRegistry ModelPackages => _modelPackages ??= new ModelPackageRegistry(
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(s3Root))!, "sagemaker", "model-packages.json"), _options, clock);

    /// <summary>CreateTrainingJob: validates, records the job InProgress, starts training, returns <c>{TrainingJobArn}</c>.</summary>
    public JsonObject CreateTrainingJob(JsonObject request)
    {
        SageMakerRequestValidator.ValidateTrainingJob(request);
        var name = JsonRead.String(request["TrainingJobName"])!;
        var job = new TrainingJob(name, _options.Arn("training-job", name), (JsonObject)request.DeepClone(), clock.UtcNow);
        if (!_trainingJobs.TryAdd(name, job))
        {
            throw new SageMakerServiceException("ResourceInUse",
                $"Training job names must be unique within an AWS account and region, and a training job with this name already exists ({job.Arn})");
        }
        job.Enter("Starting", "Launching requested ML instances", job.CreationTime);
        var hold = clock is VirtualClock virtualClock ? virtualClock.Hold() : null;
        _ = Task.Run(() => RunTrainingAsync(job, hold));
        return new JsonObject { ["TrainingJobArn"] = job.Arn };
    }

    public TrainingJob DescribeTrainingJob(string name) =>
        _trainingJobs.TryGetValue(name, out var job) ? job : throw SageMakerServiceException.NotFound();

    /// <summary>StopTrainingJob: the job ends Stopped (SecondaryStatus Stopped) and its event is published.</summary>
    public void StopTrainingJob(string name)
    {
        var job = DescribeTrainingJob(name);
        if (job.IsTerminal) throw SageMakerServiceException.Validation($"The request was rejected because the training job is in status {job.Status}.");
        job.StopRequested.Cancel();
    }

    /// <summary>CreateModel: records the model (its artifact must exist); returns <c>{ModelArn}</c>.</summary>
    public JsonObject CreateModel(JsonObject request)
    {
        SageMakerRequestValidator.ValidateModel(request);
        var name = JsonRead.String(request["ModelName"])!;
        var artifact = JsonRead.String(request["PrimaryContainer"]?["ModelDataUrl"] ?? request["Containers"]?[0]?["ModelDataUrl"]);
        if (artifact is null || !S3Location.TryParse(artifact, out var location) || !File.Exists(location.ToLocalPath(s3Root)))
        {
            throw SageMakerServiceException.Validation($"Could not find model data at {artifact}.");
        }
        var arn = _options.Arn("model", name);
        var model = (JsonObject)request.DeepClone();
        model["ModelArn"] = arn;
        if (FindModel(name) is not null || !_models.TryAdd(name, model)) throw SageMakerServiceException.Validation($"Cannot create already existing model \"{arn}\".");
        if (modelsDirectory is not null)
        {
            Directory.CreateDirectory(modelsDirectory);
            File.WriteAllText(Path.Combine(modelsDirectory, name + ".json"), model.ToJsonString());
        }
        return new JsonObject { ["ModelArn"] = arn };
    }

    private JsonObject? FindModel(string name)
    {
        if (_models.TryGetValue(name, out var model)) return model;
        var file = modelsDirectory is null ? null : Path.Combine(modelsDirectory, name + ".json");
        return file is not null && File.Exists(file) ? _models.GetOrAdd(name, _ => JsonNode.Parse(File.ReadAllText(file))!.AsObject()) : null;
    }

    /// <summary>CreateTransformJob, run to completion: scores every input file with the model and writes <c>&lt;file&gt;.out</c>.</summary>
    public TransformJob RunTransformJob(JsonObject request)
    {
        SageMakerRequestValidator.ValidateTransformJob(request);
        var name = JsonRead.String(request["TransformJobName"])!;
        var modelName = JsonRead.String(request["ModelName"])!;
        if (FindModel(modelName) is not { } model)
        {
            throw SageMakerServiceException.Validation($"Could not find model \"{_options.Arn("model", modelName)}\".");
        }
        var job = new TransformJob(name, _options.Arn("transform-job", name), (JsonObject)request.DeepClone(), clock.UtcNow);
        if (!_transformJobs.TryAdd(name, job))
        {
            throw new SageMakerServiceException("ResourceInUse", $"Job name must be unique within an AWS account and region, and a job with this name already exists ({job.Arn})");
        }
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var artifact = S3Location.Parse(JsonRead.String(model["PrimaryContainer"]?["ModelDataUrl"] ?? model["Containers"]?[0]?["ModelDataUrl"])!);
            new BatchTransformer(s3Root).Run(artifact, request);
            job.Finish("Completed", null, job.CreationTime + stopwatch.Elapsed);
        }
        catch (AlgorithmFailure e)
        {
            job.Finish("Failed", e.FailureReason, job.CreationTime + stopwatch.Elapsed);
        }
        return job;
    }

    private async Task RunTrainingAsync(TrainingJob job, IDisposable? hold)
    {
        try
        {
            var started = clock.UtcNow;
            var stopwatch = Stopwatch.StartNew();
            DateTimeOffset Now() => Max(clock.UtcNow, started + stopwatch.Elapsed);
            var maxRuntime = TimeSpan.FromSeconds(JsonRead.Int(job.Request["StoppingCondition"]?["MaxRuntimeInSeconds"]) ?? 86400);
            var trainer = new XgboostTrainer();
            try
            {
                job.Enter("Downloading", "Downloading input data", Now());
                using var channels = TrainingChannels.Load(s3Root, job.Request, _options.Region);
                var hyperparameters = JsonRead.StringMap(job.Request["HyperParameters"]);
                job.Enter("Training", "Training image download completed. Training in progress.", Now());
                using var runtime = CancellationTokenSource.CreateLinkedTokenSource(job.StopRequested.Token);
                var deadline = maxRuntime - stopwatch.Elapsed;
                runtime.CancelAfter(deadline > TimeSpan.Zero ? deadline : TimeSpan.Zero);
                TrainedModel? model = null;
                try
                {
                    model = await Task.Run(() => trainer.Train(channels.Train, channels.Validation, hyperparameters, runtime.Token), CancellationToken.None);
                }
                catch (OperationCanceledException) when (runtime.IsCancellationRequested)
                {
                    // Training stops between boosting rounds, as the container's process stops on SIGTERM.
                }
                if (model is null)
                {
                    var runtimeExceeded = !job.StopRequested.IsCancellationRequested;
                    job.Finish("Stopped", runtimeExceeded ? "MaxRuntimeExceeded" : "Stopped",
                        runtimeExceeded ? "Training job runtime exceeded MaxRuntimeInSeconds provided" : "Training job stopped by user", Now());
                }
                else
                {
                    job.Enter("Uploading", "Uploading generated training model", Now());
                    var artifact = WriteArtifact(job, model);
                    job.Finish("Completed", "Completed", "Training job completed", Now(), artifact: artifact, metrics: model.FinalMetrics,
                        trainer: model.LibraryVersion);
                    metrics?.Add(CloudWatch.ServiceMetrics.ForTrainingJob(job.Name, model.FinalMetrics, job.TrainingEndTime ?? Now()));
                }
            }
            catch (AlgorithmFailure e)
            {
                job.Finish("Failed", "Failed", "Training job failed", Now(), failureReason: e.FailureReason);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                job.Finish("Failed", "Failed", "Training job failed", Now(), failureReason: $"AlgorithmError: {e.GetType().Name}: {e.Message}");
            }
            await publish(TrainingJobStateChange.Build(job, _options, Now()));
        }
        finally
        {
            job.MarkPublished();
            hold?.Dispose();
        }
    }

    private string WriteArtifact(TrainingJob job, TrainedModel model)
    {
        var output = S3Location.Parse(JsonRead.String(job.Request["OutputDataConfig"]?["S3OutputPath"])!);
        var location = output.Append($"{job.Name}/output/model.tar.gz");
        ModelArtifact.Write(location.ToLocalPath(s3Root), model.Model);
        return location.ToString();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
