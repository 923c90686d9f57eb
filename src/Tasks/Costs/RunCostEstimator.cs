namespace TrainingOrchestration.Tasks.Costs;

/// <summary>Prices a run's <see cref="RunUsage"/> with the <see cref="PriceTable"/>.</summary>
public static class RunCostEstimator
{
    public static RunCost Estimate(RunUsage usage)
    {
        var glue = usage.GlueDpuSeconds / 3600 * PriceTable.GlueDpuHour;
        double sagemaker = 0, saving = 0;
        string? note = null;
        if (usage.TrainingInstanceType is { } type && usage.BillableTrainingSeconds > 0)
        {
            if (PriceTable.TrainingInstanceHour.TryGetValue(type, out var hourly))
            {
                var perSecond = hourly / 3600 * Math.Max(1, usage.TrainingInstanceCount);
                sagemaker = usage.BillableTrainingSeconds * perSecond;
                saving = Math.Max(0, usage.TrainingSeconds - usage.BillableTrainingSeconds) * perSecond;
            }
            else
            {
                note = $"no price for training instance {type} in PriceTable; SageMaker left out";
            }
        }
        var lambda = usage.LambdaGbSeconds * PriceTable.LambdaArmGbSecond + usage.LambdaRequests * PriceTable.LambdaRequest;
        var stepFunctions = usage.StateTransitions * PriceTable.StandardStateTransition + usage.ExpressExecutions * PriceTable.ExpressRequest;
        return new RunCost(glue, sagemaker, saving, lambda, stepFunctions, note);
    }
}
