using System.Text;
using TrainingOrchestration.Contracts.Tests.Support;

namespace TrainingOrchestration.Contracts.Tests.Rules;

public class MultiFileTests
{
    [Fact]
    public async Task Rows_are_numbered_per_file_and_uniqueness_spans_all_files_of_the_table()
    {
        const string contract = "contract: m\ncolumns: [{ name: id, type: string }, { name: n, type: integer }]\nrules: [{ check: primary_key, column: id }, { check: range, column: n, max: 10 }]\n";
        var first = Encoding.UTF8.GetBytes("id,n\nA,1\nB,2\n");
        var second = Encoding.UTF8.GetBytes("id,n\nC,30\nA,4\n");

        var outcome = await ContractRun.ValidateAsync(contract, [("part-00000.csv", first), ("part-00001.csv", second)]);

        Assert.Equal(4, outcome.RowCount);
        var range = Assert.Single(outcome.Rule("range:n").Examples);
        Assert.Equal(("part-00001.csv", 1L), (range.File, range.Row));
        var duplicate = Assert.Single(outcome.Rule("primary_key:id").Examples);
        Assert.Equal(("part-00001.csv", 2L), (duplicate.File, duplicate.Row));
        Assert.Contains("first at part-00000.csv row 1", duplicate.Value);
    }
}
