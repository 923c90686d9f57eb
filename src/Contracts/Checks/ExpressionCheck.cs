using System.Text;
using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>Cross-column predicate per row; a row fails when the predicate is false (unknown passes).</summary>
internal sealed class ExpressionCheck(RuleSpec rule, RowPredicate predicate, IReadOnlyList<ColumnSpec> columns, FailureSamples failures) : Check(rule)
{
    public override bool ObservesRows => true;

    public override IReadOnlyList<int> RowColumns => predicate.Columns;

    private VectorPredicate? vector;

    /// <summary>The predicate's vector form for this check's thread (made on first use: the CSV path never needs it).</summary>
    public VectorPredicate Vector => vector ??= predicate.Vectorize();

    public override void ObserveRow(IRowValues row)
    {
        if (predicate.Evaluate(row) == Truth.False) ReportFalse(row);
    }

    /// <summary>Counts <paramref name="row"/>, where the predicate is false, with its columns' values as the example.</summary>
    public void ReportFalse(IRowValues row)
    {
        var values = new StringBuilder();
        foreach (var c in predicate.Columns)
        {
            if (values.Length > 0) values.Append(", ");
            values.Append(columns[c].Name).Append('=').Append(row.Text(c));
        }
        failures.Add(values.ToString());
    }

    public override RuleOutcome Complete(CompletionContext context) =>
        Outcome(failures.Count == 0, $"{failures.Count} rows false", predicate.Text, failures);

    public override PartialRule Export() => Export(failures);

    public override void Absorb(PartialRule part, long rowOffset) => Absorb(failures, part, rowOffset);
}
