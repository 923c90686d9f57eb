using System.Net;
using System.Text;
using TrainingOrchestration.LocalRuntime.Runs;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.LocalRuntime.SageMaker.Xgboost;

namespace TrainingOrchestration.LocalRuntime.Serving;

/// <summary>
/// <c>serve &lt;pipeline&gt;</c>: the workspace's champion (<c>CHAMPION.artifact</c>, the approved copy) loaded from its
/// <c>model.tar.gz</c> and served on <c>http://127.0.0.1:&lt;port&gt;/</c> with the <see cref="InferenceHandler"/>
/// (port 8080 by default, the container's <c>SAGEMAKER_BIND_TO_PORT</c> default) until cancelled.
/// </summary>
public static class LocalModelServer
{
    public const int DefaultPort = 8080;

    /// <summary>The champion's run id and the local path of its approved artifact.</summary>
    public static (string RunId, string ArtifactPath) Champion(string workspace)
    {
        var record = RunRecord.Read(workspace) ?? throw new FileNotFoundException($"{workspace} has no {RunRecord.FileName}: no run has finished there.");
        var champion = record["champion"] as System.Text.Json.Nodes.JsonObject
            ?? throw new InvalidOperationException($"{workspace} has no champion yet: no run has been promoted there.");
        var artifact = champion["artifact"]!.GetValue<string>();
        var path = Glue.S3Location.Parse(artifact).ToLocalPath(Path.Combine(workspace, "s3"));
        return File.Exists(path) ? (champion["runId"]!.GetValue<string>(), path)
            : throw new FileNotFoundException($"The champion's artifact {artifact} is not in the workspace ({path}).");
    }

    /// <summary>
    /// The model a local endpoint serves (<c>serve --endpoint</c>): its current configuration's variant's model, as
    /// <c>&lt;workspace&gt;/sagemaker/endpoints.json</c> and the model's CreateModel request record them — after a rolled
    /// back deployment that is the previous model, not the champion.
    /// </summary>
    public static (string EndpointConfig, string ArtifactPath) Endpoint(string workspace, string endpoint)
    {
        var sagemaker = Path.Combine(workspace, "sagemaker");
        var state = Path.Combine(sagemaker, "endpoints.json");
        var endpoints = File.Exists(state) ? System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(state)) : null;
        var config = endpoints?["endpoints"]?[endpoint]?["EndpointConfigName"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{workspace} has no endpoint {endpoint}: no run has deployed to it there.");
        var model = endpoints!["configs"]?[config]?["ProductionVariants"]?[0]?["ModelName"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"Endpoint {endpoint}'s configuration {config} names no model.");
        var modelFile = Path.Combine(sagemaker, "models", model + ".json");
        var artifact = File.Exists(modelFile) ? System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(modelFile))?["PrimaryContainer"]?["ModelDataUrl"]?.GetValue<string>() : null;
        if (artifact is null) throw new FileNotFoundException($"Model {model} of endpoint {endpoint} is not in the workspace ({modelFile}).");
        var path = Glue.S3Location.Parse(artifact).ToLocalPath(Path.Combine(workspace, "s3"));
        return File.Exists(path) ? (config, path) : throw new FileNotFoundException($"Endpoint {endpoint}'s artifact {artifact} is not in the workspace ({path}).");
    }

    public static async Task ServeAsync(string artifactPath, int port, Action<string> log, CancellationToken cancellationToken)
    {
        using var model = Booster.Load(ModelArtifact.ReadModel(artifactPath, artifactPath));
        var handler = new InferenceHandler(model);
        using var listener = new HttpListener();
        // Both host names a local client uses: HttpListener answers 404 to a Host it has no prefix for.
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add($"http://localhost:{port}/");
        listener.Start();
        log($"Serving {artifactPath} on http://127.0.0.1:{port}/ (GET /ping, POST /invocations text/csv); Ctrl+C stops.");
        await using var stop = cancellationToken.Register(listener.Stop);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                break;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(cancellationToken);
            var response = handler.Handle(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "/", context.Request.ContentType, body);
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            context.Response.ContentLength64 = bytes.Length;
            if (bytes.Length > 0) await context.Response.OutputStream.WriteAsync(bytes, cancellationToken);
            context.Response.Close();
            log($"{context.Request.HttpMethod} {context.Request.Url?.AbsolutePath} -> {response.Status}");
        }
    }
}
