namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// Population Stability Index: sum over bins of (actual − expected) × ln(actual / expected), with fractions
/// floored at 0.0001 so an empty bin does not make it infinite. Rule of thumb: below 0.1 stable, 0.1–0.25 a
/// moderate shift, above 0.25 a major one.
/// </summary>
public static class PopulationStability
{
    public const double Floor = 1e-4;

    public static double Index(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        double psi = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var e = Math.Max(expected[i], Floor);
            var a = Math.Max(actual[i], Floor);
            psi += (a - e) * Math.Log(a / e);
        }
        return psi;
    }
}
