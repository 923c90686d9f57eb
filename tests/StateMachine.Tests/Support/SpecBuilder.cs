using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.StateMachine.Tests.Support;

/// <summary>A valid pipeline spec in code, with the knobs the workflow constructs react to.</summary>
public sealed class SpecBuilder
{
    private string _name = "churn";
    private PipelineTier _tier = PipelineTier.Critical;
    private SpotSpec _spot = new(false, TimeSpan.Zero);
    private TimeSpan _maxRuntime = TimeSpan.FromHours(1);
    private bool _notifyOnSuccess = true;

    public SpecBuilder Named(string name) { _name = name; return this; }
    public SpecBuilder Exploratory() { _tier = PipelineTier.Exploratory; return this; }
    public SpecBuilder WithSpot(TimeSpan maxWait) { _spot = new SpotSpec(true, maxWait); return this; }
    public SpecBuilder WithMaxRuntime(TimeSpan maxRuntime) { _maxRuntime = maxRuntime; return this; }
    public SpecBuilder Quiet() { _notifyOnSuccess = false; return this; }

    public PipelineSpec Build() => new()
    {
        Name = _name,
        Tier = _tier,
        Source = new SourceSpec { Table = "customers", Cdc = new CdcSpec { Kind = CdcKind.DynamoDbStream } },
        Cadence = new CadenceSpec { MinChanges = 10, MinInterval = TimeSpan.FromHours(1), MaxStaleness = TimeSpan.FromDays(2), Schedule = "rate(1 hour)" },
        Features = new FeaturesSpec { SqlFile = "/tmp/features.sql", EntityKey = "customer_id", Label = "churn", Split = new SplitSpec(0.7, 0.2, 0.1) },
        ContractFile = "/tmp/contract.yaml",
        Training = new TrainingSpec
        {
            XgboostVersion = "1.7-1",
            InstanceType = "ml.m5.large",
            MaxRuntime = _maxRuntime,
            Spot = _spot,
            Hyperparameters = new Dictionary<string, string> { ["objective"] = "binary:logistic", ["num_round"] = "50" },
        },
        Evaluation = new EvaluationSpec { PrimaryMetric = "auc", Thresholds = new Dictionary<string, MetricThreshold> { ["auc"] = new(0.7, null) } },
        Notifications = new NotificationsSpec { NotifyOnSuccess = _notifyOnSuccess },
        Directory = "/tmp/" + _name,
    };
}
