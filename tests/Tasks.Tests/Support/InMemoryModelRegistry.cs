using TrainingOrchestration.Tasks.Ports;

namespace TrainingOrchestration.Tasks.Tests.Support;

/// <summary>In-memory <see cref="IModelRegistry"/>: a champion per pipeline and the candidates recorded.</summary>
public sealed class InMemoryModelRegistry : IModelRegistry
{
    private readonly Dictionary<string, ChampionRecord> _champions = new();
    private readonly List<ModelRecord> _candidates = [];

    public IReadOnlyList<ModelRecord> Candidates => _candidates;

    public void SetChampion(string pipeline, ChampionRecord champion) => _champions[pipeline] = champion;

    public Task<ChampionRecord?> GetChampionAsync(string pipeline, CancellationToken cancellationToken = default) =>
        Task.FromResult(_champions.GetValueOrDefault(pipeline));

    public Task RecordCandidateAsync(ModelRecord model, CancellationToken cancellationToken = default)
    {
        _candidates.RemoveAll(m => m.Pipeline == model.Pipeline && m.RunId == model.RunId);
        _candidates.Add(model);
        return Task.CompletedTask;
    }
}
