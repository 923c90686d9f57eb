using TrainingOrchestration.Contracts.Model;
using YamlDotNet.RepresentationModel;

namespace TrainingOrchestration.Contracts.Loading;

/// <summary>Collects every error of one contract file so the author sees them all at once, each with its place.</summary>
internal sealed class ContractDiagnostics(string file)
{
    private readonly List<ContractError> errors = [];

    public string File => file;
    public IReadOnlyList<ContractError> Errors => errors;

    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void Add(YamlNode node, string? rule, string message) => errors.Add(new ContractError(At(node), rule, message));

    public void Add(SourceLocation at, string? rule, string message) => errors.Add(new ContractError(at, rule, message));
}
