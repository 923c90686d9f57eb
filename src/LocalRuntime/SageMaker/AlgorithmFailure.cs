namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>
/// The training container failed the job. <see cref="FailureReason"/> is what DescribeTrainingJob and the state-change
/// event carry: <c>ClientError: ...</c> for bad input data or hyperparameters, <c>AlgorithmError: ...</c> for the
/// algorithm itself failing, as SageMaker's built-in XGBoost reports them.
/// </summary>
public sealed class AlgorithmFailure(string failureReason, Exception? inner = null) : Exception(failureReason, inner)
{
    public string FailureReason { get; } = failureReason;

    public static AlgorithmFailure Client(string message) => new("ClientError: " + message);

    public static AlgorithmFailure Algorithm(string message, Exception? inner = null) => new("AlgorithmError: " + message, inner);
}
