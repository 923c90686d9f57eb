using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>Workflow variables: a Map iteration or Parallel branch reads its parent's variables and assigns its own.</summary>
internal sealed class VariableScope(VariableScope? parent)
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    public VariableScope? Parent => parent;

    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            lock (scope._values)
            {
                if (scope._values.TryGetValue(name, out value)) return true;
            }
        }
        value = null;
        return false;
    }

    public void Set(string name, JsonNode? value)
    {
        lock (_values) { _values[name] = value; }
    }

    /// <summary>A detached copy of this scope's own variables (used to resume a redriven execution).</summary>
    public VariableScope Snapshot(VariableScope? newParent)
    {
        var copy = new VariableScope(newParent ?? parent);
        lock (_values)
        {
            foreach (var (k, v) in _values) copy._values[k] = v?.DeepClone();
        }
        return copy;
    }

    /// <summary>This scope's own variables (not its parents'), copied: what an execution snapshot keeps.</summary>
    public Dictionary<string, JsonNode?> OwnValues()
    {
        lock (_values) { return _values.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal); }
    }
}
