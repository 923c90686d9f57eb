using System.Text;
using TrainingOrchestration.Contracts.Tests.Support;
using TrainingOrchestration.Contracts.Validation;

namespace TrainingOrchestration.Contracts.Tests.Rules;

public class UniqueSpillTests
{
    [Fact]
    public async Task Keys_beyond_the_memory_limit_spill_to_disk_and_duplicates_are_still_found_exactly()
    {
        var csv = new StringBuilder("id\n");
        for (var i = 1; i <= 20_000; i++) csv.Append('K').Append(i).Append('\n');
        csv.Append("K17\nK19999\n");
        var temp = Path.Combine(Path.GetTempPath(), "unique-spill-test-" + Guid.NewGuid().ToString("N"));
        var inputs = new ValidationInputs { Now = ContractRun.Now, UniqueKeysInMemory = 1_000, TempDirectory = temp };

        var outcome = (await ContractRun.ValidateAsync("contract: u\ncolumns: [{ name: id, type: string }]\nrules: [{ check: unique, column: id }]\n", csv.ToString(), inputs)).Rule("unique:id");

        Assert.False(outcome.Passed);
        Assert.Equal(2, outcome.FailingCount);
        Assert.Equal([20_001L, 20_002L], outcome.Examples.Select(e => e.Row));
        Assert.Contains("first at part-00000.csv row 17", outcome.Examples[0].Value);
        Assert.NotNull(outcome.Note);
        Assert.Empty(Directory.GetFiles(temp));
    }
}
