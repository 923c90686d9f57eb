using System.Globalization;
using TrainingOrchestration.Pipelines.Hyperparameters;

namespace TrainingOrchestration.Pipelines.Spec;

/// <summary>
/// The problem type each XGBoost objective gives, and the objectives the evaluation refuses because it cannot score their
/// output honestly. What the SageMaker XGBoost 1.7-1 container's batch transform writes per row is the library's
/// <c>predict()</c> output (sagemaker-xgboost-container 1.7-1, algorithm_mode/serve_utils.py <c>predict</c> and
/// handler_service.py <c>default_output_fn</c>): a probability for <c>binary:logistic</c>, the untransformed margin for
/// <c>binary:logitraw</c>, 0 or 1 for <c>binary:hinge</c>, the class index for <c>multi:softmax</c>, the class
/// probabilities for <c>multi:softprob</c>, a value on the label's scale for <c>reg:*</c> and <c>count:poisson</c>.
/// </summary>
public static class ProblemTypes
{
    private static readonly IReadOnlyDictionary<string, ProblemType> Accepted = new Dictionary<string, ProblemType>(StringComparer.Ordinal)
    {
        ["binary:logistic"] = ProblemType.Binary,
        ["multi:softprob"] = ProblemType.Multiclass,
        ["reg:squarederror"] = ProblemType.Regression,
        ["reg:linear"] = ProblemType.Regression,
        ["reg:absoluteerror"] = ProblemType.Regression,
        ["reg:pseudohubererror"] = ProblemType.Regression,
        ["reg:squaredlogerror"] = ProblemType.Regression,
        ["reg:logistic"] = ProblemType.Regression,
        ["reg:gamma"] = ProblemType.Regression,
        ["reg:tweedie"] = ProblemType.Regression,
        ["count:poisson"] = ProblemType.Regression,
    };

    /// <summary>Why an objective XGBoost accepts is refused by the evaluation, and what to use instead.</summary>
    private static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["binary:logitraw"] = "outputs the untransformed margin, not a probability, so log loss, Brier and accuracy at 0.5 would be computed on the wrong scale; use binary:logistic (the same trees, with probabilities out)",
        ["binary:hinge"] = "outputs only 0 or 1, so there is no score to rank (AUC) or to weigh (log loss); use binary:logistic",
        ["multi:softmax"] = "outputs only the class index, so there is no multi-class log loss and no probabilities to compare with the champion; use multi:softprob (the same trees; accuracy and macro F1 take its most probable class)",
    };

    /// <summary>The problem type of <paramref name="objective"/> (XGBoost's default reg:squarederror when null), or null with why when the evaluation refuses it.</summary>
    public static ProblemType? Of(string? objective, out string? refusal)
    {
        var effective = objective ?? XgboostHyperparameters.Rule("objective")!.Default!;
        refusal = null;
        if (Accepted.TryGetValue(effective, out var type)) return type;
        refusal = Refused.TryGetValue(effective, out var why) ? $"objective '{effective}' {why}."
            : $"objective '{effective}' is not one the evaluation scores (ranking needs query groups and survival needs censoring, neither of which the CSV channel carries).";
        return null;
    }

    /// <summary>The problem type of a loaded spec (the loader has refused every other objective).</summary>
    public static ProblemType Of(TrainingSpec training) =>
        Of(training.Hyperparameters.GetValueOrDefault("objective"), out var refusal) ?? throw new InvalidOperationException(refusal);

    /// <summary><c>num_class</c> of a multi-class spec; null for the other types.</summary>
    public static int? ClassCount(TrainingSpec training) =>
        Of(training) == ProblemType.Multiclass && int.TryParse(training.Hyperparameters.GetValueOrDefault("num_class"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var k)
            ? k : null;

    /// <summary>The metrics the evaluation computes for <paramref name="type"/>, the ones <c>primaryMetric</c> and <c>thresholds</c> may name.</summary>
    public static IReadOnlyList<string> Metrics(ProblemType type) => type switch
    {
        ProblemType.Regression => ModelMetricNames.Regression,
        ProblemType.Multiclass => ModelMetricNames.Multiclass,
        _ => ModelMetricNames.All,
    };

    /// <summary>Accepted objectives, for the loader's hint.</summary>
    public static IEnumerable<string> AcceptedObjectives => Accepted.Keys;

    public static string Describe(ProblemType type) => type switch
    {
        ProblemType.Regression => "regression",
        ProblemType.Multiclass => "multi-class",
        _ => "binary classification",
    };
}
