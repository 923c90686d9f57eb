using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// The local SageMaker Model Registry: model package groups (provisioned from the template's
/// <c>AWS::SageMaker::ModelPackageGroup</c>) and their versioned model packages, kept in one JSON file of the workspace
/// so a reused workspace keeps its versions, as one AWS account does. Request and response shapes are the API's:
/// CreateModelPackage (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackage.html: versions
/// numbered from 1 per group, <c>ModelApprovalStatus</c> Approved | Rejected | PendingManualApproval, the default for a
/// versioned package PendingManualApproval; <c>ClientToken</c> makes a retried call return the same package),
/// UpdateModelPackage (API_UpdateModelPackage.html) and DescribeModelPackage; ARNs
/// <c>arn:aws:sagemaker:&lt;region&gt;:&lt;account&gt;:model-package/&lt;group, lowercased&gt;/&lt;version&gt;</c>.
/// </summary>
public sealed class ModelPackageRegistry(string stateFile, SageMakerLocalOptions options, IClock clock)
{
    public static readonly string[] ApprovalStatuses = ["Approved", "Rejected", "PendingManualApproval"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Lock _gate = new();

    /// <summary>Creates the group unless it exists (a redeploy keeps it and its versions).</summary>
    public void EnsureGroup(string name)
    {
        lock (_gate)
        {
            var state = Load();
            var groups = (JsonObject)state["groups"]!;
            if (groups.ContainsKey(name)) return;
            groups[name] = new JsonObject
            {
                ["ModelPackageGroupName"] = name,
                ["ModelPackageGroupArn"] = options.Arn("model-package-group", name),
                ["ModelPackageGroupStatus"] = "Completed",
                ["CreationTime"] = clock.UtcNow.ToString("O"),
            };
            Save(state);
        }
    }

    public JsonObject CreateModelPackage(JsonObject request)
    {
        var group = JsonRead.String(request["ModelPackageGroupName"]);
        if (group is null) throw SageMakerServiceException.Validation("ModelPackageGroupName is required for a versioned model package (unversioned packages are not supported locally).");
        var status = JsonRead.String(request["ModelApprovalStatus"]) ?? "PendingManualApproval";
        ValidateStatus(status);
        ValidatePackage(request);
        lock (_gate)
        {
            var state = Load();
            var groupName = GroupName(group);
            if (state["groups"]?[groupName] is null) throw SageMakerServiceException.Validation($"Model Package Group {groupName} does not exist.");
            var packages = (JsonArray)state["packages"]!;
            var token = JsonRead.String(request["ClientToken"]);
            var existing = packages.OfType<JsonObject>().FirstOrDefault(p =>
                token is not null && JsonRead.String(p["ModelPackageGroupName"]) == groupName && JsonRead.String(p["ClientToken"]) == token);
            if (existing is not null) return new JsonObject { ["ModelPackageArn"] = existing["ModelPackageArn"]!.DeepClone() };

            var version = packages.OfType<JsonObject>().Count(p => JsonRead.String(p["ModelPackageGroupName"]) == groupName) + 1;
            var arn = options.Arn("model-package", $"{groupName}/{version}");
            var package = new JsonObject
            {
                ["ModelPackageGroupName"] = groupName,
                ["ModelPackageVersion"] = version,
                ["ModelPackageArn"] = arn,
                ["ModelPackageStatus"] = "Completed",
                ["ModelApprovalStatus"] = status,
                ["CreationTime"] = clock.UtcNow.ToString("O"),
            };
            foreach (var key in new[] { "ModelPackageDescription", "InferenceSpecification", "ModelMetrics", "CustomerMetadataProperties", "Tags", "ClientToken" })
            {
                if (request[key] is { } value) package[key] = value.DeepClone();
            }
            packages.Add(package);
            Save(state);
            return new JsonObject { ["ModelPackageArn"] = arn };
        }
    }

    /// <summary>UpdateModelPackage's approval change: the status and its description; answers <c>{ModelPackageArn}</c>.</summary>
    public JsonObject UpdateModelPackage(JsonObject request)
    {
        var arn = JsonRead.String(request["ModelPackageArn"]) ?? throw SageMakerServiceException.Validation("ModelPackageArn is required.");
        var status = JsonRead.String(request["ModelApprovalStatus"]);
        if (status is not null) ValidateStatus(status);
        lock (_gate)
        {
            var state = Load();
            var package = Find(state, arn);
            if (status is not null) package["ModelApprovalStatus"] = status;
            if (JsonRead.String(request["ApprovalDescription"]) is { } description) package["ApprovalDescription"] = description;
            package["LastModifiedTime"] = clock.UtcNow.ToString("O");
            Save(state);
            return new JsonObject { ["ModelPackageArn"] = package["ModelPackageArn"]!.DeepClone() };
        }
    }

    public JsonObject DescribeModelPackage(string arn)
    {
        lock (_gate) return (JsonObject)Find(Load(), arn).DeepClone();
    }

    /// <summary>The group's packages, oldest version first.</summary>
    public IReadOnlyList<JsonObject> List(string group)
    {
        lock (_gate)
        {
            return Load()["packages"]!.AsArray().OfType<JsonObject>()
                .Where(p => JsonRead.String(p["ModelPackageGroupName"]) == GroupName(group))
                .Select(p => (JsonObject)p.DeepClone()).ToList();
        }
    }

    private static JsonObject Find(JsonObject state, string arn) =>
        state["packages"]!.AsArray().OfType<JsonObject>().FirstOrDefault(p => JsonRead.String(p["ModelPackageArn"]) == arn)
        ?? throw SageMakerServiceException.Validation($"Model package {arn} does not exist.");

    /// <summary>The group may be given by name or ARN.</summary>
    private static string GroupName(string group) => group.StartsWith("arn:", StringComparison.Ordinal) ? group[(group.LastIndexOf('/') + 1)..] : group;

    private static void ValidateStatus(string status)
    {
        if (!ApprovalStatuses.Contains(status))
        {
            throw SageMakerServiceException.Validation(
                $"1 validation error detected: Value '{status}' at 'modelApprovalStatus' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", ApprovalStatuses)}]");
        }
    }

    /// <summary>What CreateModelPackage requires of a versioned package built from a container image and artifact.</summary>
    private static void ValidatePackage(JsonObject request)
    {
        var inference = request["InferenceSpecification"] as JsonObject ?? throw SageMakerServiceException.Validation("InferenceSpecification is required.");
        var containers = inference["Containers"] as JsonArray;
        if (containers is not { Count: >= 1 and <= 15 } || containers.Any(c => JsonRead.String(c?["Image"]) is null))
        {
            throw SageMakerServiceException.Validation("InferenceSpecification.Containers must hold 1 to 15 containers, each with an Image.");
        }
        if (inference["SupportedContentTypes"] is not JsonArray || inference["SupportedResponseMIMETypes"] is not JsonArray)
        {
            throw SageMakerServiceException.Validation("InferenceSpecification requires SupportedContentTypes and SupportedResponseMIMETypes.");
        }
        if (JsonRead.String(request["ModelPackageDescription"]) is { Length: > 1024 })
        {
            throw SageMakerServiceException.Validation("ModelPackageDescription has more than 1024 characters.");
        }
        if (request["ModelMetrics"]?["ModelQuality"]?["Statistics"] is JsonObject statistics
            && (JsonRead.String(statistics["ContentType"]) is null || JsonRead.String(statistics["S3Uri"]) is not { } uri || !(uri.StartsWith("s3://", StringComparison.Ordinal) || uri.StartsWith("https://", StringComparison.Ordinal))))
        {
            throw SageMakerServiceException.Validation("ModelMetrics.ModelQuality.Statistics needs a ContentType and an S3Uri (s3:// or https://).");
        }
    }

    private JsonObject Load() =>
        File.Exists(stateFile) && JsonNode.Parse(File.ReadAllText(stateFile)) is JsonObject state
            ? state
            : new JsonObject { ["groups"] = new JsonObject(), ["packages"] = new JsonArray() };

    private void Save(JsonObject state)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(stateFile)!);
        var temporary = stateFile + ".tmp";
        File.WriteAllText(temporary, state.ToJsonString(Indented));
        File.Move(temporary, stateFile, overwrite: true);
    }
}
