namespace TrainingOrchestration.LocalRuntime.SageMaker;

/// <summary>One entry of DescribeTrainingJob's <c>SecondaryStatusTransitions</c>.</summary>
public sealed record SecondaryStatusTransition(string Status, DateTimeOffset StartTime, DateTimeOffset? EndTime, string StatusMessage);
