using TrainingOrchestration.Contracts.Expressions;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>Turns the contract's rules into checks bound to column indexes, plus one type check per column.</summary>
internal static class CheckFactory
{
    /// <param name="keysInMemory">Keys a uniqueness check buffers before spilling (a share of the limit when chunks are scanned in parallel).</param>
    public static List<Check> Create(DataContract contract, ValidationInputs inputs, ScanPosition position, Func<int, string?> fileName, int keysInMemory)
    {
        var limit = contract.ExampleRows;
        FailureSamples Samples() => new(position, limit);
        int IndexOf(string column) => contract.Columns.ToList().FindIndex(c => c.Name == column);

        var checks = new List<Check>();
        for (var i = 0; i < contract.Columns.Count; i++)
        {
            var column = contract.Columns[i];
            var rule = new RuleSpec
            {
                Id = $"type:{column.Name}",
                Check = CheckKind.Type,
                Severity = contract.Schema.Severity,
                Location = column.Location,
                Columns = [column.Name],
            };
            checks.Add(new TypeCheck(rule, i, column, Samples()));
        }
        foreach (var rule in contract.Rules)
        {
            var index = rule.Column is null ? -1 : IndexOf(rule.Column);
            var spec = index < 0 ? null : contract.Columns[index];
            checks.Add(rule.Check switch
            {
                CheckKind.NotNull or CheckKind.Completeness => new NotNullCheck(rule, index, Samples()),
                CheckKind.Unique or CheckKind.PrimaryKey => new UniqueCheck(rule,
                    rule.Columns.Select(IndexOf).ToArray(),
                    rule.Columns.Select(c => contract.Columns[IndexOf(c)].Type).ToArray(),
                    position, Samples(), Samples(),
                    new UniqueKeyTracker(keysInMemory, inputs.TempDirectory ?? Path.Combine(Path.GetTempPath(), "contract-unique"), fileName), inputs.UniqueKeysInMemory),
                CheckKind.AllowedValues => new AllowedValuesCheck(rule, index, spec!, Samples()),
                CheckKind.Range => new RangeCheck(rule, index, spec!, Samples()),
                CheckKind.Length => new LengthCheck(rule, index, Samples()),
                CheckKind.Pattern => new PatternCheck(rule, index, Samples()),
                CheckKind.RowCount or CheckKind.RowCountChange => new RowCountCheck(rule),
                CheckKind.Freshness => new FreshnessCheck(rule),
                CheckKind.Mean or CheckKind.StdDev or CheckKind.Quantile => new StatisticCheck(rule),
                CheckKind.Drift => new DriftCheck(rule, index, inputs.Baseline?.Columns.GetValueOrDefault(rule.Column!)),
                CheckKind.Expression => new ExpressionCheck(rule, ExpressionParser.Parse(rule.Expression!, contract.Columns), contract.Columns, Samples()),
                CheckKind.GlueJob => new GlueJobCheck(rule),
                _ => throw new NotSupportedException($"check {rule.Check} has no evaluator"),
            });
        }
        return checks;
    }
}
