using System.Globalization;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace TrainingOrchestration.StateMachine.Steps;

/// <summary>
/// <c>BuildFeatures</c> (WORKFLOW.md step 3): runs the pipeline's Glue feature job to completion (<c>.sync</c>). The
/// job (construct, role, script) is <c>infra/Features/</c>; its arguments, read by the script as <c>--name value</c>,
/// are set here.
/// </summary>
internal static class BuildFeatures
{
    public static GlueStartJobRun Create(Construct scope, TrainingWorkflowProps props)
    {
        var state = ServiceRetries.Apply(new GlueStartJobRun(scope, "BuildFeatures", new GlueStartJobRunProps
        {
            GlueJobName = props.GlueJobName,
            IntegrationPattern = IntegrationPattern.RUN_JOB,
            Arguments = TaskInput.FromObject(JobArguments(props)),
            ResultPath = "$.features.jobRun",
        }), ServiceRetries.Glue);
        return state;
    }

    private static Dictionary<string, object> JobArguments(TrainingWorkflowProps props)
    {
        var spec = props.Spec;
        var split = spec.Features.Split;
        return new Dictionary<string, object>
        {
            ["--pipeline"] = spec.Name,
            ["--run_id"] = JsonPath.StringAt("$.runId"),
            ["--bucket"] = props.Bucket.BucketName,
            ["--sql_s3_uri"] = props.SqlS3Uri,
            ["--source_table"] = spec.Source.Table,
            ["--entity_key"] = spec.Features.EntityKey,
            ["--label"] = spec.Features.Label,
            ["--split"] = string.Join(",", new[] { split.Train, split.Validation, split.Test }.Select(f => f.ToString(CultureInfo.InvariantCulture))),
            ["--job-bookmark-option"] = "job-bookmark-enable",
        };
    }
}
