namespace TrainingOrchestration.Contracts.Model;

/// <summary>
/// How the pipeline's CSV files are written: the field delimiter and the quote character (a quote inside a quoted field
/// is doubled, RFC 4180). Declared in the contract's <c>csv:</c> block and passed to every reader as is, never sniffed:
/// the contract validator, the local feature job (DuckDB <c>read_csv</c> with <c>delim</c>/<c>quote</c>/<c>escape</c>)
/// and the Glue script (Spark's <c>sep</c>/<c>quote</c>/<c>escape</c>, through <c>--csv_delimiter</c>/<c>--csv_quote</c>),
/// so a file cannot read one way offline and another way on AWS.
/// </summary>
public sealed record CsvDialect(char Delimiter, char Quote)
{
    /// <summary>RFC 4180: comma, double quote. What a contract without a <c>csv:</c> block declares.</summary>
    public static readonly CsvDialect Default = new(',', '"');

    /// <summary>The delimiters a contract may declare: comma, semicolon, pipe, tab.</summary>
    public static readonly char[] Delimiters = [',', ';', '|', '\t'];

    /// <summary>The quote characters a contract may declare.</summary>
    public static readonly char[] Quotes = ['"', '\''];

    /// <summary>The character as a contract or an error message spells it (a tab as <c>\t</c>).</summary>
    public static string Spell(char c) => c == '\t' ? "\\t" : c.ToString();
}
