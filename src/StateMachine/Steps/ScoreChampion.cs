using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>LookUpChampion</c> (WORKFLOW.md step 9b): the champion is scored on this run's test split beside the candidate,
/// so the evaluation compares the two on the same rows. The champion's approved artifact
/// (<c>CHAMPION.artifact</c>) becomes a SageMaker model named <c>&lt;p&gt;-&lt;runId&gt;-c&lt;redrive&gt;</c> (the
/// training job's name with <c>c</c> for <c>r</c>: unique per run and redrive, at most 63 characters), and the same
/// batch transform as <c>ScoreTestSplit</c> writes its predictions under <c>champion-predictions/</c>. Without a
/// champion, <c>$.championScoring.runId</c> is <c>none</c> and the candidate meets the thresholds alone.
/// </summary>
internal sealed class ScoreChampion
{
    public const string ScoringPath = "$.championScoring";

    /// <summary>Starts at <c>LookUpChampion</c>; ends with <c>ScoreChampion</c> or <c>NoChampionToScore</c>.</summary>
    public Chain States { get; }

    public ScoreChampion(Construct scope, TrainingWorkflowProps props)
    {
        var pipeline = props.Spec.Name;
        var lookUp = ServiceRetries.Apply(new DynamoGetItem(scope, "LookUpChampion", new DynamoGetItemProps
        {
            Table = props.Table,
            Key = PipelineKeys.Champion(pipeline),
            ConsistentRead = true,
            ResultPath = "$.championItem",
        }), ServiceRetries.DynamoDb);

        var toScore = new Pass(scope, "ChampionToScore", new PassProps
        {
            Parameters = new Dictionary<string, object>
            {
                ["runId"] = JsonPath.StringAt("$.championItem.Item.runId.S"),
                ["artifact"] = JsonPath.StringAt("$.championItem.Item.artifact.S"),
                ["modelName"] = JsonPath.Format(pipeline + "-{}-c{}", JsonPath.StringAt("$.runId"), JsonPath.StringAt("$$.Execution.RedriveCount")),
                ["predictionsPrefix"] = JsonPath.Format(PredictionsPrefixTemplate(pipeline), JsonPath.StringAt("$.runId")),
            },
            ResultPath = ScoringPath,
        });
        var noChampion = new Pass(scope, "NoChampionToScore", new PassProps
        {
            Result = Result.FromObject(new Dictionary<string, object> { ["runId"] = "none" }),
            ResultPath = ScoringPath,
        });

        var createModel = CreateCandidateModel.Model(scope, "CreateChampionModel", props,
            ScoringPath + ".modelName", ScoringPath + ".artifact", ScoringPath + ".runId", ScoringPath + ".model");
        var score = ScoreTestSplit.Transform(scope, "ScoreChampion", props, ScoringPath + ".modelName", PredictionsPrefixTemplate(pipeline),
            ScoringPath + ".transform");
        toScore.Next(createModel).Next(score);

        var decide = new Choice(scope, "ChampionToScore?")
            .When(Condition.And(Condition.IsPresent("$.championItem.Item.runId.S"), Condition.IsPresent("$.championItem.Item.artifact.S")), toScore)
            .Otherwise(noChampion);
        lookUp.Next(decide);
        States = Chain.Custom(lookUp, [score, noChampion], noChampion);
    }

    /// <summary>Prefix of the champion's predictions under the bucket, with one <c>{}</c> for the run id.</summary>
    public static string PredictionsPrefixTemplate(string pipeline) => BucketLayout.ChampionPredictions(pipeline, "{}");
}
