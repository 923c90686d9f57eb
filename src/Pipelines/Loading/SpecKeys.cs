namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>The keys each section of pipeline.yaml may contain (camelCase), used to reject typos early.</summary>
internal static class SpecKeys
{
    public static readonly string[] Root =
        ["name", "description", "tier", "source", "cadence", "features", "contract", "sample", "training", "evaluation", "notifications", "deployment"];
    public static readonly string[] Source = ["table", "cdc", "columns", "keepSnapshots", "timestampColumn"];
    public static readonly string[] Cdc = ["kind", "eventSource", "detailType", "batchSize", "batchWindow", .. IngressReader.Keys];
    public static readonly string[] Cadence = ["minChanges", "minInterval", "maxStaleness", "quietHours", "schedule", "redriveWindow"];
    public static readonly string[] QuietHours = ["start", "end", "timeZone"];
    public static readonly string[] Features = ["sql", "entityKey", "label", "split", "glue"];
    public static readonly string[] Glue = ["workerType", "workers"];
    public static readonly string[] Split = ["train", "validation", "test"];
    public static readonly string[] Sample = ["data", "event", "changes"];
    public static readonly string[] Training =
        ["xgboostVersion", "instanceType", "instanceCount", "volumeSizeGb", "maxRuntime", "spot", "hyperparameters"];
    public static readonly string[] Spot = ["enabled", "maxWait"];
    public static readonly string[] Evaluation = ["primaryMetric", "thresholds", "championMargin", "confidence", "resamples"];
    public static readonly string[] Threshold = ["min", "max"];
    public static readonly string[] Notifications = ["emails", "webhooks", "slack", "paging", "notifyOnSuccess", "notifyOnStart"];
    public static readonly string[] Subscribers = ["emails", "webhooks", "slack"];
    public static readonly string[] Deployment =
        ["endpoint", "instanceType", "instanceCount", "trafficRouting", "terminationWait", "maxExecutionTimeout", "autoRollback"];
    public static readonly string[] TrafficRouting = ["type", "size", "wait"];
    public static readonly string[] AutoRollback = ["max5xxErrors", "maxModelLatencyMs", "alarms"];
}
