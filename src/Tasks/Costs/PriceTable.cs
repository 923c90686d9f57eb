namespace TrainingOrchestration.Tasks.Costs;

/// <summary>
/// The prices the cost estimate uses, in one place: US East (N. Virginia), USD, on-demand list prices (no discounts,
/// free tier, tiers beyond the first or savings plans). Checked on 2026-12-04 against what could be read of the pricing
/// pages; the official pages render their price tables by script, so where a stored copy of the page held no figure the
/// line says which other source agreed. Update the date, the figures and these notes together.
/// <list type="bullet">
/// <item>Glue Spark jobs: $0.44 per DPU-hour, billed per second with a 1-minute minimum for Glue 2.0 and later.
/// https://aws.amazon.com/glue/pricing/ (its worked example, read 2026-12-04: "6 DPU * 0.25 hour * $0.44 = $0.66"); the
/// per-second billing and 1-minute minimum agree with https://awsnegotiations.com/glue-job-cost-optimization.html (May 2026).</item>
/// <item>SageMaker training, per instance-hour: https://aws.amazon.com/sagemaker/pricing/. NOT confirmed on 2026-12-04:
/// no stored copy of the page or other source held the training instance table; the figures are the last ones
/// transcribed (ml.m5.xlarge $0.23) and must be checked against the page or the Price List API before they are quoted.
/// Managed spot training bills <c>BillableTimeInSeconds</c>, so the spot saving is
/// <c>(TrainingTimeInSeconds - BillableTimeInSeconds)</c> at the same rate
/// (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeTrainingJob.html).</item>
/// <item>Lambda on Arm: $0.0000133334 per GB-second (first 7.5 billion GB-seconds a month) and $0.20 per million
/// requests: https://aws.amazon.com/lambda/pricing/ (table script-rendered); the figures agree with
/// https://cloudchipr.com/blog/aws-lambda-pricing (US East, read 2026-12-04).</item>
/// <item>Step Functions Standard: $0.025 per 1,000 state transitions, retries included; Express: $1.00 per million
/// requests (its duration charge, $0.00001667 per GB-second, left out): https://aws.amazon.com/step-functions/pricing/
/// (model read 2026-12-04; table script-rendered); the figures agree with
/// https://www.wring.co/blog/aws-step-functions-pricing-guide (March 2026).</item>
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
