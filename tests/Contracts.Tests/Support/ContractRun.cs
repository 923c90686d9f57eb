using System.Text;
using System.Text.Json;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Support;

/// <summary>Validates in-memory CSV text against contract YAML text, the way the Lambda does with files.</summary>
internal static class ContractRun
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);

    public static Task<ValidationOutcome> ValidateAsync(string yaml, string csv, ValidationInputs? inputs = null) =>
        ValidateAsync(yaml, [("part-00000.csv", Encoding.UTF8.GetBytes(csv))], inputs);

    public static Task<ValidationOutcome> ValidateAsync(string yaml, IReadOnlyList<(string Name, byte[] Bytes)> files, ValidationInputs? inputs = null)
    {
        var contract = ContractLoader.Parse(yaml, "contract.yaml");
        var sources = files.Select(f => new TableSource(f.Name, f.Bytes.Length, _ => Task.FromResult<Stream>(new MemoryStream(f.Bytes)))).ToList();
        return new ContractValidator(contract).ValidateAsync(sources, inputs ?? new ValidationInputs { Now = Now });
    }

    public static RuleOutcome Rule(this ValidationOutcome outcome, string id) =>
        outcome.Rules.SingleOrDefault(r => r.Rule == id) ?? throw new Xunit.Sdk.XunitException($"no rule '{id}' in [{string.Join(", ", outcome.Rules.Select(r => r.Rule))}]");

    /// <summary>
    /// The same outcome from two readings of one table (CSV and Parquet, or two Parquet paths): row count, every rule's
    /// outcome and the profile, byte for byte as JSON, except the file names in the examples (the files differ only in
    /// their extension).
    /// </summary>
    public static void AssertSameOutcome(ValidationOutcome expected, ValidationOutcome actual)
    {
        Xunit.Assert.Equal(expected.RowCount, actual.RowCount);
        foreach (var rule in expected.Rules) Xunit.Assert.Equal(Json(rule), Json(actual.Rule(rule.Rule)));
        Xunit.Assert.Equal(JsonSerializer.Serialize(expected.Profile, ProfileJsonContext.Default.TableProfile),
            JsonSerializer.Serialize(actual.Profile, ProfileJsonContext.Default.TableProfile));
    }

    private static string Json(RuleOutcome rule) => JsonSerializer.Serialize(
        rule with { Examples = rule.Examples.Select(e => e with { File = null, Value = e.Value.Replace(".parquet", ".csv") }).ToList() },
        ProfileJsonContext.Default.RuleOutcome);
}
