using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>ValidateFeatures</c> (WORKFLOW.md steps 4 and 5): after <see cref="ValidateFeatureParts"/> has validated each
/// table part, the validation Lambda merges the parts into the run's outcome against the data contract; <c>FeaturesPassContract?</c> goes on when they pass and fails the run with <c>ValidationFailed</c> when not.
/// </summary>
internal sealed class ValidateFeatures
{
    private readonly Construct _scope;
    private readonly LambdaInvoke _validate;
    private readonly Pass _validationFailed;

    public ValidateFeatures(Construct scope, TrainingWorkflowProps props, BusinessFailure failure)
    {
        _scope = scope;
        var pipeline = props.Spec.Name;
        _validate = InvokeTaskFunction.Create(scope, "ValidateFeatures", props.ValidateFeaturesFunction, new Dictionary<string, object>
        {
            ["pipeline"] = pipeline,
            ["runId"] = JsonPath.StringAt("$.runId"),
            ["bucket"] = props.Bucket.BucketName,
            ["featuresPrefix"] = JsonPath.Format(BucketLayout.RunFeatures(pipeline, "{}"), JsonPath.StringAt("$.runId")),
            ["glueJobRun"] = JsonPath.StringAt("$.features.jobRun"),
            ["parts"] = JsonPath.StringAt(ValidateFeatureParts.ResultPath),
        }, "$.validation");

        _validationFailed = new Pass(scope, "ValidationFailed", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["Error"] = "ValidationFailed",
                ["Cause"] = JsonPath.StringAt("$.validation.summary"),
            },
            ResultPath = BusinessFailure.FailurePath,
        });
        _validationFailed.Next(failure.FailedAt(_validate.StateId));
    }

    /// <summary>Validation followed by <paramref name="onPassed"/>, the rest of the run, when the features pass.</summary>
    public Chain ThenIfPassed(IChainable onPassed)
    {
        var passes = new Choice(_scope, "FeaturesPassContract?")
            .When(Condition.BooleanEquals("$.validation.passed", true), onPassed)
            .Otherwise(_validationFailed);
        _validate.Next(passes);
        return Chain.Custom(_validate, onPassed.EndStates, onPassed);
    }
}
