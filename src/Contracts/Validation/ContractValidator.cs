using System.Diagnostics;
using TrainingOrchestration.Contracts.Checks;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Validation;

/// <summary>
/// Validates a table against a contract in a single streaming pass: each row is read once, each cell coerced
/// once, and handed to the column's profiler and checks; row checks (uniqueness, predicates) see the whole row.
/// Memory is bounded by the reader's buffer (or one Parquet row group), the sketches, the bounded category
/// counts and the uniqueness limit, so it does not grow with the table. The same pass produces the profile.
/// </summary>
public sealed class ContractValidator(DataContract contract)
{
    public async Task<ValidationOutcome> ValidateAsync(IReadOnlyList<TableSource> files, ValidationInputs inputs, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var position = new ScanPosition();
        string? FileName(int index) => index < files.Count ? files[index].Name : null;
        var checks = CheckFactory.Create(contract, inputs, position, FileName);
        try
        {
            var schema = new SchemaTracker(contract, new FailureSamples(position, contract.ExampleRows));
            var profilers = contract.Columns.ToDictionary(c => c.Name, CreateProfiler);
            var rows = await ScanAsync(files, inputs, checks, schema, profilers, position, cancellationToken).ConfigureAwait(false);

            var context = new CompletionContext(contract, inputs, rows, profilers);
            var outcomes = new List<RuleOutcome> { schema.Complete() };
            outcomes.AddRange(checks.Select(c => c.Complete(context)));
            var passed = outcomes.All(o => o.Passed || o.Severity == Severity.Warn);
            return new ValidationOutcome
            {
                Passed = passed,
                Summary = Summarize(passed, rows, outcomes),
                Rules = outcomes,
                RowCount = rows,
                Contract = contract.Name,
                ContractVersion = contract.Version,
                Files = files.Select(f => f.Name).ToList(),
                Bytes = files.Sum(f => f.Bytes),
                DurationMs = clock.Elapsed.TotalMilliseconds,
                Profile = new TableProfile
                {
                    RunId = inputs.RunId,
                    ContractVersion = contract.Version,
                    RowCount = rows,
                    ProfiledAt = inputs.Now,
                    Columns = profilers.ToDictionary(p => p.Key, p => p.Value.ToProfile(BinsFor(p.Key))),
                },
            };
        }
        finally
        {
            foreach (var check in checks.OfType<IDisposable>()) check.Dispose();
        }
    }

    private async Task<long> ScanAsync(IReadOnlyList<TableSource> files, ValidationInputs inputs, List<Check> checks, SchemaTracker schema,
        Dictionary<string, ColumnProfiler> profilers, ScanPosition position, CancellationToken cancellationToken)
    {
        var plan = new ScanPlan(contract, checks, profilers);
        long total = 0;
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            position.File = file.Name;
            position.FileIndex = f;
            position.Row = 0;
            try
            {
                total += await ScanFileAsync(file, inputs.ReadAhead, schema, plan, position, cancellationToken).ConfigureAwait(false);
            }
            catch (CsvFormatException e)
            {
                schema.Malformed(file.Name, "not valid CSV: " + e.Message);
            }
            catch (InvalidDataException e)
            {
                schema.Malformed(file.Name, e.Message);
            }
        }
        return total;
    }

    private async Task<long> ScanFileAsync(TableSource file, bool readAhead, SchemaTracker schema, ScanPlan plan, ScanPosition position,
        CancellationToken cancellationToken)
    {
        var stream = await file.Open(cancellationToken).ConfigureAwait(false);
        TableReader reader = file.IsParquet
            ? await ParquetTableReader.OpenAsync(stream, cancellationToken).ConfigureAwait(false)
            : CsvTableReader.Open(stream, contract.NullValues, readAhead: readAhead);
        await using var _ = reader.ConfigureAwait(false);
        plan.Begin(reader, schema.Map(file.Name, reader.Columns));
        var expectedFields = reader.Columns.Count;
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            position.Row++;
            if (reader.FieldCount != expectedFields)
            {
                schema.Ragged(reader.FieldCount, expectedFields);
                continue;
            }
            rows++;
            plan.Observe(reader);
        }
        return rows;
    }

    /// <summary>Sketches and category counts only where a quantile or drift rule will read them (they dominate a cell's cost).</summary>
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
