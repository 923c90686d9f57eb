namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>Whether the candidate beats the champion, the comparison in words, and the comparison as recorded.</summary>
public sealed record ChampionVerdict(bool CandidateWins, string Reason, ChampionSummary? Champion);
