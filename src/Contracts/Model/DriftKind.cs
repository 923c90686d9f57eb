namespace TrainingOrchestration.Contracts.Model;

/// <summary>How PSI is computed: over value frequencies, or over the accepted profile's numeric bins.</summary>
public enum DriftKind
{
    Categorical,
    Numeric,
}
