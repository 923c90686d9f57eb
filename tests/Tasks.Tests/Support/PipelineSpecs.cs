using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Tasks.Tests.Support;

/// <summary>Builder of pipeline specs for tests: a churn-like pipeline with overridable parts.</summary>
public static class PipelineSpecs
{
    public static PipelineSpec Churn(
        CadenceSpec? cadence = null,
        EvaluationSpec? evaluation = null,
        IReadOnlyDictionary<string, string>? hyperparameters = null) => new()
    {
        Name = "churn",
        Tier = PipelineTier.Critical,
        Source = new SourceSpec { Table = "customers", Cdc = new CdcSpec { Kind = CdcKind.DynamoDbStream } },
        Cadence = cadence ?? Cadence(),
        Features = new FeaturesSpec
        {
            SqlFile = "/pipelines/churn/features.sql",
            EntityKey = "customer_id",
            Label = "churn",
            Split = new SplitSpec(0.7, 0.2, 0.1),
        },
        ContractFile = "/pipelines/churn/contract.yaml",
        Training = new TrainingSpec
        {
            XgboostVersion = "1.7-1",
            InstanceType = "ml.m5.large",
            MaxRuntime = TimeSpan.FromHours(1),
            Hyperparameters = hyperparameters ?? new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "100" },
        },
        Evaluation = evaluation ?? Evaluation(),
        Directory = "/pipelines/churn",
    };

    /// <summary>A churn-like pipeline whose objective is reg:squarederror, judged on <paramref name="primaryMetric"/> (RMSE by default).</summary>
    public static PipelineSpec Regression(string primaryMetric = ModelMetricNames.Rmse, double margin = 0) => Churn(
        evaluation: Evaluation(primaryMetric, margin, new Dictionary<string, MetricThreshold> { [ModelMetricNames.Rmse] = new(null, 5), [ModelMetricNames.R2] = new(0.5, null) }),
        hyperparameters: new Dictionary<string, string> { ["objective"] = "reg:squarederror", ["num_round"] = "100" });

    /// <summary>A churn-like pipeline whose objective is multi:softprob with three classes, judged on log loss by default.</summary>
    public static PipelineSpec Multiclass(string primaryMetric = ModelMetricNames.LogLoss, double margin = 0) => Churn(
        evaluation: Evaluation(primaryMetric, margin, new Dictionary<string, MetricThreshold> { [ModelMetricNames.Accuracy] = new(0.5, null) }),
        hyperparameters: new Dictionary<string, string> { ["objective"] = "multi:softprob", ["num_class"] = "3", ["num_round"] = "100" });

    public static CadenceSpec Cadence(
        int minChanges = 500,
        TimeSpan? minInterval = null,
        TimeSpan? maxStaleness = null,
        QuietHoursSpec? quietHours = null) => new()
    {
        MinChanges = minChanges,
        MinInterval = minInterval ?? TimeSpan.FromHours(6),
        MaxStaleness = maxStaleness ?? TimeSpan.FromHours(24),
        QuietHours = quietHours,
        Schedule = "rate(1 hour)",
    };

    public static EvaluationSpec Evaluation(
        string primaryMetric = ModelMetricNames.Auc,
        double margin = 0.005,
        IReadOnlyDictionary<string, MetricThreshold>? thresholds = null) => new()
    {
        PrimaryMetric = primaryMetric,
        ChampionMargin = margin,
        Thresholds = thresholds ?? new Dictionary<string, MetricThreshold>
        {
            [ModelMetricNames.Auc] = new(0.70, null),
            [ModelMetricNames.LogLoss] = new(null, 0.60),
        },
    };
}
