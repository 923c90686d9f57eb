using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Checks;

/// <summary>
/// Everything one scan accumulates: the checks, the column profilers, the schema tracker and the row count. A scan
/// of the whole table, of one part file, or of one chunk of a file each has its own; they combine exactly, through
/// <see cref="PartialValidation"/> (<see cref="Export"/>, <see cref="Absorb"/>) across processes, or
/// <see cref="FollowChunk"/> in process, where uniqueness also sees the chunk's keys.
/// </summary>
internal sealed class ScanState : IDisposable
{
    private readonly DataContract contract;
    private readonly List<ScanState> chunks = [];

    public ScanState(DataContract contract, ValidationInputs inputs, Func<int, string?> fileName, int keysInMemory)
    {
        this.contract = contract;
        FileName = fileName;
        Checks = CheckFactory.Create(contract, inputs, Position, fileName, keysInMemory);
        Schema = new SchemaTracker(contract, new FailureSamples(Position, contract.ExampleRows));
        Profilers = contract.Columns.ToDictionary(c => c.Name, CreateProfiler);
        Plan = new ScanPlan(contract, Checks, Profilers);
    }

    public ScanPosition Position { get; } = new();
    /// <summary>File names by index, for examples found after the pass (uniqueness).</summary>
    public Func<int, string?> FileName { get; }
    public List<Check> Checks { get; }
    public SchemaTracker Schema { get; }
    public Dictionary<string, ColumnProfiler> Profilers { get; }
    public ScanPlan Plan { get; }
    /// <summary>Rows with the right number of fields (the ones rules see).</summary>
    public long Rows { get; set; }

    /// <summary>A later chunk of the current file, scanned in parallel, as if its rows (shifted by <paramref name="rowOffset"/>) came next.</summary>
    public void FollowChunk(ScanState chunk, long rowOffset)
    {
        chunks.Add(chunk);
        for (var i = 0; i < Checks.Count; i++)
        {
            if (Checks[i] is UniqueCheck unique) unique.FollowChunk((UniqueCheck)chunk.Checks[i], rowOffset);
            else Checks[i].Absorb(chunk.Checks[i].Export(), rowOffset);
        }
        foreach (var (name, profiler) in Profilers) profiler.Absorb(chunk.Profilers[name].Export());
        Schema.Absorb(chunk.Schema.Problems, chunk.Schema.ExportRagged(), rowOffset);
        Rows += chunk.Rows;
    }

    public PartialValidation Export(IReadOnlyList<TableSource> files, double durationMs) => new()
    {
        Contract = contract.Name,
        ContractVersion = contract.Version,
        Files = files.Select(f => f.Name).ToList(),
        Bytes = files.Sum(f => f.Bytes),
        RowCount = Rows,
        DurationMs = durationMs,
        SchemaProblems = Schema.Problems.ToList(),
        RaggedRows = Schema.ExportRagged(),
        Columns = contract.Columns.Select(c => Profilers[c.Name].Export()).ToList(),
        Rules = Checks.Select(c => c.Export()).ToList(),
    };

    /// <summary>Another part's state, after this one's (parts are whole files, so rows need no shift).</summary>
    public void Absorb(PartialValidation part)
    {
        if (part.Columns.Count != contract.Columns.Count || part.Rules.Count != Checks.Count)
        {
            throw new InvalidOperationException($"a partial validation of files {string.Join(", ", part.Files)} has {part.Columns.Count} columns and {part.Rules.Count} rules; " +
                                                $"contract '{contract.Name}' version {contract.Version} has {contract.Columns.Count} and {Checks.Count}");
        }
        for (var i = 0; i < Checks.Count; i++)
        {
            if (part.Rules[i].Rule != Checks[i].Rule.Id) throw new InvalidOperationException($"partial validation rule {i} is '{part.Rules[i].Rule}', expected '{Checks[i].Rule.Id}'");
            Checks[i].Absorb(part.Rules[i], 0);
        }
        for (var i = 0; i < contract.Columns.Count; i++) Profilers[contract.Columns[i].Name].Absorb(part.Columns[i]);
        Schema.Absorb(part.SchemaProblems, part.RaggedRows, 0);
        Rows += part.RowCount;
    }

    public ValidationOutcome Complete(ValidationInputs inputs, IReadOnlyList<string> files, long bytes, double durationMs)
    {
        var context = new CompletionContext(contract, inputs, Rows, Profilers);
        var outcomes = new List<RuleOutcome> { Schema.Complete() };
        outcomes.AddRange(Checks.Select(c => c.Complete(context)));
        var passed = outcomes.All(o => o.Passed || o.Severity == Severity.Warn);
        return new ValidationOutcome
        {
            Passed = passed,
            Summary = Summarize(passed, Rows, outcomes),
            Rules = outcomes,
            RowCount = Rows,
            Contract = contract.Name,
            ContractVersion = contract.Version,
            Files = files,
            Bytes = bytes,
            DurationMs = durationMs,
            Profile = new TableProfile
            {
                RunId = inputs.RunId,
                ContractVersion = contract.Version,
                RowCount = Rows,
                ProfiledAt = inputs.Now,
                Columns = Profilers.ToDictionary(p => p.Key, p => p.Value.ToProfile(BinsFor(p.Key))),
            },
        };
    }

    public void Dispose()
    {
        foreach (var check in Checks.OfType<IDisposable>()) check.Dispose();
        foreach (var chunk in chunks) chunk.Dispose();
    }

    /// <summary>Histograms and category counts only where a quantile or drift rule will read them (they dominate a cell's cost).</summary>
    private ColumnProfiler CreateProfiler(ColumnSpec column) => new(column,
        distribution: contract.Rules.Any(r => r.Column == column.Name && (r.Check == CheckKind.Quantile || r.Check == CheckKind.Drift && r.DriftKind == DriftKind.Numeric)),
        categories: contract.Rules.Any(r => r.Column == column.Name && r.Check == CheckKind.Drift && r.DriftKind == DriftKind.Categorical));

    private int BinsFor(string column) =>
        contract.Rules.Where(r => r.Check == CheckKind.Drift && r.Column == column).Select(r => r.Bins).DefaultIfEmpty(10).Max();

    private static string Summarize(bool passed, long rows, List<RuleOutcome> outcomes)
    {
        var errors = outcomes.Where(o => !o.Passed && o.Severity == Severity.Error).Select(o => o.Rule).ToList();
        var warnings = outcomes.Where(o => !o.Passed && o.Severity == Severity.Warn).Select(o => o.Rule).ToList();
        var verdict = passed ? "passed" : "FAILED";
        var detail = errors.Count == 0 && warnings.Count == 0
            ? $"all {outcomes.Count} rules passed"
            : $"{errors.Count + warnings.Count} of {outcomes.Count} rules failed" +
              (errors.Count > 0 ? $"; errors: {string.Join(", ", errors)}" : "") +
              (warnings.Count > 0 ? $"; warnings: {string.Join(", ", warnings)}" : "");
        return $"Contract {verdict} on {rows} rows: {detail}";
    }
}
