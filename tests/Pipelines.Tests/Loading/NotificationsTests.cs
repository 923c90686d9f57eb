using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.Pipelines.Tests.Loading;

/// <summary><c>notifications</c>: subscribers per topic, the paging rule per tier, and what is announced.</summary>
public sealed class NotificationsTests
{
    private const string Paging = """
          paging:
            emails: [ml-pager@example.com]
        """;

    [Fact]
    public void Every_kind_of_subscriber_is_read_for_both_topics()
    {
        using var folder = PipelineFolder.With(Paging, """
              webhooks: [https://hooks.example.com/ml]
              slack: [T012ABCDEFG/C0123ABCDE]
              notifyOnStart: false
              paging:
                webhooks: [https://events.pagerduty.com/integration/0123abcd/enqueue]
                slack: [T012ABCDEFG/C0PAGE0001]
            """);

        var spec = PipelineSpecLoader.Load(folder.Path).Notifications;

        Assert.Equal(["ml-oncall@example.com"], spec.Subscribers.Emails);
        Assert.Equal(["https://hooks.example.com/ml"], spec.Subscribers.Webhooks);
        Assert.Equal([new SlackChannel("T012ABCDEFG", "C0123ABCDE")], spec.Subscribers.Slack);
        Assert.Equal(["https://events.pagerduty.com/integration/0123abcd/enqueue"], spec.Paging.Webhooks);
        Assert.Equal([new SlackChannel("T012ABCDEFG", "C0PAGE0001")], spec.Paging.Slack);
        Assert.Empty(spec.Paging.Emails);
        Assert.False(spec.NotifyOnStart);
        Assert.True(spec.NotifyOnSuccess);
    }

    [Fact]
    public void A_critical_pipeline_without_a_paging_subscriber_is_refused_at_its_notifications_section()
    {
        using var folder = PipelineFolder.With(Paging, "");

        var error = LoadFailure.Of(folder).On("notifications.paging");

        Assert.Equal(folder.SpecFile, error.File);
        Assert.Equal(LoadFailure.LineOf(folder, "emails: [ml-oncall@example.com]"), error.Line);
        Assert.Contains("paging topic has no subscriber", error.Problem);
        Assert.Contains("tier: exploratory", error.Fix);
    }

    [Fact]
    public void A_critical_pipeline_with_an_empty_paging_section_is_refused_at_paging()
    {
        using var folder = PipelineFolder.With("emails: [ml-pager@example.com]", "emails: []");

        var error = LoadFailure.Of(folder).On("notifications.paging");

        Assert.Equal(LoadFailure.LineOf(folder, "emails: []"), error.Line);
    }

    [Fact]
    public void A_critical_pipeline_without_any_notifications_section_is_refused()
    {
        var yaml = PipelineFolder.ValidYaml[..PipelineFolder.ValidYaml.IndexOf("notifications:", StringComparison.Ordinal)];
        using var folder = PipelineFolder.Named("demo", yaml);

        var error = LoadFailure.Of(folder).On("notifications");

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void An_exploratory_pipeline_needs_no_paging_subscriber()
    {
        using var folder = PipelineFolder.Named("demo", PipelineFolder.ValidYaml.Replace("tier: critical", "tier: exploratory", StringComparison.Ordinal)
            .Replace(Paging, "", StringComparison.Ordinal));

        Assert.Equal(0, PipelineSpecLoader.Load(folder.Path).Notifications.Paging.Count);
    }

    [Fact]
    public void An_exploratory_pipeline_may_not_name_paging_subscribers_nobody_would_page()
    {
        using var folder = PipelineFolder.With("tier: critical", "tier: exploratory");

        var error = LoadFailure.Of(folder).On("notifications.paging");

        Assert.Equal(LoadFailure.LineOf(folder, "emails: [ml-pager@example.com]"), error.Line);
        Assert.Contains("no paging topic", error.Problem);
    }

    [Theory]
    [InlineData("webhooks: [http://hooks.example.com/ml]", "notifications.webhooks", "https://")]
    [InlineData("webhooks: [not a url]", "notifications.webhooks", "https://")]
    [InlineData("slack: [C0123ABCDE]", "notifications.slack", "WORKSPACE_ID/CHANNEL_ID")]
    [InlineData("slack: [T012/C0-12]", "notifications.slack", "WORKSPACE_ID/CHANNEL_ID")]
    public void A_bad_subscriber_is_named_with_its_field_and_line(string line, string field, string problem)
    {
        using var folder = PipelineFolder.With("notifyOnSuccess: true", "notifyOnSuccess: true\n  " + line);

        var error = LoadFailure.Of(folder).On(field);

        Assert.Equal(LoadFailure.LineOf(folder, line), error.Line);
        Assert.Contains(problem, error.Problem);
    }
}
