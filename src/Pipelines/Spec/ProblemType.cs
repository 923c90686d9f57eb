namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>What a model predicts, read from <c>training.hyperparameters.objective</c> (see <see cref="ProblemTypes"/>).</summary>
public enum ProblemType
{
    /// <summary><c>binary:logistic</c>: a probability of class 1 per row.</summary>
    Binary,
    /// <summary><c>reg:*</c> and <c>count:poisson</c>: a predicted value per row, on the label's scale.</summary>
    Regression,
    /// <summary><c>multi:softprob</c>: a probability per class per row.</summary>
    Multiclass,
}
