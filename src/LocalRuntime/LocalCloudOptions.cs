namespace TrainingOrchestration.LocalRuntime;

/// <summary>What to deploy locally and where its state lives.</summary>
public sealed record LocalCloudOptions
{
    /// <summary>The synthesized templates (<c>&lt;Stack&gt;.template.json</c>); the stack name is the file name's stem.</summary>
    public required IReadOnlyList<string> TemplatePaths { get; init; }

    /// <summary>The run's workspace: <c>s3/</c> (one folder per bucket), <c>dynamodb/</c>, <c>glue/</c>, reports.</summary>
    public required string Workspace { get; init; }

    /// <summary>Where the virtual clock starts (the triggering event's time for <c>run</c>).</summary>
    public DateTimeOffset StartTime { get; init; } = DateTimeOffset.UtcNow;

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>The repository's <c>pipelines/</c> folder (assets such as features.sql map back to it).</summary>
    public string? PipelinesRoot { get; init; }

    /// <summary>Keep DynamoDB in memory instead of under <c>&lt;workspace&gt;/dynamodb</c> (tests that need no persistence).</summary>
    public bool InMemoryDynamoDb { get; init; }
}
