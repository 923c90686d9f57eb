using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>What checks see once the pass is over: the row count, each column's profile, and the run's inputs.</summary>
internal sealed class CompletionContext(DataContract contract, ValidationInputs inputs, long rowCount, IReadOnlyDictionary<string, ColumnProfiler> profilers)
{
    public DataContract Contract => contract;
    public ValidationInputs Inputs => inputs;
    public long RowCount => rowCount;
    public ColumnProfiler Profiler(string column) => profilers[column];
}
