using System.Text.RegularExpressions;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>
/// Reads <c>deployment</c>: <c>none</c> (or absent) or a real-time endpoint. Every name and range is the SageMaker API's
/// (APIReference pages API_CreateEndpoint.html for EndpointName, API_ProductionVariant.html, API_TrafficRoutingConfig.html,
/// API_CapacitySize.html, API_BlueGreenUpdatePolicy.html, API_AutoRollbackConfig.html, API_Alarm.html), so a spec that
/// loads is a request SageMaker accepts.
/// </summary>
internal static partial class DeploymentReader
{
    public const string None = "none";

    /// <summary>WaitIntervalInSeconds and TerminationWaitInSeconds: 0 to 3600.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(3600);

    /// <summary>MaximumExecutionTimeoutInSeconds: 600 to 28800.</summary>
    private static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(600), MaxTimeout = TimeSpan.FromSeconds(28800);

    /// <summary>Returns false when the section is present but wrong (errors reported); <paramref name="spec"/> null means none.</summary>
    public static bool TryRead(YamlSection root, out DeploymentSpec? spec)
    {
        spec = null;
        if (!root.Has("deployment")) return true;
        if (!root.HasMapping("deployment"))
        {
            var scalar = root.Scalar("deployment", required: true, "none or a mapping", None);
            if (scalar?.Value == None) return true;
            if (scalar is not null)
                root.Error("deployment", $"'{scalar.Value}' is not a deployment.", "Write 'deployment: none', or a mapping with endpoint, instanceType, instanceCount, trafficRouting, maxExecutionTimeout and autoRollback.");
            return false;
        }
        var deployment = root.Section("deployment", required: true, SpecKeys.Deployment);
        if (deployment is null) return false;
        spec = Read(deployment);
        return spec is not null;
    }

    private static DeploymentSpec? Read(YamlSection deployment)
    {
        var endpoint = deployment.String("endpoint", required: true, "churn-scoring");
        if (endpoint is not null && !EndpointName().IsMatch(endpoint))
        {
            deployment.Error("endpoint", $"'{endpoint}' is not a SageMaker endpoint name.",
                "Use 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (EndpointName: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}).");
            endpoint = null;
        }
        var instanceType = deployment.String("instanceType", required: true, "ml.m5.large");
        if (instanceType is not null && !InstanceType().IsMatch(instanceType))
        {
            deployment.Error("instanceType", $"'{instanceType}' is not a SageMaker hosting instance type.", "Write an ml.* type such as ml.m5.large or ml.c5.xlarge.");
            instanceType = null;
        }
        var count = deployment.Int("instanceCount", required: true, min: 1, example: "2");
        var routing = ReadRouting(deployment.Section("trafficRouting", required: true, SpecKeys.TrafficRouting), count);
        var terminationWait = deployment.Has("terminationWait") ? Wait(deployment, "terminationWait", "5m") : TimeSpan.Zero;
        var timeout = deployment.Duration("maxExecutionTimeout", required: true, "1h");
        if (timeout is { } t && (t < MinTimeout || t > MaxTimeout))
        {
            deployment.Error("maxExecutionTimeout", $"{DurationText.Format(t)} is out of range.",
                "Use 10m to 8h (BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds: 600 to 28800).");
            timeout = null;
        }
        if (timeout is { } limit && routing is not null && terminationWait is { } termination && routing.Steps * routing.Wait + termination >= limit)
        {
            deployment.Error("maxExecutionTimeout", $"{DurationText.Format(limit)} is not longer than the deployment's waits "
                + $"({routing.Steps} × {DurationText.Format(routing.Wait)} + terminationWait {DurationText.Format(termination)}).",
                "SageMaker needs the timeout to be larger than the total waiting time: raise maxExecutionTimeout or shorten the waits.");
            timeout = null;
        }
        var rollback = ReadRollback(deployment.Section("autoRollback", required: true, SpecKeys.AutoRollback));
        if (endpoint is null || instanceType is null || count is null || routing is null || terminationWait is null || timeout is null || rollback is null) return null;
        return new DeploymentSpec
        {
            EndpointName = endpoint, InstanceType = instanceType, InstanceCount = count.Value, TrafficRouting = routing,
            TerminationWait = terminationWait.Value, MaxExecutionTimeout = timeout.Value, AutoRollback = rollback,
        };
    }

    private static TrafficRoutingSpec? ReadRouting(YamlSection? routing, int? instanceCount)
    {
        if (routing is null) return null;
        var text = routing.String("type", required: true, "CANARY");
        var type = text is null ? null : TrafficRoutingSpec.Parse(text);
        if (text is not null && type is null) routing.Error("type", $"'{text}' is not a traffic routing type.", NearestName.Hint(text, ["ALL_AT_ONCE", "CANARY", "LINEAR"]));
        var wait = Wait(routing, "wait", "5m", required: true);
        int? size = null;
        if (type is TrafficRoutingType.AllAtOnce && routing.Has("size"))
            routing.Error("size", "ALL_AT_ONCE shifts all traffic in one step, so it has no step size.", "Remove size, or use CANARY or LINEAR.");
        if (type is TrafficRoutingType.Canary or TrafficRoutingType.Linear)
        {
            // CanarySize: at most 50% of the variant's instances; LinearStepSize: 10 to 50% (API_TrafficRoutingConfig.html).
            var min = type == TrafficRoutingType.Linear ? 10 : 1;
            size = routing.Int("size", required: true, min, 50, example: "10");
            if (instanceCount is 1)
                routing.Error("type", $"{text} shifts traffic to part of the fleet first, which one instance cannot be split into.",
                    "Set deployment.instanceCount to at least 2, or use ALL_AT_ONCE.");
        }
        if (type is null || wait is null || (type != TrafficRoutingType.AllAtOnce && size is null) || (type != TrafficRoutingType.AllAtOnce && instanceCount is 1)) return null;
        return new TrafficRoutingSpec(type.Value, size, wait.Value);
    }

    private static AutoRollbackSpec? ReadRollback(YamlSection? rollback)
    {
        if (rollback is null) return null;
        var errors = rollback.Int("max5xxErrors", required: true, min: 0, example: "0");
        var latency = rollback.Int("maxModelLatencyMs", required: true, min: 1, example: "500");
        var alarms = rollback.Has("alarms") ? rollback.StringList("alarms", required: true) : [];
        if (alarms is { Count: > AutoRollbackSpec.MaxAlarms - AutoRollbackSpec.StackAlarms })
        {
            rollback.Error("alarms", $"{alarms.Count} alarms, with the stack's {AutoRollbackSpec.StackAlarms}, exceed the {AutoRollbackSpec.MaxAlarms} a deployment can watch.",
                $"Name at most {AutoRollbackSpec.MaxAlarms - AutoRollbackSpec.StackAlarms} (AutoRollbackConfig.Alarms: 1 to 10 items).");
            alarms = null;
        }
        foreach (var bad in alarms?.Where(a => a.Length > 255 || string.IsNullOrWhiteSpace(a)) ?? [])
        {
            rollback.Error("alarms", $"'{bad}' is not a CloudWatch alarm name.", "Alarm names have 1 to 255 characters, not only spaces (API_Alarm.html).");
            alarms = null;
        }
        return errors is null || latency is null || alarms is null ? null : new AutoRollbackSpec(errors.Value, latency.Value, alarms);
    }

    private static TimeSpan? Wait(YamlSection section, string key, string example, bool required = false)
    {
        var wait = section.Duration(key, required, example);
        if (wait is not { } w || w <= MaxWait) return wait;
        section.Error(key, $"{DurationText.Format(w)} is longer than SageMaker allows.", "Use at most 1h (0 to 3600 seconds).");
        return null;
    }

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex EndpointName();

    [GeneratedRegex(@"^ml\.[a-z0-9]+(\.[a-z0-9-]+)+$")]
    private static partial Regex InstanceType();
}
