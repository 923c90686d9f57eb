using System.Text;
using TrainingOrchestration.Contracts.Profiles;
using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Checks;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Profiles;

public class DriftTests
{
    private const string Contract = """
        contract: drift
        columns:
          - { name: amount, type: decimal }
          - { name: plan, type: string }
        rules:
          - { check: drift, column: amount, maxPsi: 0.2 }
          - { check: drift, column: plan, maxPsi: 0.1 }
        """;

    private static string Table(int rows, double shift, double proShare, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("amount,plan\n");
        for (var i = 0; i < rows; i++)
        {
            var amount = 50 + shift + 10 * (random.NextDouble() + random.NextDouble() - 1);
            csv.Append(amount.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(random.NextDouble() < proShare ? "pro" : "basic").Append('\n');
        }
        return csv.ToString();
    }

    [Fact]
    public async Task The_profile_survives_a_json_round_trip()
    {
        var profile = (await ContractRun.ValidateAsync(Contract, Table(2000, 0, 0.3, 1))).Profile!;

        var copy = ProfileSerializer.Deserialize(ProfileSerializer.Serialize(profile));

        Assert.Equal(2000, copy.RowCount);
        Assert.Equal(profile.Columns["amount"].BinEdges, copy.Columns["amount"].BinEdges);
        Assert.Equal(profile.Columns["plan"].Categories, copy.Columns["plan"].Categories);
        Assert.Equal(9, copy.Columns["amount"].BinEdges!.Length);
        Assert.Equal(1.0, copy.Columns["amount"].BinFractions!.Sum(), 6);
    }

    [Fact]
    public async Task Same_distribution_passes_and_a_shifted_one_fails_with_its_psi()
    {
        var baseline = (await ContractRun.ValidateAsync(Contract, Table(5000, 0, 0.3, 1))).Profile! with { RunId = "run-1" };
        var inputs = new ValidationInputs { Now = ContractRun.Now, Baseline = baseline };

        var same = await ContractRun.ValidateAsync(Contract, Table(5000, 0, 0.3, 2), inputs);
        var shifted = await ContractRun.ValidateAsync(Contract, Table(5000, 4, 0.6, 3), inputs);

        Assert.True(same.Rule("drift:amount").Passed, same.Rule("drift:amount").Observed);
        Assert.True(same.Rule("drift:plan").Passed, same.Rule("drift:plan").Observed);
        Assert.False(shifted.Rule("drift:amount").Passed);
        Assert.False(shifted.Rule("drift:plan").Passed);
        Assert.Matches(@"^PSI [0-9.]+ vs run run-1$", shifted.Rule("drift:amount").Observed);
        Assert.Equal("PSI <= 0.2", shifted.Rule("drift:amount").Threshold);
    }

    [Fact]
    public async Task Without_an_accepted_profile_drift_passes_with_a_note()
    {
        var outcome = await ContractRun.ValidateAsync(Contract, Table(100, 0, 0.3, 1));

        Assert.True(outcome.Rule("drift:amount").Passed);
        Assert.Equal("no accepted profile for this column yet", outcome.Rule("drift:amount").Note);
    }

    [Fact]
    public void Psi_is_zero_for_identical_distributions_and_grows_with_the_shift()
    {
        Assert.Equal(0, PopulationStability.Index([0.5, 0.5], [0.5, 0.5]), 9);
        Assert.True(PopulationStability.Index([0.5, 0.5], [0.6, 0.4]) < PopulationStability.Index([0.5, 0.5], [0.9, 0.1]));
    }
}
