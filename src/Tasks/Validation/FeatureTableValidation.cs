using System.Text.Json;
using Microsoft.Extensions.Logging;
using TrainingOrchestration.Contracts.Model;
using TrainingOrchestration.Contracts.Validation;
using TrainingOrchestration.Tasks.Json;
using TrainingOrchestration.Tasks.Ports;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.Tasks.Validation;

/// <summary>
/// Validates one run's feature table: finds <c>table/*.csv|*.parquet</c> under the run's prefix, reads the manifest
/// and the last accepted profile, streams the files through <see cref="ContractValidator"/>, records the outcome and,
/// when the run passes, makes its profile the accepted one. Knows nothing of Lambda or of where it runs.
/// </summary>
public sealed class FeatureTableValidation(IObjectStore store, IValidationLedger ledger, DataContract contract, TimeProvider clock, ILogger logger)
{
    public async Task<ValidationOutcome> ValidateAsync(ValidateFeaturesRequest request, string bucket, CancellationToken cancellationToken = default)
    {
        var prefix = request.FeaturesPrefix ?? BucketLayout.RunFeatures(request.Pipeline, request.RunId);
        if (!prefix.EndsWith('/')) prefix += "/";
        var manifest = await ReadManifestAsync(bucket, prefix + "manifest.json", cancellationToken).ConfigureAwait(false);
        var baseline = await ledger.GetAcceptedProfileAsync(request.Pipeline, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();

        var inputs = Inputs(request, baseline, manifest, now);
        ValidationOutcome outcome;
        if (request.Parts is { } parts)
        {
            // The Distributed Map listed and validated the parts already; only their results are read here.
            outcome = await MergeAsync(parts, bucket, prefix, inputs, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var files = await ListTableAsync(bucket, prefix, cancellationToken).ConfigureAwait(false);
            outcome = files.Count == 0
                ? NoTable(bucket, prefix)
                : await WithScratchAsync(inputs, () => new ContractValidator(contract).ValidateAsync(files, inputs, cancellationToken)).ConfigureAwait(false);
        }

        await ledger.RecordOutcomeAsync(request.Pipeline, request.RunId, outcome, now, cancellationToken).ConfigureAwait(false);
        if (outcome.Passed && outcome.Profile is not null)
        {
            await ledger.RecordProfileAsync(request.Pipeline, request.RunId, outcome.Profile, now, cancellationToken).ConfigureAwait(false);
        }
        logger.LogInformation("Validated {Pipeline} run {RunId}: {Passed} on {RowCount} rows against contract {Contract} v{ContractVersion} (baseline {BaselineRunId}): {Summary}",
            request.Pipeline, request.RunId, outcome.Passed, outcome.RowCount, contract.Name, contract.Version, baseline?.RunId ?? "none", outcome.Summary);
        return outcome;
    }

    /// <summary>
    /// One item of the Distributed Map: validates the table part at <see cref="ValidatePartRequest.Key"/> as far as a
    /// part can be validated alone and leaves the mergeable result beside the table (<see cref="BucketLayout.ValidationParts"/>),
    /// so the map's output stays a list of small references whatever the contract's histograms weigh.
    /// </summary>
    public async Task<ValidatePartResponse> ValidatePartAsync(ValidatePartRequest request, string bucket, CancellationToken cancellationToken = default)
    {
        var table = BucketLayout.RunFeatures(request.Pipeline, request.RunId) + "table/";
        if (!request.Key.StartsWith(table, StringComparison.Ordinal))
            throw new TaskInputException($"ValidatePart: {request.Key} is not under the run's table prefix {table}.");
        if (!IsTableFile(request.Key)) return new ValidatePartResponse { Key = request.Key };

        var baseline = await ledger.GetAcceptedProfileAsync(request.Pipeline, cancellationToken).ConfigureAwait(false);
        var name = request.Key[table.Length..];
        var inputs = new ValidationInputs
        {
            Now = clock.GetUtcNow(),
            RunId = request.RunId,
            Baseline = baseline,
            TempDirectory = Path.Combine(Path.GetTempPath(), $"validation-{request.RunId}-{Guid.NewGuid():N}"),
        };
        var partial = await WithScratchAsync(inputs, () => new ContractValidator(contract).ValidatePartAsync(
            [new TableSource(name, request.Size, ct => store.OpenReadAsync(bucket, request.Key, ct))], inputs, cancellationToken)).ConfigureAwait(false);

        var partialKey = BucketLayout.ValidationParts(request.Pipeline, request.RunId) + name + ".json";
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(PartialValidationSerializer.Serialize(partial)));
        await store.WriteAsync(bucket, partialKey, content, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Validated part {Key} of {Pipeline} run {RunId}: {RowCount} rows", request.Key, request.Pipeline, request.RunId, partial.RowCount);
        return new ValidatePartResponse { Key = request.Key, PartialKey = partialKey, RowCount = partial.RowCount };
    }

    /// <summary>The parts' results, in file order, merged into the outcome validating the whole table gives.</summary>
    private async Task<ValidationOutcome> MergeAsync(IReadOnlyList<ValidatePartResponse> parts, string bucket, string prefix, ValidationInputs inputs, CancellationToken cancellationToken)
    {
        var partials = new List<PartialValidation>();
        foreach (var part in parts.Where(p => p.PartialKey is not null).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var stream = await store.OpenReadAsync(bucket, part.PartialKey!, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream);
                partials.Add(PartialValidationSerializer.Deserialize(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)));
            }
        }
        return partials.Count == 0 ? NoTable(bucket, prefix) : ValidationMerge.Merge(contract, partials, inputs);
    }

    private async Task<List<TableSource>> ListTableAsync(string bucket, string prefix, CancellationToken cancellationToken)
    {
        var files = new List<TableSource>();
        await foreach (var stored in store.ListAsync(bucket, prefix + "table/", cancellationToken).ConfigureAwait(false))
        {
            if (!IsTableFile(stored.Key)) continue;
            var key = stored.Key;
            files.Add(new TableSource(key[(prefix.Length + "table/".Length)..], stored.Size, ct => store.OpenReadAsync(bucket, key, ct)));
        }
        return files;
    }

    /// <summary>
    /// Runs a validation and removes its scratch folder afterwards: spilled uniqueness partitions delete themselves,
    /// the folder goes too so /tmp does not fill across invocations of a warm Lambda.
    /// </summary>
    private static async Task<T> WithScratchAsync<T>(ValidationInputs inputs, Func<Task<T>> validate)
    {
        try
        {
            return await validate().ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(inputs.TempDirectory)) Directory.Delete(inputs.TempDirectory, recursive: true);
        }
    }

    private static ValidationInputs Inputs(ValidateFeaturesRequest request, Contracts.Profiles.TableProfile? baseline, FeatureManifest? manifest, DateTimeOffset now) => new()
    {
        Now = now,
        RunId = request.RunId,
        Baseline = baseline,
        GlueJobRun = request.GlueJobRun,
        Manifest = manifest,
        TempDirectory = Path.Combine(Path.GetTempPath(), $"validation-{request.RunId}"),
    };

    private static bool IsTableFile(string key) =>
        key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    private async Task<FeatureManifest?> ReadManifestAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(bucket, key, cancellationToken).ConfigureAwait(false)) return null;
        var stream = await store.OpenReadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, ValidationJsonContext.Default.FeatureManifest, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new TaskInputException($"s3://{bucket}/{key} is not a feature manifest at {e.Path}: {e.Message}", e);
            }
        }
    }

    private ValidationOutcome NoTable(string bucket, string prefix)
    {
        var rule = new RuleOutcome
        {
            Rule = "columns",
            Check = "columns",
            Severity = Severity.Error,
            Passed = false,
            Observed = $"no .csv or .parquet files under s3://{bucket}/{prefix}table/",
            Threshold = "the feature job wrote the table",
        };
        return new ValidationOutcome
        {
            Passed = false,
            Summary = $"Contract FAILED: no feature table under s3://{bucket}/{prefix}table/",
            Rules = [rule],
            RowCount = 0,
            Contract = contract.Name,
            ContractVersion = contract.Version,
        };
    }
}
