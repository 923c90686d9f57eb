using System.Diagnostics;
using TrainingOrchestration.Contracts.Checks;
using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Validation;

/// <summary>
/// Combines the <see cref="PartialValidation"/>s of a table's parts (from <see cref="ContractValidator.ValidatePartAsync"/>)
/// into the outcome of the whole table: rule by rule the same status, observed value, counts and examples as
/// validating all the files at once, given the parts in file order. Every merged quantity is exact (integer counts,
/// exact sums, order-independent histograms), which is what makes the identity hold. Uniqueness precondition: a
/// key's rows are all in one part (the feature job writes parts partitioned by a hash of the key).
/// </summary>
public static class ValidationMerge
{
    /// <param name="inputs">The run's inputs as for <see cref="ContractValidator.ValidateAsync"/> (baseline, job run, manifest, clock).</param>
    public static ValidationOutcome Merge(DataContract contract, IEnumerable<PartialValidation> parts, ValidationInputs inputs)
    {
        var clock = Stopwatch.StartNew();
        var files = new List<string>();
        long bytes = 0;
        double partsMs = 0;
        using var state = new ScanState(contract, inputs, _ => null, inputs.UniqueKeysInMemory);
        foreach (var part in parts)
        {
            if (part.Contract != contract.Name || part.ContractVersion != contract.Version)
            {
                throw new InvalidOperationException($"part with files {string.Join(", ", part.Files)} was validated against contract '{part.Contract}' version {part.ContractVersion}, not '{contract.Name}' version {contract.Version}");
            }
            state.Absorb(part);
            files.AddRange(part.Files);
            bytes += part.Bytes;
            partsMs += part.DurationMs;
        }
        return state.Complete(inputs, files, bytes, partsMs + clock.Elapsed.TotalMilliseconds);
    }
}
