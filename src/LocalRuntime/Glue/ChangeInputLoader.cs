using System.IO.Compression;
using System.Text;
using DuckDB.NET.Data;
using TrainingOrchestration.Contracts.Reading;
using TrainingOrchestration.Pipelines.Spec;

namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>
/// Reads a run's new raw files into the merge's input tables, as the Glue script's <c>load_change_inputs</c> does with
/// Spark: <c>raw_lines(__file, __line, __text)</c> for landed JSON records (<c>.jsonl</c>/<c>.json</c>, optionally
/// gzipped), <c>snapshot_rows</c> for CSV copies of the table with a header, <c>dms_rows</c> for DMS CSV and Parquet
/// files (<c>s3-files</c>). Every field is text; <c>__line</c> is the 1-based line of the file, so errors can name it.
/// </summary>
internal sealed class ChangeInputLoader(DuckDBConnection db, FeatureJobArguments args, IReadOnlyList<SourceColumn> columns)
{
    public static bool IsJson(RawFile f) =>
        f.Key.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.Key.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || f.Key.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase) || f.Key.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase);

    public static bool IsCsv(RawFile f) => f.Key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>A DMS Parquet file (S3 target <c>DataFormat</c> parquet); read for <c>s3-files</c> sources only, as on Glue.</summary>
    public static bool IsParquet(RawFile f) => f.Key.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The raw files the merge reads (the Glue script's <c>RAW_SUFFIXES</c>).</summary>
    public static bool IsRaw(RawFile f) => IsCsv(f) || IsJson(f) || IsParquet(f);

    public void Load(IReadOnlyList<RawFile> files)
    {
        DuckDbSql.Execute(db, "CREATE TABLE raw_lines(__file VARCHAR, __line BIGINT, __text VARCHAR)", "preparing the change inputs");
        DuckDbSql.Execute(db, $"CREATE TABLE __no_snapshot_rows(__file VARCHAR, __line BIGINT, {TextColumns})", "preparing the change inputs");
        DuckDbSql.Execute(db, $"CREATE TABLE dms_rows(__file VARCHAR, __line BIGINT, __dms_op VARCHAR, __dms_ts VARCHAR, {TextColumns})", "preparing the change inputs");
        if (args.Kind is CdcKind.DynamoDbStream or CdcKind.Debezium) LoadLines(files.Where(IsJson));
        var snapshots = new List<string> { "SELECT * FROM __no_snapshot_rows" };
        foreach (var csv in files.Where(IsCsv))
        {
            if (args.Kind == CdcKind.S3Files) LoadDms(csv);
            else snapshots.Add(LoadSnapshot(csv, snapshots.Count));
        }
        DuckDbSql.Execute(db, $"CREATE VIEW snapshot_rows AS {string.Join(" UNION ALL ", snapshots)}", "preparing the change inputs");
        if (args.Kind == CdcKind.S3Files) foreach (var parquet in files.Where(IsParquet)) LoadDmsParquet(parquet);
    }

    /// <summary>
    /// A DMS Parquet file: its columns are named (Op, the timestamp column, the table's columns), so they are picked by
    /// name; <c>__line</c> is the row's 1-based position. A Parquet timestamp becomes 'yyyy-MM-dd HH:mm:ss.SSSSSS', the
    /// text DMS writes to CSV, so the merge orders both alike (the Glue script's <c>dms_text</c>).
    /// </summary>
    private void LoadDmsParquet(RawFile file)
    {
        var read = $"read_parquet({DuckDbSql.Literal(file.LocalPath)})";
        var described = DuckDbSql.Describe(db, $"SELECT * FROM {read}");
        var header = described.Select(c => c.Name).ToList();
        if (!header.Any(h => string.Equals(h, args.EntityKey, StringComparison.OrdinalIgnoreCase)))
            throw new FeatureJobException($"s3://{args.Bucket}/{file.Key}: the file has no entity key column '{args.EntityKey}' (columns: {string.Join(", ", header)})");
        string Text(string? name)
        {
            if (name is null) return "NULL";
            var type = described.First(c => c.Name == name).DuckType;
            return type.StartsWith("TIMESTAMP", StringComparison.Ordinal)
                ? $"strftime({DuckDbSql.Quote(name)}, '%Y-%m-%d %H:%M:%S.%f')"
                : $"CAST({DuckDbSql.Quote(name)} AS VARCHAR)";
        }
        var op = header.FirstOrDefault(h => string.Equals(h, "Op", StringComparison.OrdinalIgnoreCase));
        var ts = args.TimestampColumn is null ? null : header.FirstOrDefault(h => string.Equals(h, args.TimestampColumn, StringComparison.OrdinalIgnoreCase));
        var picked = columns.Select(c => header.FirstOrDefault(h => string.Equals(h, c.Name, StringComparison.OrdinalIgnoreCase)) is { } h
            ? Text(h) : "NULL");
        DuckDbSql.Execute(db, $"INSERT INTO dms_rows SELECT {DuckDbSql.Literal(file.Key)}, row_number() OVER (), {Text(op)}, {Text(ts)}, " +
            $"{string.Join(", ", picked)} FROM {read}", $"reading {file.Key}");
    }

    private void LoadLines(IEnumerable<RawFile> files)
    {
        using var appender = db.CreateAppender("raw_lines");
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file.LocalPath);
            using Stream content = file.Key.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var number = 0L;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (line.Trim().Length == 0) continue;
                appender.CreateRow().AppendValue(file.Key).AppendValue(number).AppendValue(line).EndRow();
            }
        }
    }

    /// <summary>
    /// One CSV copy of the table in a table of its own, its rows in file order (DuckDB keeps insertion order), so a row's
    /// line is its <c>rowid</c> + 2 (after the header) without numbering 10 million rows in one window; returns the
    /// SELECT that gives its <c>snapshot_rows</c>.
    /// </summary>
    private string LoadSnapshot(RawFile file, int index)
    {
        var read = DuckDbSql.ReadCsv(file.LocalPath, args.Csv, header: true);
        var header = DuckDbSql.Describe(db, $"SELECT * FROM {read}").Select(c => c.Name).ToList();
        RequireKey(file, header);
        var table = $"__snapshot_file_{index}";
        DuckDbSql.Execute(db, $"CREATE TABLE {table}({TextColumns})", $"reading {file.Key}");
        DuckDbSql.Execute(db, $"INSERT INTO {table} SELECT {Project(header)} FROM {read}", $"reading {file.Key}");
        return $"SELECT {DuckDbSql.Literal(file.Key)} AS __file, rowid + 2 AS __line, {ColumnNames} FROM {table}";
    }

    /// <summary>
    /// A DMS file: with AddColumnName the header names Op, the timestamp column and the table's columns; without it, a
    /// row is the table's columns (full load) or Op then the columns (CDC, or full load with IncludeOpForFullLoad).
    /// </summary>
    private void LoadDms(RawFile file)
    {
        var bare = DuckDbSql.ReadCsv(file.LocalPath, args.Csv, header: false);
        var fields = DuckDbSql.Describe(db, $"SELECT * FROM {bare}").Count;
        var first = DuckDbSql.Strings(db, $"SELECT * FROM {bare} LIMIT 1");
        if (first.Any(v => string.Equals(v, args.EntityKey, StringComparison.OrdinalIgnoreCase)))
        {
            var read = DuckDbSql.ReadCsv(file.LocalPath, args.Csv, header: true);
            var header = DuckDbSql.Describe(db, $"SELECT * FROM {read}").Select(c => c.Name).ToList();
            RequireKey(file, header);
            var op = header.FirstOrDefault(h => string.Equals(h, "Op", StringComparison.OrdinalIgnoreCase));
            var ts = args.TimestampColumn is null ? null : header.FirstOrDefault(h => string.Equals(h, args.TimestampColumn, StringComparison.OrdinalIgnoreCase));
            DuckDbSql.Execute(db, $"INSERT INTO dms_rows SELECT {DuckDbSql.Literal(file.Key)}, row_number() OVER () + 1, " +
                $"{(op is null ? "NULL" : DuckDbSql.Quote(op))}, {(ts is null ? "NULL" : DuckDbSql.Quote(ts))}, {Project(header)} FROM {read}", $"reading {file.Key}");
            return;
        }
        var withOp = fields == columns.Count + 1;
        if (!withOp && fields != columns.Count)
        {
            throw new FeatureJobException($"s3://{args.Bucket}/{file.Key} line 1: {fields} fields, but source.columns declares {columns.Count} " +
                $"(a DMS file without a header holds the columns, or Op then the columns; with a timestamp column, set AddColumnName so the header names it)");
        }
        var names = (withOp ? new[] { "__dms_op" } : []).Concat(columns.Select(c => c.Name)).ToList();
        var named = DuckDbSql.ReadCsv(file.LocalPath, args.Csv, header: false, $"names = [{string.Join(", ", names.Select(DuckDbSql.Literal))}]");
        DuckDbSql.Execute(db, $"INSERT INTO dms_rows SELECT {DuckDbSql.Literal(file.Key)}, row_number() OVER (), {(withOp ? "__dms_op" : "NULL")}, NULL, " +
            $"{ColumnNames} FROM {named}", $"reading {file.Key}");
    }

    /// <summary>
    /// Before any file is read: an empty CSV file, a header naming a column twice (DuckDB would rename one) or an
    /// unbalanced quote fails the job naming the file and line, as the Glue script's <c>check_csv_lines</c> does.
    /// </summary>
    public static void RequireReadable(FeatureJobArguments args, IEnumerable<RawFile> files)
    {
        foreach (var file in files.Where(IsCsv))
        {
            if (CsvFileCheck.Problem(file.LocalPath, args.Csv, header: args.Kind != CdcKind.S3Files) is { } problem)
            {
                throw new FeatureJobException($"s3://{args.Bucket}/{file.Key}: {problem} (read with the contract's csv: delimiter " +
                    $"'{Contracts.Model.CsvDialect.Spell(args.Csv.Delimiter)}', quote '{args.Csv.Quote}')");
            }
        }
    }

    private void RequireKey(RawFile file, List<string> header)
    {
        if (header.Any(h => string.Equals(h, args.EntityKey, StringComparison.OrdinalIgnoreCase))) return;
        throw new FeatureJobException($"s3://{args.Bucket}/{file.Key} line 1: the header has no entity key column '{args.EntityKey}' (columns: {string.Join(", ", header)})");
    }

    /// <summary>The declared columns picked from a file's header by name (any case); a column the file lacks is NULL.</summary>
    /// <summary>The source columns as a table declares them on loading: every one text.</summary>
    private string TextColumns => string.Join(", ", columns.Select(c => $"{DuckDbSql.Quote(c.Name)} VARCHAR"));

    private string ColumnNames => string.Join(", ", columns.Select(c => DuckDbSql.Quote(c.Name)));

    private string Project(List<string> header) => string.Join(", ", columns.Select(c =>
        header.FirstOrDefault(h => string.Equals(h, c.Name, StringComparison.OrdinalIgnoreCase)) is { } h ? DuckDbSql.Quote(h) : "NULL"));
}
