using System.Text.RegularExpressions;

namespace TrainingOrchestration.Pipelines.Tests.Runbooks;

/// <summary>
/// The runbooks must stay true of this product: every state, error or metric name they quote in backticks exists
/// in WORKFLOW.md or the CDK code that builds the workflows and stack, every required runbook exists and is indexed,
/// and every relative link resolves.
/// </summary>
public sealed partial class RunbookTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "runbooks");

    /// <summary>AWS names the runbooks quote that come from AWS APIs or consoles, not from this repository.</summary>
    private static readonly HashSet<string> AwsNames =
    [
        "AccessDenied", "ConditionalCheckFailedException", "ConcurrentRunsExceededException", "EntityNotFoundException", "ExecutionRedriven",
        "MaxRuntimeExceeded", "MaxWaitTimeExceeded", "SecondaryStatusTransitions", "TriggeredRules", "FailedInvocations",
        "DescribeTrainingJob", "ResourceLimitExceeded", "ValidationException", "AccessDeniedException", "AnalysisException",
        "ParseException", "ClientError", "AlgorithmError", "TaskTimedOut", "InvalidToken", "TaskDoesNotExist",
        "TaskConfigurationException", "TooManyRequestsException", "FeatureJobError", "ExecutionsStarted",
        "InProgress", "ErrorMessage", "FailureReason", "RedriveCount", "NotificationsTopicArn", "TrainingStateMachineArn",
        "TriggerStateMachineArn", "CallbackStateMachineArn", "BucketName", "TableName", "DashboardName", "DashboardUrl",
    ];

    public static TheoryData<string> Required() =>
    [
        "onboarding-a-table.md", "rerun-vs-redrive.md", "triage-glue.md", "triage-validation.md", "triage-training.md",
        "triage-evaluation.md", "triage-callback-lost.md", "rollback-model.md", "weekly-dashboard-review.md",
    ];

    [Theory]
    [MemberData(nameof(Required))]
    public void Each_required_runbook_exists_and_is_indexed_in_the_README(string runbook)
    {
        Assert.True(File.Exists(Path.Combine(Folder, runbook)), $"runbooks/{runbook} is missing");
        Assert.Contains($"]({runbook})", File.ReadAllText(Path.Combine(Folder, "README.md")));
    }

    [Fact]
    public void Every_state_and_error_name_quoted_in_a_runbook_exists_in_the_product()
    {
        var product = string.Join("\n",
            new[] { RepositoryPaths.Workflow }
                .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "StateMachine"), "*.cs", SearchOption.AllDirectories)
                    .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "infra"), "*.cs", SearchOption.AllDirectories))
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
                .Select(File.ReadAllText));

        var unknown = Runbooks()
            .SelectMany(r => QuotedPascalName().Matches(File.ReadAllText(r)).Select(m => (Runbook: Path.GetFileName(r), Name: m.Groups[1].Value)))
            .Where(x => !AwsNames.Contains(x.Name) && !product.Contains(x.Name, StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.True(unknown.Count == 0, "names not found in WORKFLOW.md, src/StateMachine or infra: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_relative_link_in_a_runbook_resolves()
    {
        var broken = Runbooks()
            .SelectMany(r => RelativeLink().Matches(File.ReadAllText(r)).Select(m => (Runbook: r, Target: m.Groups[1].Value)))
            .Where(x => !File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(x.Runbook)!, x.Target))))
            .Select(x => $"{Path.GetFileName(x.Runbook)} -> {x.Target}")
            .ToList();

        Assert.True(broken.Count == 0, "broken links: " + string.Join(", ", broken));
    }

    private static string[] Runbooks() => Directory.GetFiles(Folder, "*.md");

    [GeneratedRegex(@"`([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\??)`")]
    private static partial Regex QuotedPascalName();

    [GeneratedRegex(@"\]\(((?!https?:)[^)#]+\.md)(?:#[^)]*)?\)")]
    private static partial Regex RelativeLink();
}
