using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.CloudWatch;
using TrainingOrchestration.Tasks.Configuration;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Lambda;

/// <summary>
/// The local Lambda service: the template's functions, invoked in process inside their own environment
/// (<see cref="LambdaEnvironment.Use"/> with the function's variables plus the runtime's local endpoints), each
/// invocation's log stream captured as CloudWatch Logs would receive it: console lines formatted by the runtime for
/// the function's log format, raw standard output passed through. Metrics are extracted from that stream as
/// CloudWatch does (<see cref="EmfExtractor"/>) into <paramref name="metrics"/>. <paramref name="createHandler"/> builds handler
/// instances through their composition root (see <see cref="LambdaHandlerInvoker"/>).
/// </summary>
public sealed class LocalLambdaService(IReadOnlyDictionary<string, string> runtimeVariables, Func<Type, object?>? createHandler = null,
    IClock? clock = null, LocalMetricStore? metrics = null)
{
    private readonly TimeProvider _time = clock is null ? TimeProvider.System : new ClockTimeProvider(clock);

    private readonly ConcurrentDictionary<string, LambdaFunction> _byName = new();
    private readonly ConcurrentDictionary<string, LambdaFunction> _byArn = new();
    private readonly LambdaHandlerInvoker _invoker = new(createHandler);
    private readonly ConcurrentQueue<LambdaInvocation> _invocations = new();

    public IReadOnlyList<LambdaInvocation> Invocations => _invocations.ToList();

    public IReadOnlyCollection<LambdaFunction> Functions => _byName.Values.ToList();

    public void Register(LambdaFunction function)
    {
        _byName[function.Name] = function;
        _byArn[function.Arn] = function;
    }

    /// <summary>Finds a function by name, ARN, partial ARN or qualified ARN (<c>:$LATEST</c>, alias).</summary>
    public LambdaFunction? Find(string nameOrArn)
    {
        if (_byName.TryGetValue(nameOrArn, out var byName)) return byName;
        if (_byArn.TryGetValue(nameOrArn, out var byArn)) return byArn;
        var parts = nameOrArn.Split(':');
        var index = Array.IndexOf(parts, "function");
        if (index >= 0 && index + 1 < parts.Length && _byName.TryGetValue(parts[index + 1], out var qualified)) return qualified;
        return null;
    }

    /// <summary>Invokes the function with <paramref name="payload"/>; an unhandled exception is returned as a function error.</summary>
    public async Task<LambdaResult> InvokeAsync(LambdaFunction function, JsonNode? payload)
    {
        var variables = new Dictionary<string, string>(function.Environment);
        foreach (var (key, value) in runtimeVariables) variables[key] = value;
        variables.TryAdd(LambdaEnvironmentVariables.FunctionName, function.Name);
        variables.TryAdd(LambdaEnvironmentVariables.FunctionMemorySize, function.MemorySizeMb.ToString(System.Globalization.CultureInfo.InvariantCulture));
        variables[LambdaEnvironmentVariables.LogFormat] = function.LogFormat;
        var buffer = new StringWriter();
        var log = TextWriter.Synchronized(buffer);
        var started = DateTimeOffset.UtcNow;
        var requestId = Guid.NewGuid().ToString();
        var console = TextWriter.Synchronized(new LambdaConsoleWriter(log, function.LogFormat, requestId, null, _time.GetUtcNow));
        LambdaResult result;
        using (LambdaEnvironment.Use(variables, console, log, _time))
        {
            try
            {
                using var input = new MemoryStream(Encoding.UTF8.GetBytes(payload?.ToJsonString() ?? "null"));
                await using var output = await Task.Run(() => _invoker.InvokeAsync(function.Arn, function.Handler, input));
                using var reader = new StreamReader(output, Encoding.UTF8);
                var text = await reader.ReadToEndAsync();
                result = new LambdaResult(requestId, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text), null);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                result = new LambdaResult(requestId, ErrorPayload(ex), ex.GetType().Name);
            }
        }
        console.Flush();
        var stream = buffer.ToString();
        _invocations.Enqueue(new LambdaInvocation(function.Name, requestId, started, DateTimeOffset.UtcNow - started, result.FunctionError, stream)
        {
            MemorySizeMb = function.MemorySizeMb,
            RunId = payload is JsonObject o && o["runId"] is JsonValue v && v.TryGetValue<string>(out var runId) ? runId : null,
        });
        metrics?.Add(stream.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(line => EmfExtractor.Extract(line, $"lambda:{function.Name}")));
        return result;
    }

    /// <summary>The error payload the .NET Lambda runtime writes for an unhandled exception.</summary>
    private static JsonObject ErrorPayload(Exception ex) => new()
    {
        ["errorType"] = ex.GetType().Name,
        ["errorMessage"] = ex.Message,
        ["stackTrace"] = new JsonArray((ex.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => (JsonNode)JsonValue.Create(line)!).ToArray()),
        ["cause"] = ex.InnerException is null ? null : new JsonObject { ["errorType"] = ex.InnerException.GetType().Name, ["errorMessage"] = ex.InnerException.Message },
    };
}
