using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// An event's details as recorded: most events keep a few strings and build AWS's JSON shape only when someone
/// reads the history, so a state transition does not allocate (and keep alive) two small JSON documents.
/// </summary>
internal abstract class EventDetails
{
    public abstract JsonObject ToJson();

    /// <summary>Details already built as JSON (the rarer event types).</summary>
    internal sealed class Json(JsonObject details) : EventDetails
    {
        public override JsonObject ToJson() => details;
    }

    /// <summary><c>stateEnteredEventDetails</c> / <c>stateExitedEventDetails</c>: the name and the input or output text.</summary>
    internal sealed class State(string name, string text, bool entered) : EventDetails
    {
        public override JsonObject ToJson() => entered
            ? new JsonObject { ["name"] = name, ["input"] = text, ["inputDetails"] = new JsonObject { ["truncated"] = false } }
            : new JsonObject { ["name"] = name, ["output"] = text, ["outputDetails"] = new JsonObject { ["truncated"] = false } };
    }

    /// <summary><c>mapIteration*EventDetails</c>: the Map state's name and the iteration's index.</summary>
    internal sealed class MapIteration(string name, int index) : EventDetails
    {
        public override JsonObject ToJson() => new() { ["name"] = name, ["index"] = index };
    }

    /// <summary>
    /// <c>taskScheduledEventDetails</c> of a service integration: resourceType, resource, region, parameters and the
    /// optional timeouts; Lambda function ARNs and activities use <c>input</c> and no resourceType or region.
    /// </summary>
    internal sealed class TaskScheduled(string? resourceType, string resource, string? region, string parameters, int? timeout, int? heartbeat) : EventDetails
    {
        public override JsonObject ToJson()
        {
            var json = new JsonObject();
            if (resourceType is not null) json["resourceType"] = resourceType;
            json["resource"] = resource;
            if (region is not null) json["region"] = region;
            json[resourceType is null ? "input" : "parameters"] = parameters;
            if (timeout is not null) json["timeoutInSeconds"] = timeout;
            if (heartbeat is not null) json["heartbeatInSeconds"] = heartbeat;
            return json;
        }
    }

    /// <summary><c>taskStartedEventDetails</c> / <c>taskSucceededEventDetails</c>: resourceType, resource (none for Lambda ARNs and activities) and the output, if any.</summary>
    internal sealed class Task(string? resourceType, string? resource, string? output) : EventDetails
    {
        public override JsonObject ToJson()
        {
            var json = new JsonObject();
            if (resourceType is not null) json["resourceType"] = resourceType;
            if (resource is not null) json["resource"] = resource;
            if (output is null) return json;
            json["output"] = output;
            json["outputDetails"] = new JsonObject { ["truncated"] = false };
            return json;
        }
    }

    /// <summary>
    /// <c>taskFailedEventDetails</c> / <c>taskTimedOutEventDetails</c> (and the Lambda function and activity forms, which
    /// name no resource): resourceType, resource, error and cause. A throttled call that is retried records one.
    /// </summary>
    internal sealed class TaskFailed(string? resourceType, string? resource, string? error, string cause) : EventDetails
    {
        public override JsonObject ToJson()
        {
            var json = new JsonObject();
            if (resourceType is not null) json["resourceType"] = resourceType;
            if (resource is not null) json["resource"] = resource;
            json["error"] = error;
            json["cause"] = cause;
            return json;
        }
    }

    /// <summary>What an event's details are apart from one JSON text, shared by every event of the same kind and resource.</summary>
    internal abstract class TextShape
    {
        public abstract EventDetails With(string text);
    }

    /// <summary>A *Scheduled event's details without the parameters.</summary>
    internal sealed class ScheduledShape(string? resourceType, string resource, string? region, int? timeout, int? heartbeat) : TextShape
    {
        public string? Region => region;

        public override EventDetails With(string text) => new TaskScheduled(resourceType, resource, region, text, timeout, heartbeat);
    }

    /// <summary>A *Succeeded event's details without the output.</summary>
    internal sealed class OutputShape(string? resourceType, string? resource) : TextShape
    {
        public override EventDetails With(string text) => new Task(resourceType, resource, text);
    }

    /// <summary><c>executionStartedEventDetails</c> without the input: the role the execution runs as.</summary>
    internal sealed class ExecutionStartedShape(string? roleArn) : TextShape
    {
        public override EventDetails With(string text) => new Json(new JsonObject
        {
            ["input"] = text,
            ["inputDetails"] = new JsonObject { ["truncated"] = false },
            ["roleArn"] = roleArn,
        });
    }

    /// <summary><c>executionSucceededEventDetails</c> without the output.</summary>
    internal sealed class ExecutionSucceededShape : TextShape
    {
        public static readonly ExecutionSucceededShape Instance = new();

        public override EventDetails With(string text) => new Json(new JsonObject
        {
            ["output"] = text,
            ["outputDetails"] = new JsonObject { ["truncated"] = false },
        });
    }
}
