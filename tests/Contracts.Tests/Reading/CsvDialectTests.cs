using TrainingOrchestration.Contracts.Tests.Support;

namespace TrainingOrchestration.Contracts.Tests.Reading;

/// <summary>The contract's declared CSV dialect is how its files are read, and what cannot be read says where and why.</summary>
public sealed class CsvDialectTests
{
    private const string Columns = """
        contract: dialect
        version: "1"
        columns:
          - { name: id, type: string }
          - { name: note, type: string }
        """;

    [Fact]
    public async Task A_declared_semicolon_and_single_quote_read_the_file_as_written()
    {
        var outcome = await ContractRun.ValidateAsync(Columns + "\ncsv: { delimiter: ';', quote: \"'\" }\n",
            "id;note\nA1;'a; b'\nA2;'it''s'\n");

        Assert.True(outcome.Rule("columns").Passed, outcome.Rule("columns").Observed);
        Assert.Equal(2, outcome.RowCount);
    }

    [Fact]
    public async Task The_default_dialect_is_comma_and_double_quote_never_sniffed_from_the_file()
    {
        var outcome = await ContractRun.ValidateAsync(Columns, "id;note\nA1;x\n");

        Assert.False(outcome.Rule("columns").Passed);
        Assert.Contains("missing column(s) id, note", outcome.Rule("columns").Observed);
    }

    [Fact]
    public async Task An_unbalanced_quote_fails_with_the_line_it_opens_on()
    {
        var outcome = await ContractRun.ValidateAsync(Columns, "id,note\nA1,\"two\nlines\"\nA2,ok\nA3,\"never closed\nA4,x\n");

        Assert.False(outcome.Rule("columns").Passed);
        Assert.Contains("part-00000.csv: not valid CSV: line 5: the \" opened on this line is never closed", outcome.Rule("columns").Observed);
    }

    [Fact]
    public async Task An_empty_file_says_it_is_empty()
    {
        var outcome = await ContractRun.ValidateAsync(Columns, "");

        Assert.Equal("part-00000.csv: the file is empty (no header row)", outcome.Rule("columns").Observed);
    }

    [Fact]
    public async Task A_column_named_twice_in_the_header_is_named_with_its_positions()
    {
        var outcome = await ContractRun.ValidateAsync(Columns, "id,note,id\nA1,x,A1\n");

        Assert.Contains("part-00000.csv: the header names column 'id' 2 times (columns 1 and 3)", outcome.Rule("columns").Observed);
    }

    [Theory]
    [InlineData("delimiter: ':'", "csv 'delimiter' must be one of")]
    [InlineData("quote: '``'", "csv 'quote' must be one of")]
    [InlineData("separator: ','", "separator")]
    public void A_dialect_outside_what_every_reader_takes_is_a_load_error(string option, string message)
    {
        var error = Assert.Throws<ContractException>(() => ContractLoader.Parse(Columns + $"\ncsv: {{ {option} }}\n", "contract.yaml"));

        Assert.Contains(message, error.Message);
    }
}
