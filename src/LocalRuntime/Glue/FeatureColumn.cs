namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>A column of <c>table/</c>, with its type as the Glue job (Spark SQL) names it.</summary>
public sealed record FeatureColumn(string Name, string Type);
