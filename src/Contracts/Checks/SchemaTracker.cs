using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// The <c>columns</c> rule: every declared column present (in order when the contract says strict), no undeclared
/// column unless allowed, no column named twice in a header, every row with as many fields as the header, and the
/// file readable as CSV at all (an empty file says so).
/// </summary>
internal sealed class SchemaTracker(DataContract contract, FailureSamples raggedRows)
{
    private readonly List<string> problems = [];

    public RuleSpec Rule { get; } = new()
    {
        Id = "columns",
        Check = CheckKind.Columns,
        Severity = contract.Schema.Severity,
        Location = new SourceLocation(contract.SourceFile, 0, 0),
    };

    /// <summary>Maps each contract column to its index in the file (-1 when missing) and records what is wrong.</summary>
    public int[] Map(string file, IReadOnlyList<string> header)
    {
        if (header.Count == 0)
        {
            problems.Add($"{file}: the file is empty (no header row)");
            return contract.Columns.Select(_ => -1).ToArray();
        }
        foreach (var twice in header.Select((name, i) => (name, i)).GroupBy(h => h.name).Where(g => g.Count() > 1))
        {
            problems.Add($"{file}: the header names column '{twice.Key}' {twice.Count()} times (columns {string.Join(" and ", twice.Select(h => h.i + 1))})");
        }
        var map = contract.Columns.Select(c => IndexOf(header, c.Name)).ToArray();
        var missing = contract.Columns.Where((c, i) => map[i] < 0).Select(c => c.Name).ToList();
        if (missing.Count > 0) problems.Add($"{file}: missing column(s) {string.Join(", ", missing)}");
        var extra = header.Where(h => contract.FindColumn(h) is null).ToList();
        if (extra.Count > 0 && !contract.Schema.AllowExtraColumns) problems.Add($"{file}: undeclared column(s) {string.Join(", ", extra)}");
        if (contract.Schema.Order == ColumnOrder.Strict)
        {
            var present = map.Where(i => i >= 0).ToList();
            if (!present.SequenceEqual(present.Order()))
            {
                problems.Add($"{file}: columns out of order; expected {string.Join(",", contract.Columns.Select(c => c.Name))}, found {string.Join(",", header)}");
            }
        }
        return map;
    }

    public void Malformed(string file, string message) => problems.Add($"{file}: {message}");

    public void Ragged(int fields, int expected) => raggedRows.Add($"{fields} fields, header has {expected}");

    public IReadOnlyList<string> Problems => problems;

    public PartialSamples ExportRagged() => raggedRows.Export();

    /// <summary>Another part's schema problems and ragged rows, after this part's.</summary>
    public void Absorb(IEnumerable<string> partProblems, PartialSamples ragged, long rowOffset)
    {
        problems.AddRange(partProblems);
        raggedRows.Absorb(ragged, rowOffset);
    }

    public RuleOutcome Complete()
    {
        var passed = problems.Count == 0 && raggedRows.Count == 0;
        var observed = passed ? $"{contract.Columns.Count} columns as declared" : string.Join("; ", problems.Append(raggedRows.Count > 0 ? $"{raggedRows.Count} rows with the wrong number of fields" : null).OfType<string>());
        return new RuleOutcome
        {
            Rule = Rule.Id,
            Check = "columns",
            Severity = Rule.Severity,
            Passed = passed,
            Observed = observed,
            Threshold = $"{(contract.Schema.Order == ColumnOrder.Strict ? "in order" : "any order")}: {string.Join(",", contract.Columns.Select(c => c.Name))}{(contract.Schema.AllowExtraColumns ? " (+ extra allowed)" : "")}",
            FailingCount = raggedRows.Count,
            Examples = raggedRows.Examples,
        };
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == name) return i;
        }
        return -1;
    }
}
