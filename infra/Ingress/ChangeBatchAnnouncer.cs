using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using TrainingOrchestration.Pipelines.Conventions;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.StateMachine;

namespace TrainingOrchestration.Infra.Ingress;

/// <summary>
/// The change Pipe's enrichment: an Express workflow (Pipes accepts only Express workflows as enrichment, invoked
/// synchronously, and hands them the whole batch as one JSON array: docs.aws.amazon.com/eventbridge/latest/userguide/pipes-enrichment.html,
/// eb-pipes-batching-concurrency.html). It puts one <c>source.cdc.detailType</c> event per batch on the default bus with
/// <c>detail.changeCount</c> = the batch's length, which the CDC rule hands the trigger, and returns the batch unchanged
/// so the Pipe delivers it to Firehose. A batch whose event EventBridge did not accept (FailedEntryCount &gt; 0) fails the
/// execution, so the Pipe retries the batch instead of landing changes nobody counted.
/// </summary>
public sealed class ChangeBatchAnnouncer : Construct
{
    public IStateMachine StateMachine { get; }

    public ChangeBatchAnnouncer(Construct scope, string id, PipelineSpec spec, IKey key) : base(scope, id)
    {
        var name = ResourceNames.ChangeBatchStateMachine(spec.Name);
        var keep = new Pass(this, "KeepBatch", new PassProps
        {
            Comment = "The Pipe's batch is a JSON array; keep it under records so the event's result can sit beside it.",
            Parameters = new Dictionary<string, object> { ["records"] = JsonPath.EntirePayload },
        });
        var announce = new EventBridgePutEvents(this, "AnnounceChangeBatch", new EventBridgePutEventsProps
        {
            Entries =
            [
                new EventBridgePutEventsEntry
                {
                    Source = spec.Source.Cdc.EventSource,
                    DetailType = spec.Source.Cdc.DetailType,
                    Detail = TaskInput.FromObject(new Dictionary<string, object>
                    {
                        ["table"] = spec.Source.Table,
                        ["kind"] = SourceColumnsText.KindName(spec.Source.Cdc.Kind),
                        ["changeCount"] = JsonPath.ArrayLength(JsonPath.ListAt("$.records")),
                    }),
                },
            ],
            ResultSelector = new Dictionary<string, object> { ["failed.$"] = "$.FailedEntryCount" },
            ResultPath = "$.announced",
        });
        var rejected = new Fail(this, "EventNotAccepted", new FailProps
        {
            Error = "ChangeBatchNotAnnounced",
            Cause = "EventBridge did not accept the batch's event (FailedEntryCount > 0); the Pipe retries the batch.",
        });
        var deliver = new Pass(this, "DeliverBatch", new PassProps { Comment = "Hand the batch back to the Pipe for Firehose.", OutputPath = "$.records" });
        var check = new Choice(this, "EventAccepted?")
            .When(Condition.NumberGreaterThan("$.announced.failed", 0), rejected)
            .Otherwise(deliver);

        var logs = new LogGroup(this, "Logs", new LogGroupProps
        {
            // Kept when the stack is deleted, so its name ends in the stack id, as the other workflows' log groups do.
            LogGroupName = $"/aws/vendedlogs/states/{name}-{Fn.Select(2, Fn.Split("/", Aws.STACK_ID))}",
            Retention = RetentionDays.THREE_MONTHS,
            EncryptionKey = key,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        StateMachine = ExpressWorkflowDefaults.CreateStateMachine(this, name, keep.Next(announce).Next(check), logs, key);
    }
}
