using ScottPlot;
using TrainingOrchestration.Tasks.Evaluation;

namespace TrainingOrchestration.LocalRuntime.Reports;

/// <summary>Draws the report's PNG images with ScottPlot.</summary>
public static class ReportCharts
{
    public static void SaveRoc(RocCurve roc, string path)
    {
        var plot = new Plot();
        var curve = plot.Add.Scatter(roc.FalsePositiveRates.ToArray(), roc.TruePositiveRates.ToArray());
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = $"model (AUC {roc.Area():F3})";
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.Color = Colors.Gray;
        chance.LegendText = "chance";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Title("ROC curve, test split");
        plot.XLabel("False positive rate");
        plot.YLabel("True positive rate");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 640, 480);
    }

    public static void SaveConfusionMatrix(ConfusionMatrix matrix, double threshold, string path)
    {
        var plot = new Plot();
        var max = Math.Max(1L, new[] { matrix.TruePositives, matrix.FalsePositives, matrix.TrueNegatives, matrix.FalseNegatives }.Max());
        // Rows: actual (top = positive); columns: predicted (left = negative).
        Cell(plot, 0, 1, matrix.FalseNegatives, "FN", max);
        Cell(plot, 1, 1, matrix.TruePositives, "TP", max);
        Cell(plot, 0, 0, matrix.TrueNegatives, "TN", max);
        Cell(plot, 1, 0, matrix.FalsePositives, "FP", max);
        plot.HideGrid();
        plot.Axes.SetLimits(0, 2, 0, 2);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0.5, 1.5], ["predicted 0", "predicted 1"]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0.5, 1.5], ["actual 0", "actual 1"]);
        plot.Title($"Confusion matrix at threshold {threshold:0.##} (n = {matrix.Total})");
        plot.SavePng(path, 480, 420);
    }

    private static void Cell(Plot plot, int column, int row, long count, string label, long max)
    {
        var rect = plot.Add.Rectangle(column, column + 1, row, row + 1);
        var shade = 0.15 + 0.75 * count / max;
        rect.FillStyle.Color = Colors.SteelBlue.WithAlpha(shade);
        rect.LineStyle.Color = Colors.White;
        rect.LineStyle.Width = 2;
        var text = plot.Add.Text($"{label}\n{count}", column + 0.5, row + 0.5);
        text.LabelFontSize = 22;
        text.LabelBold = true;
        text.LabelAlignment = Alignment.MiddleCenter;
        text.LabelFontColor = shade > 0.55 ? Colors.White : Colors.Black;
    }
}
