using TrainingOrchestration.Tasks.Costs;

namespace TrainingOrchestration.Tasks.Tests.Costs;

public sealed class RunCostEstimatorTests
{
    [Fact]
    public void Glue_is_priced_per_dpu_hour_and_training_per_billable_instance_second()
    {
        var cost = RunCostEstimator.Estimate(new RunUsage
        {
            GlueDpuSeconds = 3600 * 2, TrainingInstanceType = "ml.m5.xlarge", TrainingInstanceCount = 2, TrainingSeconds = 3600, BillableTrainingSeconds = 3600,
        });

        Assert.Equal(2 * PriceTable.GlueDpuHour, cost.Glue, 9);
        Assert.Equal(2 * 0.23, cost.SageMaker, 9);
        Assert.Equal(0, cost.SpotSaving);
        Assert.Equal(cost.Glue + cost.SageMaker, cost.Total, 9);
    }

    [Fact]
    public void A_glue_run_is_billed_at_least_one_minute_of_its_capacity()
    {
        Assert.Equal(120, PriceTable.GlueBilledDpuSeconds(8, 2));
        Assert.Equal(300, PriceTable.GlueBilledDpuSeconds(300, 2));
    }

    [Fact]
    public void Managed_spot_training_saves_the_seconds_it_did_not_bill()
    {
        var cost = RunCostEstimator.Estimate(new RunUsage { TrainingInstanceType = "ml.m5.large", TrainingSeconds = 500, BillableTrainingSeconds = 100 });

        Assert.Equal(100 * 0.115 / 3600, cost.SageMaker, 12);
        Assert.Equal(400 * 0.115 / 3600, cost.SpotSaving, 12);
    }

    [Fact]
    public void Lambda_and_step_functions_are_priced_from_gb_seconds_requests_and_transitions()
    {
        var cost = RunCostEstimator.Estimate(new RunUsage { LambdaGbSeconds = 10, LambdaRequests = 3, StateTransitions = 40, ExpressExecutions = 2 });

        Assert.Equal(10 * PriceTable.LambdaArmGbSecond + 3 * PriceTable.LambdaRequest, cost.Lambda, 12);
        Assert.Equal(40 * 0.025 / 1000 + 2 / 1e6, cost.StepFunctions, 12);
    }

    [Fact]
    public void An_instance_type_without_a_price_is_left_out_with_a_note()
    {
        var cost = RunCostEstimator.Estimate(new RunUsage { TrainingInstanceType = "ml.p5.48xlarge", TrainingSeconds = 60, BillableTrainingSeconds = 60 });

        Assert.Equal(0, cost.SageMaker);
        Assert.Contains("ml.p5.48xlarge", cost.Note);
    }
}
