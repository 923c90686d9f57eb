namespace TrainingOrchestration.LocalRuntime.Dashboards;

/// <summary>A widget of the dashboard body: its type (<c>metric</c>, <c>text</c>), place, title or markdown, and metrics.</summary>
public sealed record DashboardWidget(string Type, int X, int Y, int Width, int Height, string Title, string? Markdown, IReadOnlyList<WidgetMetric> Metrics);
