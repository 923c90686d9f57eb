using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// The synchronous checks SageMaker makes before accepting CreateTrainingJob / CreateModel / CreateTransformJob,
/// reported together as one ValidationException in AWS's "N validation errors detected: ..." wording.
/// </summary>
public static partial class SageMakerRequestValidator
{
    public static void ValidateTrainingJob(JsonObject request)
    {
        var errors = new List<string>();
        Name(request, "TrainingJobName", "trainingJobName", errors);
        var algorithm = request["AlgorithmSpecification"] as JsonObject;
        if (algorithm is null) errors.Add(Null("algorithmSpecification"));
        else
        {
            if (algorithm["TrainingImage"] is null && algorithm["AlgorithmName"] is null)
                errors.Add("Value null at 'algorithmSpecification.trainingImage' failed to satisfy constraint: either TrainingImage or AlgorithmName must be specified");
            if (JsonRead.String(algorithm["TrainingInputMode"]) is not ("File" or "Pipe" or "FastFile"))
                errors.Add("Value at 'algorithmSpecification.trainingInputMode' failed to satisfy constraint: Member must satisfy enum value set: [Pipe, File, FastFile]");
        }
        if (JsonRead.String(request["RoleArn"]) is not { Length: >= 20 } role || !role.StartsWith("arn:aws", StringComparison.Ordinal))
            errors.Add("Value at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$");
        if (JsonRead.String(request["OutputDataConfig"]?["S3OutputPath"]) is not { } output || !output.StartsWith("s3://", StringComparison.Ordinal))
            errors.Add("Value at 'outputDataConfig.s3OutputPath' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(https|s3)://([^/]+)/?(.*)$");
        if (request["ResourceConfig"] is not JsonObject resources || resources["InstanceCount"] is null || resources["VolumeSizeInGB"] is null)
            errors.Add(Null("resourceConfig"));
        Stopping(request, errors);
        Channels(request, errors);
        if (errors.Count > 0) throw Combined(errors);
    }

    public static void ValidateModel(JsonObject request)
    {
        var errors = new List<string>();
        Name(request, "ModelName", "modelName", errors);
        if (request["ExecutionRoleArn"] is null) errors.Add(Null("executionRoleArn"));
        if (request["PrimaryContainer"] is null && request["Containers"] is null)
            errors.Add("Value null at 'primaryContainer' failed to satisfy constraint: PrimaryContainer or Containers must be specified");
        if (errors.Count > 0) throw Combined(errors);
    }

    public static void ValidateTransformJob(JsonObject request)
    {
        var errors = new List<string>();
        Name(request, "TransformJobName", "transformJobName", errors);
        if (request["ModelName"] is null) errors.Add(Null("modelName"));
        if (JsonRead.String(request["TransformInput"]?["DataSource"]?["S3DataSource"]?["S3Uri"]) is not { } input || !input.StartsWith("s3://", StringComparison.Ordinal))
            errors.Add("Value at 'transformInput.dataSource.s3DataSource.s3Uri' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(https|s3)://([^/]+)/?(.*)$");
        if (JsonRead.String(request["TransformOutput"]?["S3OutputPath"]) is not { } output || !output.StartsWith("s3://", StringComparison.Ordinal))
            errors.Add("Value at 'transformOutput.s3OutputPath' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(https|s3)://([^/]+)/?(.*)$");
        if (request["TransformResources"] is null) errors.Add(Null("transformResources"));
        if (errors.Count > 0) throw Combined(errors);
    }

    private static void Name(JsonObject request, string field, string wireName, List<string> errors)
    {
        var name = JsonRead.String(request[field]);
        if (name is null) errors.Add(Null(wireName));
        else if (!NamePattern().IsMatch(name))
            errors.Add($"Value '{name}' at '{wireName}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){{0,62}}");
    }

    private static void Stopping(JsonObject request, List<string> errors)
    {
        var max = JsonRead.Int(request["StoppingCondition"]?["MaxRuntimeInSeconds"]);
        if (max is null) { errors.Add(Null("stoppingCondition")); return; }
        if (max < 1) errors.Add($"Value '{max}' at 'stoppingCondition.maxRuntimeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 1");
        var spot = JsonRead.Bool(request["EnableManagedSpotTraining"]);
        var wait = JsonRead.Int(request["StoppingCondition"]?["MaxWaitTimeInSeconds"]);
        if (spot && wait is null) errors.Add("Value null at 'stoppingCondition.maxWaitTimeInSeconds' failed to satisfy constraint: MaxWaitTimeInSeconds is required for managed spot training");
        if (wait is not null && wait < max) errors.Add($"Invalid MaxWaitTimeInSeconds {wait}: it must be greater than or equal to MaxRuntimeInSeconds {max}");
    }

    private static void Channels(JsonObject request, List<string> errors)
    {
        if (request["InputDataConfig"] is not JsonArray channels) return;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channel in channels.OfType<JsonObject>())
        {
            var name = JsonRead.String(channel["ChannelName"]);
            if (name is null || !ChannelPattern().IsMatch(name))
                errors.Add($"Value '{name}' at 'inputDataConfig.member.channelName' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9\\.\\-_]+");
            else if (!names.Add(name)) errors.Add($"Channel names must be unique; '{name}' appears more than once");
            var uri = JsonRead.String(channel["DataSource"]?["S3DataSource"]?["S3Uri"]);
            if (uri is null || !uri.StartsWith("s3://", StringComparison.Ordinal))
                errors.Add($"Value '{uri}' at 'inputDataConfig.member.dataSource.s3DataSource.s3Uri' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(https|s3)://([^/]+)/?(.*)$");
        }
    }

    private static string Null(string wireName) => $"Value null at '{wireName}' failed to satisfy constraint: Member must not be null";

    private static SageMakerServiceException Combined(List<string> errors) =>
        SageMakerServiceException.Validation(errors.Count == 1
            ? $"1 validation error detected: {errors[0]}"
            : $"{errors.Count} validation errors detected: {string.Join("; ", errors)}");

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9\\.\\-_]+$")]
    private static partial Regex ChannelPattern();
}
