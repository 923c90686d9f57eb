using Microsoft.Extensions.Logging;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Configuration;

/// <summary>
/// Everything a handler reads from its Lambda environment, bound once at construction (WORKFLOW.md "Names").
/// Where the handlers' object store and table live is not an option: <see cref="Composition.TaskServices"/> is
/// given its ports (AWS on Lambda, the local runtime's own stand-ins locally).
/// </summary>
public sealed record TaskOptions
{
    public const string DefaultMetricsNamespace = MetricNames.Namespace;

    public required string TableName { get; init; }
    public required string BucketName { get; init; }
    public required string PipelineName { get; init; }
    /// <summary>The pipeline spec the stack was synthesized from (cadence, evaluation, contract).</summary>
    public required PipelineSpec Pipeline { get; init; }
    public string MetricsNamespace { get; init; } = DefaultMetricsNamespace;
    public string? Region { get; init; }
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Lambda's level names; anything unrecognised keeps the default (INFO) rather than failing the function.</summary>
    public static LogLevel ParseLogLevel(string? level) => level?.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    /// <summary>Binds the options from the current <see cref="LambdaEnvironment"/>.</summary>
    public static TaskOptions FromEnvironment() => FromVariables(LambdaEnvironment.Variables);

    /// <summary>
    /// Binds the options from <paramref name="variables"/>; a missing or malformed variable is reported by name,
    /// all at once, so a misconfigured function fails on its first invocation with everything to fix.
    /// </summary>
    public static TaskOptions FromVariables(IReadOnlyDictionary<string, string> variables)
    {
        var problems = new List<string>();
        string Required(string name)
        {
            if (variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)) return value;
            problems.Add($"environment variable {name} is not set");
            return "";
        }
        string? Optional(string name) =>
            variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        var table = Required(LambdaEnvironmentVariables.TableName);
        var bucket = Required(LambdaEnvironmentVariables.BucketName);
        var pipelineName = Required(LambdaEnvironmentVariables.PipelineName);
        var configJson = Required(LambdaEnvironmentVariables.PipelineConfig);
        PipelineSpec? pipeline = null;
        if (configJson.Length > 0)
        {
            try
            {
                pipeline = PipelineConfig.Parse(configJson);
            }
            catch (PipelineConfigException e)
            {
                problems.Add($"environment variable {LambdaEnvironmentVariables.PipelineConfig}: {e.Message}");
            }
        }
        if (pipeline is not null && pipelineName.Length > 0 && pipeline.Name != pipelineName)
        {
            problems.Add($"environment variable {LambdaEnvironmentVariables.PipelineConfig} describes pipeline '{pipeline.Name}' " +
                         $"but {LambdaEnvironmentVariables.PipelineName} is '{pipelineName}'");
        }
        if (problems.Count > 0 || pipeline is null) throw new TaskConfigurationException(problems);

        return new TaskOptions
        {
            TableName = table,
            BucketName = bucket,
            PipelineName = pipelineName,
            Pipeline = pipeline,
            MetricsNamespace = Optional(LambdaEnvironmentVariables.MetricsNamespace) ?? DefaultMetricsNamespace,
            Region = Optional(LambdaEnvironmentVariables.Region),
            LogLevel = ParseLogLevel(Optional(LambdaEnvironmentVariables.LogLevel)),
        };
    }
}
