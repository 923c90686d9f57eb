using System.Globalization;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Cli.Commands.Validate;

/// <summary>
/// A multi-class pipeline's <c>num_class</c> against the contract's classes: the contract must pin the label to
/// <c>allowed_values [0, ..., num_class - 1]</c>, so a class the model has no output for fails validation before training
/// instead of failing XGBoost (a label ≥ num_class) or, worse, a class the model was built for never appearing unnoticed.
/// </summary>
internal static class LabelClassCheck
{
    public static IEnumerable<Finding> Check(PipelineSpec spec, DataContract contract)
    {
        if (ProblemTypes.ClassCount(spec.Training) is not { } classes) yield break;
        var label = spec.Features.Label;
        var expected = Enumerable.Range(0, classes).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToList();
        var rule = contract.Rules.FirstOrDefault(r => r.Check == CheckKind.AllowedValues && r.Column == label);
        var contractFile = Path.GetFileName(spec.ContractFile);
        if (rule is null)
        {
            yield return PipelineChecks.At(spec, "training.hyperparameters.num_class",
                $"num_class is {classes} but {contractFile} declares no allowed_values for the label '{label}', so nothing keeps a class outside 0..{classes - 1} out of training.",
                $"Add '- {{ check: allowed_values, column: {label}, values: [{string.Join(", ", expected)}] }}' to {contractFile}.");
            yield break;
        }
        var declared = rule.Values.Select(Normalise).ToList();
        if (declared.Count == expected.Count && !expected.Except(declared).Any()) yield break;
        yield return PipelineChecks.At(spec, "training.hyperparameters.num_class",
            $"num_class is {classes} but {rule.Location} allows the label '{label}' the values [{string.Join(", ", rule.Values)}]; a multi:softprob model has outputs for exactly the classes 0..{classes - 1}.",
            $"Make num_class the number of classes and the contract's values exactly [{string.Join(", ", expected)}] (map the classes to 0..k-1 in features.sql).");
    }

    private static string Normalise(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x == Math.Floor(x)
            ? ((long)x).ToString(CultureInfo.InvariantCulture) : value;
}
