using TrainingOrchestration.Contracts.Profiles;

namespace TrainingOrchestration.Contracts.Validation;

/// <summary>What a validation needs besides the table: the last accepted profile, the job's metrics, and the clock.</summary>
public sealed record ValidationInputs
{
    public required DateTimeOffset Now { get; init; }
    public string? RunId { get; init; }
    public TableProfile? Baseline { get; init; }
    public GlueJobRun? GlueJobRun { get; init; }
    public FeatureManifest? Manifest { get; init; }
    /// <summary>
    /// False when validating a file outside the workflow (the CLI's <c>--data</c>): rules about the feature job's run
    /// (<c>glue_job</c>, <c>freshness</c> of the manifest watermark) then pass with a note instead of failing for want of it.
    /// </summary>
    public bool JobRunExpected { get; init; } = true;
    /// <summary>Keys the uniqueness check holds in memory before it spills partitions to disk.</summary>
    public int UniqueKeysInMemory { get; init; } = 500_000;
    public string? TempDirectory { get; init; }
    /// <summary>
    /// Parse CSV on a second thread while validating, for files not scanned in parallel chunks (a non-seekable stream
    /// such as an S3 body, or a file under <see cref="ContractValidator.MinChunkedBytes"/>); on by default with more than one core.
    /// </summary>
    public bool ReadAhead { get; init; } = Environment.ProcessorCount > 1;
    /// <summary>Chunks a large seekable CSV file is cut into and scanned in parallel (1 = serial); default one per core.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>
    /// Read Parquet with the validator's own page decoder (default); false reads every column with Parquet.Net, the
    /// reference the decoder is tested against (same outcome, slower, an object per plain-encoded text value).
    /// </summary>
    public bool ParquetPageDecoder { get; init; } = true;
    /// <summary>
    /// Validate CSV in batches of rows a column at a time (default); false validates row by row, the reference the
    /// batches are tested against (same outcome, slower: a virtual read and a type switch per cell).
    /// </summary>
    public bool CsvColumnAtATime { get; init; } = true;
}
