using System.Text.Json.Nodes;

namespace TrainingOrchestration.Asl.Runtime;

/// <summary>
/// Workflow variables: a Map iteration or Parallel branch reads its parent's variables and assigns its own. The table
/// is made on the first assignment (most Map iterations assign nothing, and each blocked execution keeps its scope).
/// </summary>
internal sealed class VariableScope(VariableScope? parent)
{
    private Dictionary<string, JsonNode?>? _table;

    private Dictionary<string, JsonNode?> Table => LazyInitializer.EnsureInitialized(ref _table, static () => new Dictionary<string, JsonNode?>(StringComparer.Ordinal));

    public VariableScope? Parent => parent;

    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (Volatile.Read(ref scope._table) is not { } table) continue;
            lock (table)
            {
                if (table.TryGetValue(name, out value)) return true;
            }
        }
        value = null;
        return false;
    }

    public void Set(string name, JsonNode? value)
    {
        lock (Table) { Table[name] = value; }
    }

    /// <summary>A detached copy of this scope's own variables (used to resume a redriven execution).</summary>
    public VariableScope Snapshot(VariableScope? newParent)
    {
        var copy = new VariableScope(newParent ?? parent);
        lock (Table)
        {
            foreach (var (k, v) in Table) copy.Table[k] = v?.DeepClone();
        }
        return copy;
    }

    /// <summary>This scope's own variables (not its parents'), copied: what an execution snapshot keeps.</summary>
    public Dictionary<string, JsonNode?> OwnValues()
    {
        lock (Table) { return Table.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal); }
    }
}
