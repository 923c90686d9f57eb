namespace TrainingOrchestration.Tasks.Evaluation.Comparison;

/// <summary>
/// Candidate against champion on the same test rows: both metric values, the improvement (candidate − champion,
/// negated for lower-is-better metrics, so positive always means the candidate is better), its confidence interval,
/// and how the interval was obtained (<c>delong</c> for AUC, <c>paired-bootstrap</c> otherwise).
/// </summary>
public sealed record PairedComparison(
    string Metric, double Candidate, double Champion, double Improvement, double Lower, double Upper,
    double ConfidenceLevel, string Method, int Resamples)
{
    /// <summary>Promote only when the whole interval clears the margin: the lower bound is at least <paramref name="margin"/>.</summary>
    public bool Clears(double margin) => Lower >= margin - 1e-12 && Improvement > 0;
}
