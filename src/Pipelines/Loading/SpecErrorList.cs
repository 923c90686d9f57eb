using YamlDotNet.Core;

namespace TrainingOrchestration.Pipelines.Loading;

/// <summary>Collects <see cref="SpecError"/>s for one file while the loader walks it.</summary>
internal sealed class SpecErrorList(string file)
{
    private readonly List<SpecError> errors = [];

    public string File { get; } = file;
    public IReadOnlyList<SpecError> All => errors;
    public bool Any => errors.Count > 0;

    public void Add(Mark at, string field, string problem, string fix) =>
        errors.Add(new SpecError(File, at.Line, at.Column, field, problem, fix));

    public void AddIn(string file, long line, long column, string field, string problem, string fix) =>
        errors.Add(new SpecError(file, line, column, field, problem, fix));

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
            throw new PipelineSpecException(errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
    }
}
