using System.Text.Json.Nodes;

namespace TrainingOrchestration.LocalRuntime.Templates;

/// <summary>A synthesized stack with every resource named and every intrinsic resolved, ready to register locally.</summary>
public sealed class LoadedStack(StackEnvironment environment, string templatePath, IReadOnlyList<StackResource> resources, JsonObject outputs)
{
    public StackEnvironment Environment { get; } = environment;
    public string TemplatePath { get; } = templatePath;
    public IReadOnlyList<StackResource> Resources { get; } = resources;
    /// <summary>The template's outputs, resolved (name → {Value, Export?}).</summary>
    public JsonObject Outputs { get; } = outputs;

    public IEnumerable<StackResource> OfType(string type) => Resources.Where(r => r.Type == type);

    public StackResource Get(string logicalId) =>
        Resources.FirstOrDefault(r => r.LogicalId == logicalId) ?? throw new KeyNotFoundException($"Stack {Environment.StackName} has no resource {logicalId}.");
}
