using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingOrchestration.Asl;

namespace TrainingOrchestration.LocalRuntime.SageMaker.Endpoints;

/// <summary>
/// The local SageMaker hosting API: CreateEndpointConfig, CreateEndpoint, UpdateEndpoint and DescribeEndpoint with the
/// API's request and response shapes and its errors (all <c>ValidationException</c>: "Could not find endpoint
/// \"&lt;arn&gt;\".", as aws/amazon-sagemaker-examples#2402 shows it, "Cannot create already existing endpoint ...",
/// "Cannot update in-progress endpoint ..."). Endpoints move on the runtime's virtual clock, worked out when asked:
/// Creating → InService after <see cref="Provisioning"/>; an update is a blue/green deployment
/// (<see cref="BlueGreenTimeline"/>, <see cref="BlueGreenDeployment"/>) that shifts traffic as its DeploymentConfig
/// says and rolls back when a watched alarm is in ALARM during the shift or the baking period. State is kept in
/// <c>&lt;workspace&gt;/sagemaker/endpoints.json</c>, so a later run on the workspace updates the endpoint an earlier
/// one created, as one AWS account does.
/// </summary>
public sealed partial class LocalEndpoints(string stateFile, SageMakerLocalOptions options, IClock clock, Func<string, bool> modelExists)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Lock _gate = new();

    /// <summary>How long a new fleet takes to come up (create, or the green fleet of an update).</summary>
    public TimeSpan Provisioning { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Watches the deployment: alarms, and the traffic each fleet serves (<see cref="BlueGreenDeployment"/>).</summary>
    public BlueGreenDeployment Deployments { get; init; } = new(new EndpointTraffic(null), (_, _, _) => null);

    public JsonObject CreateEndpointConfig(JsonObject request)
    {
        var name = Name(request, "EndpointConfigName");
        if (request["ProductionVariants"] is not JsonArray { Count: > 0 } variants) throw SageMakerServiceException.Validation("ProductionVariants must contain at least 1 item.");
        foreach (var variant in variants.OfType<JsonObject>())
        {
            var model = JsonRead.String(variant["ModelName"]) ?? "";
            if (!modelExists(model)) throw SageMakerServiceException.Validation($"Could not find model \"{options.Arn("model", model)}\".");
            if (JsonRead.String(variant["InstanceType"]) is null || (JsonRead.Int(variant["InitialInstanceCount"]) ?? 0) < 1)
                throw SageMakerServiceException.Validation("Each production variant needs an InstanceType and an InitialInstanceCount of at least 1.");
        }
        var arn = options.Arn("endpoint-config", name);
        return Change(state =>
        {
            if (Configs(state)[name] is not null) throw SageMakerServiceException.Validation($"Cannot create already existing endpoint configuration \"{arn}\".");
            var config = (JsonObject)request.DeepClone();
            config["EndpointConfigArn"] = arn;
            config["CreationTime"] = clock.UtcNow.ToString("O");
            Configs(state)[name] = config;
            return new JsonObject { ["EndpointConfigArn"] = arn };
        });
    }

    public JsonObject CreateEndpoint(JsonObject request)
    {
        var name = Name(request, "EndpointName");
        var configName = JsonRead.String(request["EndpointConfigName"]) ?? "";
        var arn = options.Arn("endpoint", name);
        return Change(state =>
        {
            if (Endpoints(state)[name] is not null) throw SageMakerServiceException.Validation($"Cannot create already existing endpoint \"{arn}\".");
            RequireConfig(state, configName);
            var now = clock.UtcNow;
            Endpoints(state)[name] = new JsonObject
            {
                ["EndpointName"] = name, ["EndpointArn"] = arn, ["EndpointConfigName"] = configName, ["EndpointStatus"] = "Creating",
                ["CreationTime"] = now.ToString("O"), ["LastModifiedTime"] = now.ToString("O"),
                ["pending"] = new JsonObject { ["kind"] = "create", ["EndpointConfigName"] = configName, ["StartTime"] = now.ToString("O") },
                ["shifts"] = new JsonArray(),
            };
            return new JsonObject { ["EndpointArn"] = arn };
        });
    }

    public JsonObject UpdateEndpoint(JsonObject request)
    {
        var name = Name(request, "EndpointName");
        var configName = JsonRead.String(request["EndpointConfigName"]) ?? "";
        return Change(state =>
        {
            var endpoint = Find(state, name);
            if (JsonRead.String(endpoint["EndpointStatus"]) != "InService")
                throw SageMakerServiceException.Validation($"Cannot update in-progress endpoint \"{endpoint["EndpointArn"]}\".");
            var config = RequireConfig(state, configName);
            var current = (JsonObject)Configs(state)[JsonRead.String(endpoint["EndpointConfigName"])!]!;
            if (!VariantNames(current).SetEquals(VariantNames(config)))
                throw SageMakerServiceException.Validation("A blue/green deployment needs the new endpoint configuration to have the same variant names as the old one.");
            var now = clock.UtcNow;
            endpoint["EndpointStatus"] = "Updating";
            endpoint["LastModifiedTime"] = now.ToString("O");
            endpoint.Remove("FailureReason");
            endpoint["pending"] = new JsonObject
            {
                ["kind"] = "update", ["EndpointConfigName"] = configName, ["StartTime"] = now.ToString("O"),
                ["DeploymentConfig"] = request["DeploymentConfig"]?.DeepClone(), ["monitoredUntil"] = null,
            };
            return new JsonObject { ["EndpointArn"] = endpoint["EndpointArn"]!.DeepClone() };
        });
    }

    /// <summary>DescribeEndpoint's answer (times ISO 8601, as the AWS SDK integration returns them).</summary>
    public JsonObject DescribeEndpoint(string name) => Change(state =>
    {
        var endpoint = Find(state, name);
        var answer = new JsonObject();
        foreach (var key in new[] { "EndpointName", "EndpointArn", "EndpointConfigName", "EndpointStatus", "FailureReason", "CreationTime", "LastModifiedTime", "LastDeploymentConfig" })
        {
            if (endpoint[key] is { } value) answer[key] = value.DeepClone();
        }
        var config = (JsonObject)Configs(state)[JsonRead.String(endpoint["EndpointConfigName"])!]!;
        answer["ProductionVariants"] = Variants(config, Percent(endpoint, blue: true));
        if (endpoint["pending"] is JsonObject { } pending && JsonRead.String(pending["kind"]) == "update")
        {
            var green = (JsonObject)Configs(state)[JsonRead.String(pending["EndpointConfigName"])!]!;
            answer["PendingDeploymentSummary"] = new JsonObject
            {
                ["EndpointConfigName"] = pending["EndpointConfigName"]!.DeepClone(),
                ["ProductionVariants"] = Variants(green, Percent(endpoint, blue: false)),
                ["StartTime"] = pending["StartTime"]!.DeepClone(),
            };
        }
        return answer;
    });

    /// <summary>The endpoint as the stand-in keeps it (with its traffic <c>shifts</c> and any pending deployment), for tests and reports.</summary>
    public JsonObject? Inspect(string name) => Change(state => Endpoints(state)[name]?.DeepClone().AsObject());

    private static int Percent(JsonObject endpoint, bool blue)
    {
        var green = endpoint["pending"] is JsonObject && endpoint["shifts"] is JsonArray { Count: > 0 } shifts ? JsonRead.Int(shifts[^1]!["percent"]) ?? 0 : 0;
        return blue ? 100 - green : green;
    }

    private static JsonArray Variants(JsonObject config, int percent) => new(config["ProductionVariants"]!.AsArray().OfType<JsonObject>().Select(v => (JsonNode)new JsonObject
    {
        ["VariantName"] = v["VariantName"]!.DeepClone(),
        ["CurrentWeight"] = percent / 100.0,
        ["DesiredWeight"] = percent / 100.0,
        ["CurrentInstanceCount"] = JsonRead.Int(v["InitialInstanceCount"]),
        ["DesiredInstanceCount"] = JsonRead.Int(v["InitialInstanceCount"]),
    }).ToArray());

    private JsonObject Find(JsonObject state, string name)
    {
        if (Endpoints(state)[name] is not JsonObject endpoint) throw SageMakerServiceException.Validation($"Could not find endpoint \"{options.Arn("endpoint", name)}\".");
        Deployments.Advance(endpoint, Configs(state), clock.UtcNow, Provisioning);
        return endpoint;
    }

    private JsonObject RequireConfig(JsonObject state, string name) => Configs(state)[name] as JsonObject
        ?? throw SageMakerServiceException.Validation($"Could not find endpoint configuration \"{options.Arn("endpoint-config", name)}\".");

    private static HashSet<string> VariantNames(JsonObject config) =>
        config["ProductionVariants"]!.AsArray().Select(v => JsonRead.String(v!["VariantName"]) ?? "").ToHashSet(StringComparer.Ordinal);

    private static string Name(JsonObject request, string field)
    {
        var name = JsonRead.String(request[field]);
        if (name is null || !NamePattern().IsMatch(name))
            throw SageMakerServiceException.Validation($"1 validation error detected: Value '{name}' at '{char.ToLowerInvariant(field[0])}{field[1..]}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){{0,62}}");
        return name;
    }

    private static JsonObject Configs(JsonObject state) => (JsonObject)state["configs"]!;

    private static JsonObject Endpoints(JsonObject state) => (JsonObject)state["endpoints"]!;

    private T Change<T>(Func<JsonObject, T> change)
    {
        lock (_gate)
        {
            var state = File.Exists(stateFile) ? JsonNode.Parse(File.ReadAllText(stateFile))!.AsObject() : new JsonObject { ["configs"] = new JsonObject(), ["endpoints"] = new JsonObject() };
            var result = change(state);
            Directory.CreateDirectory(Path.GetDirectoryName(stateFile)!);
            File.WriteAllText(stateFile, state.ToJsonString(Indented));
            return result;
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex NamePattern();
}
