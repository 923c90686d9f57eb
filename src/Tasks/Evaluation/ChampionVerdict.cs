namespace TrainingOrchestration.Tasks.Evaluation;

/// <summary>Whether the candidate beats the champion, and the comparison in words.</summary>
public sealed record ChampionVerdict(bool CandidateWins, string Reason);
