namespace TrainingOrchestration.Tasks.Costs;

/// <summary>
/// The prices the cost estimate uses, in one place: US East (N. Virginia), USD, on-demand list prices as published on
/// the services' pricing pages (transcribed 2026-12-04; no discounts, free tier or savings plans). Update the date and
/// the figures together.
/// <list type="bullet">
/// <item>Glue Spark jobs: $0.44 per DPU-hour, billed per second with a 1-minute minimum for Glue 2.0 and later
/// (https://aws.amazon.com/glue/pricing/).</item>
/// <item>SageMaker training, per instance-hour (https://aws.amazon.com/sagemaker/pricing/); managed spot training bills
/// <c>BillableTimeInSeconds</c>, so the spot saving is <c>(TrainingTimeInSeconds - BillableTimeInSeconds)</c> at the
/// same rate (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeTrainingJob.html).</item>
/// <item>Lambda on Arm: $0.0000133334 per GB-second and $0.20 per million requests (https://aws.amazon.com/lambda/pricing/).</item>
/// <item>Step Functions Standard: $0.025 per 1,000 state transitions; Express: $1.00 per million requests (duration
/// charges left out) (https://aws.amazon.com/step-functions/pricing/).</item>
/// </list>
/// </summary>
public static class PriceTable
{
    public const string Region = "us-east-1";
    public const string TranscribedOn = "2026-12-04";
    public const string Source = "https://aws.amazon.com/glue/pricing/, https://aws.amazon.com/sagemaker/pricing/, https://aws.amazon.com/lambda/pricing/, https://aws.amazon.com/step-functions/pricing/";

    public const double GlueDpuHour = 0.44;

    /// <summary>The DPU-seconds Glue bills for one run: its DPU-seconds, at least one minute of its capacity.</summary>
    public static double GlueBilledDpuSeconds(double dpuSeconds, double capacity) => Math.Max(dpuSeconds, 60 * capacity);
    public const double LambdaArmGbSecond = 0.0000133334;
    public const double LambdaRequest = 0.20 / 1_000_000;
    public const double StandardStateTransition = 0.025 / 1_000;
    public const double ExpressRequest = 1.00 / 1_000_000;

    /// <summary>SageMaker training instances, USD per instance-hour (the types pipelines use; others have no estimate).</summary>
    public static readonly IReadOnlyDictionary<string, double> TrainingInstanceHour = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["ml.m5.large"] = 0.115,
        ["ml.m5.xlarge"] = 0.23,
        ["ml.m5.2xlarge"] = 0.461,
        ["ml.m5.4xlarge"] = 0.922,
        ["ml.c5.xlarge"] = 0.204,
        ["ml.c5.2xlarge"] = 0.408,
    };
}
