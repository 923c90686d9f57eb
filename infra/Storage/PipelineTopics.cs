using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;
using TrainingOrchestration.Pipelines.Spec;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Infra.Storage;

/// <summary>Notification topics: every outcome goes to <see cref="Notifications"/>; critical pipelines also get a <see cref="Paging"/> topic for failures.</summary>
public sealed class PipelineTopics : Construct
{
    public Topic Notifications { get; }
    public Topic? Paging { get; }

    public PipelineTopics(Construct scope, string id, PipelineSpec spec, IKey key) : base(scope, id)
    {
        Notifications = new Topic(this, "Notifications", new TopicProps
        {
            TopicName = ResourceNames.NotificationsTopic(spec.Name),
            DisplayName = $"TrainingOrchestration {spec.Name}",
            MasterKey = key,
            EnforceSSL = true,
        });
        foreach (var email in spec.Notifications.Emails)
        {
            Notifications.AddSubscription(new EmailSubscription(email));
        }

        if (spec.Tier == PipelineTier.Critical)
        {
            Paging = new Topic(this, "Paging", new TopicProps
            {
                TopicName = ResourceNames.PagingTopic(spec.Name),
                DisplayName = $"TrainingOrchestration {spec.Name} paging",
                MasterKey = key,
                EnforceSSL = true,
            });
        }
    }
}
