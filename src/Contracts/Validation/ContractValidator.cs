using System.Diagnostics;
using TrainingOrchestration.Contracts.Checks;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Reading;

namespace TrainingOrchestration.Contracts.Validation;

/// <summary>
/// Validates a table against a contract in a single streaming pass: each row is read once, each cell coerced
/// once, and handed to the column's profiler and checks; row checks (uniqueness, predicates) see the whole row.
/// Memory is bounded by the reader's buffers (or one Parquet row group), the histograms, the bounded category
/// counts and the uniqueness limit, so it does not grow with the table. The same pass produces the profile.
/// A large CSV file on a seekable stream is cut into one chunk per core, each scanned into its own state and the
/// states merged in file order: the merge is exact, so the outcome is the one a serial scan gives.
/// <see cref="ValidatePartAsync"/> stops before the outcome and returns the mergeable state instead.
/// </summary>
public sealed class ContractValidator(DataContract contract)
{
    /// <summary>CSV files smaller than this are scanned on one core (chunking would not pay).</summary>
    public const long MinChunkedBytes = 4L * 1024 * 1024;

    public async Task<ValidationOutcome> ValidateAsync(IReadOnlyList<TableSource> files, ValidationInputs inputs, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var state = await ScanAsync(files, inputs, cancellationToken).ConfigureAwait(false);
        return state.Complete(inputs, files.Select(f => f.Name).ToList(), files.Sum(f => f.Bytes), clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Validates one part of a table (a file or group of files) as far as it can alone; <see cref="ValidationMerge.Merge"/>
    /// combines the parts, given in file order, into the outcome of the whole table. Uniqueness is checked inside the
    /// part only, so the parts must be partitioned by a hash of the unique key(s) (see <c>README.md</c>).
    /// </summary>
    public async Task<PartialValidation> ValidatePartAsync(IReadOnlyList<TableSource> files, ValidationInputs inputs, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var state = await ScanAsync(files, inputs, cancellationToken).ConfigureAwait(false);
        return state.Export(files, clock.Elapsed.TotalMilliseconds);
    }

    private async Task<ScanState> ScanAsync(IReadOnlyList<TableSource> files, ValidationInputs inputs, CancellationToken cancellationToken)
    {
        var state = new ScanState(contract, inputs, FileNames(files), inputs.UniqueKeysInMemory);
        try
        {
            for (var f = 0; f < files.Count; f++)
            {
                var file = files[f];
                state.Position.File = file.Name;
                state.Position.FileIndex = f;
                state.Position.Row = 0;
                try
                {
                    await ScanFileAsync(file, inputs, state, cancellationToken).ConfigureAwait(false);
                }
                catch (CsvFormatException e)
                {
                    state.Schema.Malformed(file.Name, "not valid CSV: " + e.Message);
                }
                catch (InvalidDataException e)
                {
                    state.Schema.Malformed(file.Name, e.Message);
                }
            }
            return state;
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    private static Func<int, string?> FileNames(IReadOnlyList<TableSource> files) => index => index < files.Count ? files[index].Name : null;

    private async Task ScanFileAsync(TableSource file, ValidationInputs inputs, ScanState state, CancellationToken cancellationToken)
    {
        var stream = await file.Open(cancellationToken).ConfigureAwait(false);
        if (!file.IsParquet && inputs.Parallelism > 1 && stream.CanSeek && stream.Length >= MinChunkedBytes)
        {
            var boundaries = CsvChunks.Boundaries(stream, inputs.Parallelism, contract.Csv.Quote);
            if (boundaries is { Length: > 2 })
            {
                stream.Position = 0;
                if (await TryScanChunksAsync(file, stream, boundaries, inputs, state, cancellationToken).ConfigureAwait(false)) return;
                stream = await file.Open(cancellationToken).ConfigureAwait(false);
            }
            stream.Position = 0;
        }
        if (file.IsParquet && inputs.Parallelism > 1 && stream.CanSeek)
        {
            var parquet = await ParquetTableReader.OpenAsync(stream, cancellationToken, inputs.ParquetPageDecoder).ConfigureAwait(false);
            if (parquet.RowGroupCount > 1)
            {
                await ScanRowGroupsAsync(file, parquet, inputs, state, cancellationToken).ConfigureAwait(false);
                return;
            }
            await ScanAsync(parquet, state, file.Name, inputs, cancellationToken).ConfigureAwait(false);
            return;
        }
        TableReader reader = file.IsParquet
            ? await ParquetTableReader.OpenAsync(stream, cancellationToken, inputs.ParquetPageDecoder).ConfigureAwait(false)
            : CsvTableReader.Open(stream, contract.NullValues, readAhead: inputs.ReadAhead, dialect: contract.Csv);
        await ScanAsync(reader, state, file.Name, inputs, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ScanAsync(TableReader reader, ScanState state, string fileName, ValidationInputs inputs, CancellationToken cancellationToken)
    {
        await using var _ = reader.ConfigureAwait(false);
        state.Plan.Begin(reader, state.Schema.Map(fileName, reader.Columns));
        await ReadRowsAsync(reader, state, inputs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A Parquet file's row groups shared out in runs, one per core, each read into its own state and merged in order.</summary>
    private async Task ScanRowGroupsAsync(TableSource file, ParquetTableReader first, ValidationInputs inputs, ScanState state, CancellationToken cancellationToken)
    {
        var groups = first.RowGroupCount;
        var header = first.Columns;
        var count = Math.Min(inputs.Parallelism, groups);
        var map = state.Schema.Map(file.Name, header);
        var chunks = Enumerable.Range(0, count).Select(_ => new ScanState(contract, inputs, state.FileName, Math.Max(1, inputs.UniqueKeysInMemory / count))).ToList();
        var merged = false;
        try
        {
            await Task.WhenAll(chunks.Select((chunk, k) => Task.Run(async () =>
            {
                chunk.Position.File = file.Name;
                chunk.Position.FileIndex = state.Position.FileIndex;
                var reader = k == 0 ? first : await ParquetTableReader.OpenAsync(await file.Open(cancellationToken).ConfigureAwait(false), cancellationToken, inputs.ParquetPageDecoder).ConfigureAwait(false);
                await using var _ = reader.ConfigureAwait(false);
                reader.Restrict(groups * k / count, groups * (k + 1) / count - groups * k / count);
                chunk.Plan.Begin(reader, map);
                await ReadRowsAsync(reader, chunk, inputs, cancellationToken).ConfigureAwait(false);
            }, cancellationToken))).ConfigureAwait(false);
            long offset = 0;
            foreach (var chunk in chunks)
            {
                state.FollowChunk(chunk, offset);
                offset += chunk.Position.Row;
            }
            state.Position.Row = offset;
            merged = true;
        }
        finally
        {
            if (!merged) foreach (var chunk in chunks) chunk.Dispose();
        }
    }

    /// <summary>
    /// Scans the chunks in parallel, each into its own state, and merges them in order. False (nothing recorded) when a
    /// chunk does not parse, e.g. a boundary fell inside a quoted line break: the caller then scans the file serially.
    /// </summary>
    private async Task<bool> TryScanChunksAsync(TableSource file, Stream stream, long[] boundaries, ValidationInputs inputs, ScanState state,
        CancellationToken cancellationToken)
    {
        var headerReader = CsvTableReader.Open(stream, contract.NullValues, dialect: contract.Csv);
        var header = headerReader.Columns;
        await headerReader.DisposeAsync().ConfigureAwait(false);
        var map = new SchemaTracker(contract, new FailureSamples(new ScanPosition(), 0)).Map(file.Name, header);
        var count = boundaries.Length - 1;
        var chunks = Enumerable.Range(0, count).Select(_ => new ScanState(contract, inputs, state.FileName, Math.Max(1, inputs.UniqueKeysInMemory / count))).ToList();
        var merged = false;
        try
        {
            foreach (var chunk in chunks)
            {
                chunk.Position.File = file.Name;
                chunk.Position.FileIndex = state.Position.FileIndex;
            }
            await Task.WhenAll(chunks.Select((chunk, k) =>
                Task.Run(() => ScanChunkAsync(file, boundaries[k], boundaries[k + 1], header, map, chunk, inputs, cancellationToken), cancellationToken))).ConfigureAwait(false);
            state.Schema.Map(file.Name, header);
            long offset = 0;
            foreach (var chunk in chunks)
            {
                state.FollowChunk(chunk, offset);
                offset += chunk.Position.Row;
            }
            state.Position.Row = offset;
            merged = true;
            return true;
        }
        catch (CsvFormatException)
        {
            return false;
        }
        finally
        {
            if (!merged) foreach (var chunk in chunks) chunk.Dispose();
        }
    }

    private async Task ScanChunkAsync(TableSource file, long start, long end, IReadOnlyList<string> header, int[] map, ScanState chunk,
        ValidationInputs inputs, CancellationToken cancellationToken)
    {
        var stream = await file.Open(cancellationToken).ConfigureAwait(false);
        var reader = CsvTableReader.OpenChunk(new ByteRangeStream(stream, start, end), header, contract.NullValues, contract.Csv);
        await using var _ = reader.ConfigureAwait(false);
        chunk.Plan.Begin(reader, map);
        await ReadRowsAsync(reader, chunk, inputs, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ReadRowsAsync(TableReader reader, ScanState state, ValidationInputs inputs, CancellationToken cancellationToken)
    {
        if (reader is CsvTableReader csv && inputs.CsvColumnAtATime)
        {
            await ReadBatchesAsync(csv, state, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (reader is ParquetTableReader { ColumnAtATime: true } parquet)
        {
            int rows;
            while ((rows = await parquet.ReadRowGroupAsync(cancellationToken).ConfigureAwait(false)) > 0)
            {
                state.Plan.ObserveRowGroup(parquet, rows, state.Position);
                state.Rows += rows;
            }
            state.Plan.ReleaseColumns();
            return;
        }
        var expectedFields = reader.Columns.Count;
        var position = state.Position;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            position.Row++;
            if (reader.FieldCount != expectedFields)
            {
                state.Schema.Ragged(reader.FieldCount, expectedFields);
                continue;
            }
            state.Rows++;
            state.Plan.Observe(reader);
        }
    }

    /// <summary>CSV in batches of rows, each validated a column at a time (<see cref="ScanPlan.ObserveBatch"/>).</summary>
    private static async Task ReadBatchesAsync(CsvTableReader reader, ScanState state, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadBatchAsync(cancellationToken).ConfigureAwait(false) is { } batch)
            {
                state.Rows += state.Plan.ObserveBatch(reader, batch, state.Position, state.Schema);
            }
        }
        finally
        {
            state.Plan.ReleaseBatchColumns();
        }
    }
}
