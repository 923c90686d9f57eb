namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>Row counts of <c>table/</c> and the three channels.</summary>
public sealed record SplitRowCounts(long Table, long Train, long Validation, long Test);
