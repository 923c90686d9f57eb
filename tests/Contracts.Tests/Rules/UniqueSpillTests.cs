using System.Text;
using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Rules;

public class UniqueSpillTests
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(100)]
    [InlineData(50)]
    public async Task Keys_beyond_the_memory_limit_spill_to_disk_and_duplicates_are_still_found_exactly(int keysInMemory)
    {
        var csv = new StringBuilder("id\n");
        for (var i = 1; i <= 20_000; i++) csv.Append('K').Append(i).Append('\n');
        csv.Append("K17\nK19999\n");
        var temp = Path.Combine(Path.GetTempPath(), "unique-spill-test-" + Guid.NewGuid().ToString("N"));
        var inputs = new ValidationInputs { Now = ContractRun.Now, UniqueKeysInMemory = keysInMemory, TempDirectory = temp };

        var outcome = (await ContractRun.ValidateAsync("contract: u\ncolumns: [{ name: id, type: string }]\nrules: [{ check: unique, column: id }]\n", csv.ToString(), inputs)).Rule("unique:id");

        Assert.False(outcome.Passed);
        Assert.Equal(2, outcome.FailingCount);
        Assert.Equal([20_001L, 20_002L], outcome.Examples.Select(e => e.Row));
        Assert.Contains("first at part-00000.csv row 17", outcome.Examples[0].Value);
        Assert.NotNull(outcome.Note);
        Assert.Empty(Directory.GetFiles(temp));
    }

    [Fact]
    public async Task Without_spilling_duplicates_are_reported_in_row_order_with_their_first_occurrence()
    {
        var csv = "id\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => $"K{i % 4000}\n"));

        var outcome = (await ContractRun.ValidateAsync("contract: u\ncolumns: [{ name: id, type: string }]\nrules: [{ check: unique, column: id }]\n", csv)).Rule("unique:id");

        Assert.Equal(1000, outcome.FailingCount);
        Assert.Equal([4001L, 4002L, 4003L, 4004L, 4005L], outcome.Examples.Select(e => e.Row));
        Assert.Contains("K1 (first at part-00000.csv row 1)", outcome.Examples[0].Value);
        Assert.Null(outcome.Note);
    }
}
