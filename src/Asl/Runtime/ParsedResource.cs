namespace TrainingOrchestration.Asl.Runtime;

/// <summary>A Task Resource taken apart: service, action, integration pattern, and how history names it.</summary>
internal sealed record ParsedResource(
    string Service,
    string Action,
    IntegrationPattern Pattern,
    bool IsAwsSdk,
    bool IsLambdaFunction,
    bool IsActivity,
    string HistoryType,
    string HistoryResource)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ParsedResource> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The event types, made once (a Task visit records three of them; concatenating them allocated each time). History
    /// names a resource's events <c>LambdaFunction*</c>, <c>Activity*</c> or <c>Task*</c>.
    /// </summary>
    public string ScheduledType { get; } = Prefix(IsLambdaFunction, IsActivity) + "Scheduled";
    public string StartedType { get; } = Prefix(IsLambdaFunction, IsActivity) + "Started";
    public string SucceededType { get; } = Prefix(IsLambdaFunction, IsActivity) + "Succeeded";
    public string FailedType { get; } = Prefix(IsLambdaFunction, IsActivity) + "Failed";
    public string TimedOutType { get; } = Prefix(IsLambdaFunction, IsActivity) + "TimedOut";

    private static string Prefix(bool lambda, bool activity) => lambda ? "LambdaFunction" : activity ? "Activity" : "Task";

    /// <summary>
    /// The fixed part of this resource's *Scheduled and *Succeeded details; each event adds only its text (parameters or
    /// output), so recording one allocates no details object. Lambda function ARNs and activities name no resource there.
    /// </summary>
    public EventDetails.TextShape SucceededShape => _succeeded ??= IsLambdaFunction || IsActivity
        ? new EventDetails.OutputShape(null, null)
        : new EventDetails.OutputShape(HistoryType, HistoryResource);

    private EventDetails.TextShape? _succeeded;

    /// <summary>The *Scheduled shape; the one without timeouts (the usual case) for <paramref name="region"/> is made once.</summary>
    public EventDetails.TextShape ScheduledShape(string region, int? timeout, int? heartbeat)
    {
        var plain = IsLambdaFunction || IsActivity;
        if (timeout is not null || heartbeat is not null)
            return new EventDetails.ScheduledShape(plain ? null : HistoryType, HistoryResource, plain ? null : region, timeout, heartbeat);
        var cached = _scheduled;
        if (cached is not null && ReferenceEquals(cached.Region, plain ? null : region)) return cached;
        return _scheduled = new EventDetails.ScheduledShape(plain ? null : HistoryType, HistoryResource, plain ? null : region, null, null);
    }

    private EventDetails.ScheduledShape? _scheduled;

    /// <summary>The details of the *Started event (no output), the same for every task of this resource.</summary>
    public EventDetails StartedDetails => _started ??= IsLambdaFunction || IsActivity
        ? new EventDetails.Task(null, null, null)
        : new EventDetails.Task(HistoryType, HistoryResource, null);

    private EventDetails? _started;

    /// <summary>Parses once per distinct resource (a Task state runs the same resource on every visit).</summary>
    public static ParsedResource ParseCached(string resource)
    {
        if (Cache.TryGetValue(resource, out var parsed)) return parsed;
        parsed = Parse(resource);
        if (Cache.Count < 10_000) Cache[resource] = parsed;
        return parsed;
    }

    public static ParsedResource Parse(string resource)
    {
        const string states = "arn:aws:states:::";
        if (resource.StartsWith(states, StringComparison.Ordinal))
        {
            var rest = resource[states.Length..];
            var pattern = IntegrationPattern.RequestResponse;
            var suffix = "";
            var dot = rest.IndexOf('.');
            if (dot >= 0)
            {
                suffix = rest[dot..];
                rest = rest[..dot];
                pattern = suffix.StartsWith(".sync", StringComparison.Ordinal) ? IntegrationPattern.Sync
                    : suffix == ".waitForTaskToken" ? IntegrationPattern.WaitForTaskToken
                    : throw new AslDefinitionException(null, "Resource", $"'{resource}' has an unknown integration pattern '{suffix}'.");
            }
            var parts = rest.Split(':');
            if (parts[0] == "aws-sdk" && parts.Length == 3)
                return new ParsedResource(parts[1], parts[2], pattern, true, false, false, $"aws-sdk:{parts[1]}", parts[2] + suffix);
            if (parts.Length == 2)
                return new ParsedResource(parts[0], parts[1], pattern, false, false, false, parts[0], parts[1] + suffix);
            throw new AslDefinitionException(null, "Resource", $"'{resource}' is not a service integration ARN (arn:aws:states:::<service>:<action>).");
        }
        var arn = resource.Split(':');
        if (arn.Length >= 7 && arn[2] == "lambda" && arn[5] == "function")
            return new ParsedResource("lambda", "invoke", IntegrationPattern.RequestResponse, false, true, false, "lambda", resource);
        if (arn.Length >= 7 && arn[2] == "states" && arn[5] == "activity")
            return new ParsedResource("activity", arn[6], IntegrationPattern.WaitForTaskToken, false, false, true, "activity", resource);
        throw new AslDefinitionException(null, "Resource", $"'{resource}' is not a Lambda function, activity or service integration ARN.");
    }
}
