using ScottPlot;

namespace TrainingOrchestration.LocalRuntime.Dashboards;

/// <summary>Draws one metric widget as a PNG: one line per series over the dashboard's range, dates on the x axis.</summary>
public static class WidgetChart
{
    private static readonly Color[] Palette =
        [Color.FromHex("#1f77b4"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"), Color.FromHex("#ff7f0e"), Color.FromHex("#9467bd"),
         Color.FromHex("#17becf"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2")];

    public static void Save(DashboardWidget widget, IReadOnlyList<DashboardSeries> series, DateTimeOffset start, DateTimeOffset end, string path)
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Color.FromHex("#fbfbfd");
        plot.Grid.MajorLineColor = Color.FromHex("#e6e8ee");
        var drawn = 0;
        foreach (var (line, index) in series.Select((s, i) => (s, i)))
        {
            if (line.Datapoints.Count == 0) continue;
            var xs = line.Datapoints.Select(p => p.Timestamp.UtcDateTime.ToOADate()).ToArray();
            var ys = line.Datapoints.Select(p => p.Value).ToArray();
            var scatter = plot.Add.Scatter(xs, ys);
            scatter.Color = Palette[index % Palette.Length];
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
            scatter.LegendText = line.Label;
            drawn++;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsX(start.UtcDateTime.ToOADate(), end.UtcDateTime.ToOADate());
        if (drawn == 0)
        {
            plot.Axes.SetLimitsY(0, 1);
            var text = plot.Add.Text("no data in this range", (start.UtcDateTime.ToOADate() + end.UtcDateTime.ToOADate()) / 2, 0.5);
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontColor = Colors.Gray;
            text.LabelFontSize = 16;
        }
        else
        {
            var max = series.SelectMany(s => s.Datapoints).Select(p => p.Value).DefaultIfEmpty(0).Max();
            var min = series.SelectMany(s => s.Datapoints).Select(p => p.Value).DefaultIfEmpty(0).Min();
            plot.Axes.SetLimitsY(Math.Min(0, min), max <= 0 ? 1 : max * 1.15);
            plot.ShowLegend(Alignment.UpperLeft);
        }
        plot.Title(widget.Title, size: 15);
        plot.SavePng(path, Math.Max(480, widget.Width * 60), Math.Max(260, widget.Height * 55));
    }
}
