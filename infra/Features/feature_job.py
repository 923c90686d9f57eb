"""TrainingOrchestration feature job: one generic AWS Glue (PySpark) script for every pipeline.

Implements "Feature job" in src/StateMachine/WORKFLOW.md; the local runtime does the same with DuckDB
(src/LocalRuntime/Glue/FeatureJobRunner.cs), so both must change together.

Arguments (WORKFLOW.md, training workflow step 3, `BuildFeatures`):
  --pipeline        pipeline name, e.g. churn
  --run_id          run id, e.g. 20261123T1300-a1b2c3
  --bucket          the stack's bucket (raw/, curated/, features/ live there)
  --sql_s3_uri      s3:// URI of the pipeline's features.sql (a single SELECT over the view `source`)
  --source_table    logical table name; raw files are under raw/<table>/
  --entity_key      entity key column (first output column; the split hashes it)
  --label           label column (second output column, 0/1)
  --split           train,validation,test fractions, e.g. 0.7,0.2,0.1
  --job-bookmark-option job-bookmark-enable   (read by Glue itself, not by this script)
Optional, set in the job's DefaultArguments by the stack (infra/Compute/FeatureJob.cs):
  --database        Glue database of the features table (default training_orchestration_<pipeline, - as _>)
  --catalog_table   the features table (default <pipeline, - as _>_features)
  --merge_sql_s3_uri  s3:// URI of the zip of infra/Features/cdc/*.sql (the change merge's SQL)
  --cdc_kind        dynamodb-stream | debezium | s3-files (absent: CSV snapshots with a header only)
  --source_columns  the table's columns, name:type,... (string, integer, number, boolean, json)
  --keep_snapshots  curated snapshots kept (default 3)
  --timestamp_column  the DMS TimestampColumnName column (s3-files)
  --csv_delimiter, --csv_quote  the contract's declared CSV dialect (csv: in contract.yaml; default , and ")
  --output_parts    part files per output (the workers' executor cores; default 1)

Each run, under s3://<bucket>/:
  1. reads the raw/<table>/ files not seen by an earlier run (job bookmarks on the S3 source) and merges them with
     CDC semantics into the previous run's snapshot, writing curated/<table>/run=<run_id>/ (Parquet), by running the
     same SQL files as the local runtime (normalize_<kind>.sql, normalize_snapshot.sql, merge.sql);
  2. defines the view `source` = that snapshot without its deleted keys (source.sql);
  3. runs features.sql: entity key, label, numeric features;
  4. splits by md5 of the entity key: u = int(first 8 hex digits) / 2^32; train if u < train,
     validation if u < train + validation, else test;
  5. writes features/<pipeline>/run=<run_id>/ table/ (header in every part; key, label, features, split) and
     train|validation|test/ (label first, features, no header, no key), each as --output_parts part files
     part-NNNNN-*.csv, each a contiguous key range (Spark's parallel write), and manifest.json;
  6. updates the Data Catalog table <pipeline>_features (partition `run`) from a copy of table/ written
     under features/<pipeline>/catalog/run=<run_id>/ (headerless, so Athena reads it as data).
"""

import csv
import json
import sys
from datetime import timezone

REQUIRED_ARGUMENTS = [
    "JOB_NAME",
    "pipeline",
    "run_id",
    "bucket",
    "sql_s3_uri",
    "source_table",
    "entity_key",
    "label",
    "split",
]
DATABASE_ARGUMENT = "database"
CATALOG_TABLE_ARGUMENT = "catalog_table"
OPTIONAL_ARGUMENTS = ["merge_sql_s3_uri", "cdc_kind", "source_columns", "keep_snapshots", "timestamp_column", "csv_delimiter",
                      "csv_quote", "output_parts"]
# The dialects a contract may declare (CsvDialect.Delimiters / CsvDialect.Quotes in src/Contracts/Model/CsvDialect.cs).
CSV_DELIMITERS = (",", ";", "|", "\t")
CSV_QUOTES = ('"', "'")
COLUMN_DIRECTIVE = "-- column:"
SQL_TYPES = {"string": "STRING", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "json": "STRING"}
NORMALIZE_SQL = {"dynamodb-stream": "normalize_dynamodb_stream.sql", "debezium": "normalize_debezium.sql", "s3-files": "normalize_dms.sql"}
SOURCE_FILE_COLUMN = "_source_file"
CHANNELS = ("train", "validation", "test")
SPLIT_TOLERANCE = 1e-9
NUMERIC_TYPES = ("tinyint", "smallint", "int", "bigint", "float", "double", "boolean")


class FeatureJobError(Exception):
    """A problem the pipeline's author can fix (bad SQL output, bad arguments); fails the job run with its message."""


def parse_split(text):
    """'0.7,0.2,0.1' -> (0.7, 0.2, 0.1); each in (0, 1), summing to 1."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 3:
        raise FeatureJobError(f"--split '{text}' must be three fractions train,validation,test")
    try:
        fractions = tuple(float(p) for p in parts)
    except ValueError:
        raise FeatureJobError(f"--split '{text}' must be three numbers") from None
    if any(f <= 0 or f >= 1 for f in fractions) or abs(sum(fractions) - 1) > SPLIT_TOLERANCE:
        raise FeatureJobError(f"--split '{text}' must be fractions in (0, 1) that sum to 1")
    return fractions


def parse_columns(text):
    """'id:string,score:number' -> [('id', 'STRING'), ('score', 'DOUBLE')] (SourceColumnsText in C# writes it)."""
    columns = []
    for entry in [e.strip() for e in (text or "").split(",") if e.strip()]:
        parts = entry.split(":")
        if len(parts) != 2 or not parts[0] or parts[1] not in SQL_TYPES:
            raise FeatureJobError(f"--source_columns: '{entry}' is not name:type with a type among {', '.join(SQL_TYPES)}")
        columns.append((parts[0], SQL_TYPES[parts[1]]))
    return columns


def csv_dialect(args):
    """(delimiter, quote) from --csv_delimiter/--csv_quote, as declared in the contract; never sniffed from a file."""
    delimiter = args.get("csv_delimiter") or ","
    quote_char = args.get("csv_quote") or '"'
    if delimiter not in CSV_DELIMITERS:
        raise FeatureJobError(f"--csv_delimiter '{delimiter}' is not one of {' '.join(repr(d) for d in CSV_DELIMITERS)}")
    if quote_char not in CSV_QUOTES:
        raise FeatureJobError(f"--csv_quote '{quote_char}' is not one of {' '.join(repr(q) for q in CSV_QUOTES)}")
    return delimiter, quote_char


def check_csv_lines(lines, delimiter=",", quote_char='"', header=True):
    """What makes a CSV file unreadable in its declared dialect, worded as CsvFileCheck.Problem (C#) words it: None, or
    an empty file, a column named twice in the header, a character after a closing quote, or an unbalanced quote with
    the line it opens on. `lines` are the file's lines, each with its line break (RFC 4180: a quote inside a quoted
    field is doubled; a quote only opens a field at its start)."""
    in_quotes, opened_on, first_row, row, field = False, 0, None, [], []
    for number, text in enumerate(lines, start=1):
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        if not in_quotes:
            if text in ("\n", "\r\n", ""):
                continue
            if quote_char not in text:
                if first_row is None:
                    first_row = text.rstrip("\r\n").split(delimiter)
                continue
            row, field = [], []
        at_field_start, i = not in_quotes, 0
        while i < len(text):
            c = text[i]
            if in_quotes:
                if c == quote_char and i + 1 < len(text) and text[i + 1] == quote_char:
                    field.append(c)
                    i += 2
                    continue
                if c == quote_char:
                    in_quotes = False
                    if i + 1 < len(text) and text[i + 1] not in (delimiter, "\r", "\n"):
                        return (f"line {number}: unexpected '{text[i + 1]}' after a quoted field "
                                f"(a {quote_char} inside a quoted field must be doubled)")
                else:
                    field.append(c)
            elif c == quote_char and at_field_start:
                in_quotes, opened_on, at_field_start = True, number, False
            elif c == delimiter:
                row.append("".join(field))
                field, at_field_start = [], True
            elif c not in "\r\n":
                field.append(c)
                at_field_start = False
            i += 1
        if not in_quotes and first_row is None:
            first_row = row + ["".join(field)]
    if in_quotes:
        return f"line {opened_on}: the {quote_char} opened on this line is never closed (an unbalanced quote)"
    if first_row is None:
        return "the file is empty" + (" (no header row)" if header else "")
    if header:
        for name in dict.fromkeys(first_row):
            positions = [i + 1 for i, n in enumerate(first_row) if n == name]
            if len(positions) > 1:
                return (f"line 1: the header names column '{name}' {len(positions)} times "
                        f"(columns {' and '.join(str(p) for p in positions)})")
    return None


def s3_lines(s3, bucket, key):
    """An S3 object's text lines, each with its line break, streamed."""
    body, pending = s3.get_object(Bucket=bucket, Key=key)["Body"], b""
    for chunk in body.iter_chunks(1 << 20):
        *complete, pending = (pending + chunk).split(b"\n")
        for line in complete:
            yield (line + b"\n").decode("utf-8")
    if pending:
        yield pending.decode("utf-8")


def sql_statements(text, key, columns):
    """A change-merge SQL asset as statements, exactly as ChangeMergeSql.Statements does in the local runtime: the
    '-- column:' template repeated per column into {{columns}}, {{column_names}} and {{key}} filled in, comment lines
    dropped, statements ending with ';' at the end of a line."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    template = next((l.strip()[len(COLUMN_DIRECTIVE):].strip() for l in lines if l.strip().startswith(COLUMN_DIRECTIVE)), None)
    body = "\n".join(l for l in lines if not l.lstrip().startswith("--"))
    if template is not None:
        expanded = [template.replace("{{name}}", name).replace("{{type}}", sql_type) for name, sql_type in columns]
        body = body.replace("{{columns}}", ",\n  ".join(expanded))
    body = body.replace("{{column_names}}", ", ".join(name for name, _ in columns)).replace("{{key}}", key)
    statements, current = [], []
    for line in body.split("\n"):
        current.append(line)
        if not line.rstrip().endswith(";"):
            continue
        statements.append("\n".join(current).strip().rstrip(";").rstrip())
        current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current).strip())
    return statements


def previous_snapshot_run(run_ids, run_id):
    """The latest stored snapshot before this run (run ids start with the UTC minute, so text order is time order)."""
    earlier = sorted(r for r in run_ids if r < run_id)
    return earlier[-1] if earlier else None


def parse_s3_uri(uri):
    """'s3://bucket/key' -> ('bucket', 'key')."""
    if not uri.startswith("s3://") or "/" not in uri[5:]:
        raise FeatureJobError(f"'{uri}' is not an s3://bucket/key URI")
    bucket, key = uri[5:].split("/", 1)
    return bucket, key


def catalog_table_name(pipeline):
    """Glue/Athena table names are lowercase with underscores: mlc-churn -> mlc_churn_features."""
    return pipeline.replace("-", "_") + "_features"


def default_catalog_database(pipeline):
    return "training_orchestration_" + pipeline.replace("-", "_")


# The same rules as src/Pipelines/Sql/feature-sql-rules.json (the C# guard); a test keeps the two equal.
FEATURE_SQL_RULES = {
    "allowedFirstWords": [
        "select", "with",
    ],
    "statementKeywords": [
        "alter", "analyze", "attach", "call", "checkpoint", "comment", "copy", "create", "deallocate", "delete",
        "describe", "detach", "drop", "execute", "explain", "export", "import", "insert", "install", "load", "merge",
        "pivot", "pragma", "prepare", "refresh", "reset", "set", "show", "summarize", "truncate", "uninstall", "unpivot",
        "update", "use", "vacuum", "msck", "cache", "uncache",
    ],
    "forbiddenFunctions": [
        "read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "parquet_metadata", "parquet_schema",
        "parquet_file_metadata", "parquet_kv_metadata", "parquet_bloom_probe", "read_json", "read_json_auto",
        "read_json_objects", "read_json_objects_auto", "read_ndjson", "read_ndjson_auto", "read_ndjson_objects",
        "read_text", "read_blob", "read_xlsx", "read_files", "sniff_csv", "glob", "getenv", "getvariable",
        "current_setting", "query", "query_table", "sqlite_scan", "sqlite_attach", "postgres_scan", "postgres_attach",
        "postgres_query", "mysql_scan", "mysql_query", "iceberg_scan", "iceberg_metadata", "iceberg_snapshots",
        "delta_scan", "st_read", "load_aws_credentials", "reflect", "java_method", "try_reflect", "input_file_name",
        "input_file_block_start", "input_file_block_length", "current_user", "session_user", "user",
    ],
    "forbiddenFunctionPrefixes": [
        "duckdb_", "pragma_", "which_secret",
    ],
    "allowedTableFunctions": [
        "unnest", "range", "generate_series",
    ],
}
FEATURE_SQL_VIEWS = ("source",)
_FROM_LIST_ENDS = {"where", "group", "having", "qualify", "window", "order", "limit", "offset", "union", "except",
                   "intersect", "select", "fetch"}
_NOT_FUNCTION_NAMES = {"as", "in", "exists", "from", "join", "on", "using", "where", "and", "or", "not", "select", "any",
                       "all", "some", "values", "lateral", "over", "filter", "within", "then", "else", "when", "case", "by",
                       "having", "qualify", "union", "except", "intersect", "is", "like", "between", "window", "recursive",
                       "materialized", "tablesample", "pivot", "unpivot", "for", "with"}


class SqlRefused(FeatureJobError):
    """Feature SQL that reaches outside its pipeline; line and column are 1-based."""

    def __init__(self, line, column, problem):
        super().__init__(f"features.sql:{line}:{column}: {problem}")
        self.line, self.column = line, column


def sql_tokens(sql):
    """(kind, text, line, column) tokens as DuckDB and Spark both read them; the C# SqlTokenizer does the same."""
    tokens, i, line, col = [], 0, 1, 1

    def advance(n):
        nonlocal i, line, col
        for ch in sql[i:i + n]:
            line, col = (line + 1, 1) if ch == "\n" else (line, col + 1)
        i += n

    while i < len(sql):
        c, start = sql[i], (line, col)
        if c.isspace():
            advance(1)
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            advance((len(sql) if end < 0 else end) - i)
        elif sql.startswith("/*", i):
            advance(2)
            while i < len(sql) and not sql.startswith("*/", i):
                if sql.startswith("/*", i):
                    raise SqlRefused(line, col, "a comment opened inside a comment")
                advance(1)
            if i >= len(sql):
                raise SqlRefused(*start, "this /* comment is never closed")
            advance(2)
        elif c in "'\"`":
            advance(1)
            text = []
            while True:
                if i >= len(sql):
                    raise SqlRefused(*start, "this quoted text is never closed")
                ch = sql[i]
                if ch == "\\":
                    raise SqlRefused(line, col, "a backslash inside quotes reads differently in Spark and DuckDB")
                advance(1)
                if ch != c:
                    text.append(ch)
                elif i < len(sql) and sql[i] == c:
                    text.append(c)
                    advance(1)
                else:
                    break
            tokens.append(("string" if c == "'" else "quoted", "".join(text), *start))
        elif c.isalpha() or c == "_" or c.isdigit():
            j = i
            while j < len(sql) and (sql[j].isalnum() or sql[j] == "_" or (c.isdigit() and sql[j] == ".")):
                j += 1
            tokens.append(("word" if not c.isdigit() else "number", sql[i:j], *start))
            advance(j - i)
        elif c == "$":
            raise SqlRefused(*start, "a '$' (DuckDB's $$-quoted strings and $parameters) is not portable to Spark SQL")
        else:
            tokens.append(("symbol", c, *start))
            advance(1)
    return tokens


def _with_names(tokens):
    names = set()
    for i, t in enumerate(tokens):
        if not _is_word(t, "with"):
            continue
        j = i + 1 + (1 if i + 1 < len(tokens) and _is_word(tokens[i + 1], "recursive") else 0)
        while j < len(tokens) and tokens[j][0] in ("word", "quoted"):
            name = tokens[j][1]
            j += 1
            if j < len(tokens) and tokens[j][1] == "(" and tokens[j][0] == "symbol":
                j = _after_parentheses(tokens, j)
            if j >= len(tokens) or not _is_word(tokens[j], "as"):
                break
            j += 1
            while j < len(tokens) and (_is_word(tokens[j], "not") or _is_word(tokens[j], "materialized")):
                j += 1
            if j >= len(tokens) or tokens[j][:2] != ("symbol", "("):
                break
            names.add(name.lower())
            j = _after_parentheses(tokens, j)
            if j >= len(tokens) or tokens[j][:2] != ("symbol", ","):
                break
            j += 1
    return names


def _after_parentheses(tokens, open_at):
    depth = 0
    for i in range(open_at, len(tokens)):
        if tokens[i][:2] == ("symbol", "("):
            depth += 1
        elif tokens[i][:2] == ("symbol", ")"):
            depth -= 1
            if depth == 0:
                return i + 1
    return len(tokens)


def _is_word(token, word):
    return token[0] == "word" and token[1].lower() == word


def _forbidden_function(name):
    lower = name.lower()
    return lower in FEATURE_SQL_RULES["forbiddenFunctions"] or any(
        lower.startswith(p) for p in FEATURE_SQL_RULES["forbiddenFunctionPrefixes"])


def _check_relation(tokens, at, readable):
    if at < len(tokens) and _is_word(tokens[at], "lateral"):
        at += 1
    if at >= len(tokens):
        return
    kind, text, line, column = tokens[at]
    following = tokens[at + 1] if at + 1 < len(tokens) else ("", "", 0, 0)
    if (kind, text) == ("symbol", "("):
        return
    if kind == "string":
        raise SqlRefused(line, column, f"FROM '{text}' names a file")
    if kind not in ("word", "quoted"):
        return
    if following[:2] == ("symbol", "("):
        if text.lower() in FEATURE_SQL_RULES["allowedTableFunctions"] or _forbidden_function(text):
            return
        raise SqlRefused(line, column, f"the table function {text}() is not allowed in FROM")
    if following[:2] == ("symbol", "."):
        raise SqlRefused(line, column, f"'{text}.' qualifies a table; only the job's views are readable")
    if text.lower() not in readable:
        raise SqlRefused(line, column, f"'{text}' is not a view the job defines or a WITH name of this query")


def check_feature_sql(sql, views=FEATURE_SQL_VIEWS):
    """Refuses (SqlRefused) feature SQL that is not one SELECT over the job's views, as the C# FeatureSqlGuard does."""
    tokens = sql_tokens(sql)
    if not tokens:
        raise SqlRefused(1, 1, "the SQL is empty")
    first = tokens[0]
    if first[0] != "word" or first[1].lower() not in FEATURE_SQL_RULES["allowedFirstWords"]:
        raise SqlRefused(first[2], first[3], f"the SQL starts with '{first[1]}'; it must be one SELECT or WITH query")
    semicolons = [i for i, t in enumerate(tokens) if t[:2] == ("symbol", ";")]
    if semicolons:
        extra = [t for t in tokens[semicolons[0] + 1:] if t[:2] != ("symbol", ";")]
        if extra:
            raise SqlRefused(extra[0][2], extra[0][3], "a second statement starts here")
    readable = {v.lower() for v in views} | _with_names(tokens)
    in_from, in_function = [False], [False]
    for i, (kind, text, line, column) in enumerate(tokens):
        previous = tokens[i - 1] if i > 0 else ("", "", 0, 0)
        following = tokens[i + 1] if i + 1 < len(tokens) else ("", "", 0, 0)
        if (kind, text) == ("symbol", "("):
            if following[0] == "word" and following[1].lower() in FEATURE_SQL_RULES["statementKeywords"]:
                raise SqlRefused(following[2], following[3], f"'{following[1]}' starts a statement inside the query")
            in_from.append(False)
            in_function.append(previous[0] in ("word", "quoted") and not (
                previous[0] == "word" and previous[1].lower() in _NOT_FUNCTION_NAMES))
        elif (kind, text) == ("symbol", ")"):
            if len(in_from) > 1:
                in_from.pop()
                in_function.pop()
        elif kind in ("word", "quoted") and following[:2] == ("symbol", "(") and _forbidden_function(text):
            raise SqlRefused(line, column, f"{text}() reads files, settings or the environment")
        elif kind == "word" and text.lower() in ("from", "join") and not in_function[-1] and not _is_word(previous, "distinct"):
            in_from[-1] = True
            _check_relation(tokens, i + 1, readable)
        elif (kind, text) == ("symbol", ",") and in_from[-1]:
            _check_relation(tokens, i + 1, readable)
        elif kind == "word" and text.lower() in _FROM_LIST_ENDS:
            in_from[-1] = False


def feature_sql_body(sql_text):
    """Spark's sql() takes one statement without a trailing semicolon; SQL that reaches outside is refused."""
    check_feature_sql(sql_text)
    body = sql_text.strip()
    while body.endswith(";"):
        body = body[:-1].rstrip()
    if not body:
        raise FeatureJobError("features.sql is empty")
    return body


def watermark(last_modified_times):
    """Newest raw file's last-modified time, ISO 8601 UTC with milliseconds (as the local runtime writes it)."""
    if not last_modified_times:
        return None
    newest = max(last_modified_times).astimezone(timezone.utc)
    return newest.strftime("%Y-%m-%dT%H:%M:%S.") + f"{newest.microsecond // 1000:03d}Z"


def quote(identifier):
    return "`" + identifier.replace("`", "``") + "`"


def split_expression(entity_key, split):
    """The WORKFLOW.md hash split as a Spark SQL expression over the entity key."""
    train, validation, _ = split
    u = f"(CAST(conv(substr(md5(CAST({quote(entity_key)} AS STRING)), 1, 8), 16, 10) AS DOUBLE) / 4294967296.0)"
    return (
        f"CASE WHEN {u} < {train!r} THEN 'train' "
        f"WHEN {u} < {(train + validation)!r} THEN 'validation' ELSE 'test' END"
    )


def resolve_arguments(argv):
    from awsglue.utils import getResolvedOptions

    args = getResolvedOptions(argv, REQUIRED_ARGUMENTS)
    defaults = {
        DATABASE_ARGUMENT: default_catalog_database(args["pipeline"]),
        CATALOG_TABLE_ARGUMENT: catalog_table_name(args["pipeline"]),
    }
    defaults.update({name: None for name in OPTIONAL_ARGUMENTS})
    for name, default in defaults.items():
        # getResolvedOptions fails on a missing option, so optional ones are resolved only when present.
        args[name] = getResolvedOptions(argv, [name])[name] if f"--{name}" in argv else default
    return args


def list_objects(s3, bucket, prefix):
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            yield item


def delete_prefix(s3, bucket, prefix):
    keys = [{"Key": item["Key"]} for item in list_objects(s3, bucket, prefix)]
    for start in range(0, len(keys), 1000):
        s3.delete_objects(Bucket=bucket, Delete={"Objects": keys[start:start + 1000], "Quiet": True})


def new_raw_files(glue_context, args):
    """Step 1a: the bookmarked read of raw/<table>/: the keys of the files no earlier run has committed. Each file is
    read as single-column lines only to learn its name; the files themselves are read below, with line numbers."""
    from pyspark.sql import functions as F

    raw = glue_context.create_dynamic_frame.from_options(
        connection_type="s3",
        connection_options={
            "paths": [f"s3://{args['bucket']}/raw/{args['source_table']}/"],
            "recurse": True,
            "attachFilename": SOURCE_FILE_COLUMN,
        },
        format="csv",
        format_options={"withHeader": False, "separator": "\u0001", "quoteChar": -1},
        transformation_ctx="raw_source",
    )
    if raw.count() == 0:
        return []
    frame = raw.toDF()
    if SOURCE_FILE_COLUMN not in frame.columns:
        frame = frame.withColumn(SOURCE_FILE_COLUMN, F.input_file_name())
    names = sorted(row[0] for row in frame.select(SOURCE_FILE_COLUMN).distinct().collect())
    return [n for n in names if n.endswith(RAW_SUFFIXES)]


# The raw files the merge reads: change records (JSON Lines, optionally gzipped), CSV copies and DMS CSV files, and
# DMS Parquet files (S3 target DataFormat parquet). The local runtime's ChangeInputLoader lists the same suffixes.
RAW_SUFFIXES = (".csv", ".jsonl", ".json", ".jsonl.gz", ".json.gz", ".parquet")


def numbered_lines(spark, uri, key):
    """A text file as (__file, __line, __text), 1-based line numbers; blank lines dropped."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    rdd = spark.read.text(uri).rdd.zipWithIndex().map(lambda pair: (key, pair[1] + 1, pair[0][0]))
    schema = StructType([StructField("__file", StringType()), StructField("__line", LongType()), StructField("__text", StringType())])
    return spark.createDataFrame(rdd, schema).where("trim(__text) <> ''")


def csv_rows(spark, uri, key, header, dialect, names=None):
    """A CSV file with every field as text, plus __file and __line (the header, if any, is line 1), read in the
    contract's dialect: Spark's escape defaults to a backslash, so it is set to the quote (a doubled quote, RFC 4180)."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    delimiter, quote_char = dialect
    frame = (spark.read.option("header", header).option("inferSchema", False).option("sep", delimiter)
             .option("quote", quote_char).option("escape", quote_char).option("mode", "FAILFAST").csv(uri))
    if names is not None:
        frame = frame.toDF(*names)
    offset = 2 if header else 1
    schema = StructType([StructField("__file", StringType()), StructField("__line", LongType())] + frame.schema.fields)
    rdd = frame.rdd.zipWithIndex().map(lambda pair: (key, pair[1] + offset) + tuple(pair[0]))
    return spark.createDataFrame(rdd, schema)


def parquet_rows(spark, uri, key):
    """A Parquet file (DMS S3 target, DataFormat parquet) with __file and __line (the row's 1-based position in the
    file, which error messages name as its line)."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    frame = spark.read.parquet(uri)
    schema = StructType([StructField("__file", StringType()), StructField("__line", LongType())] + frame.schema.fields)
    rdd = frame.rdd.zipWithIndex().map(lambda pair: (key, pair[1] + 1) + tuple(pair[0]))
    return spark.createDataFrame(rdd, schema)


def dms_text(frame, name):
    """A DMS column as the text the merge orders by: a Parquet timestamp (TimestampColumnName is written as a timestamp)
    as 'yyyy-MM-dd HH:mm:ss.SSSSSS', the form DMS writes to CSV files, so text order stays time order; anything else cast."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import TimestampType

    column = F.col(quote(name))
    if isinstance(frame.schema[name].dataType, TimestampType):
        return F.date_format(column, "yyyy-MM-dd HH:mm:ss.SSSSSS")
    return column.cast("string")


def project(frame, columns, extra=()):
    """__file, __line, the extra columns, then the declared columns picked by name (any case); missing ones null."""
    from pyspark.sql import functions as F

    by_lower = {c.lower(): c for c in frame.columns}
    picked = [F.col(quote(by_lower[name.lower()])).cast("string").alias(name) if name.lower() in by_lower
              else F.lit(None).cast("string").alias(name) for name, _ in columns]
    return frame.select([F.col("__file"), F.col("__line")] + list(extra) + picked)


def load_change_inputs(spark, s3, args, keys, columns):
    """Step 1b: raw_lines (JSON records), snapshot_rows (CSV copies with a header) and dms_rows (DMS files), as the
    local runtime's ChangeInputLoader does with DuckDB."""
    from functools import reduce
    from pyspark.sql import functions as F
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    bucket, kind, key = args["bucket"], args["cdc_kind"], args["entity_key"]
    dialect = csv_dialect(args)
    text_fields = [StructField(name, StringType()) for name, _ in columns]
    empty = lambda fields: spark.createDataFrame([], StructType([StructField("__file", StringType()), StructField("__line", LongType())] + fields))
    lines, snapshots, dms = [], [], []
    for object_key in keys:
        uri = f"s3://{bucket}/{object_key}"
        if object_key.endswith(".parquet"):
            if kind == "s3-files":
                frame = parquet_rows(spark, uri, object_key)
                lower = {c.lower(): c for c in frame.columns}
                if key.lower() not in lower:
                    raise FeatureJobError(f"{uri}: the file has no entity key column '{key}' (columns: {', '.join(frame.columns)})")
                ts = args.get("timestamp_column")
                op_col = dms_text(frame, lower["op"]) if "op" in lower else F.lit(None).cast("string")
                ts_col = dms_text(frame, lower[ts.lower()]) if ts and ts.lower() in lower else F.lit(None).cast("string")
                dms.append(project(frame, columns, [op_col.alias("__dms_op"), ts_col.alias("__dms_ts")]))
            continue
        if object_key.endswith(".csv"):
            problem = check_csv_lines(s3_lines(s3, bucket, object_key), *dialect, header=kind != "s3-files")
            if problem:
                raise FeatureJobError(f"{uri}: {problem} (read with the contract's csv: delimiter "
                                      f"'{dialect[0].replace(chr(9), chr(92) + 't')}', quote '{dialect[1]}')")
        if not object_key.endswith(".csv"):
            if kind in ("dynamodb-stream", "debezium"):
                lines.append(numbered_lines(spark, uri, object_key))
        elif kind != "s3-files":
            frame = csv_rows(spark, uri, object_key, True, dialect)
            if key.lower() not in (c.lower() for c in frame.columns):
                raise FeatureJobError(f"{uri} line 1: the header has no entity key column '{key}'")
            snapshots.append(project(frame, columns))
        else:
            first = spark.read.text(uri).first()
            fields = next(csv.reader([first[0]], delimiter=dialect[0], quotechar=dialect[1])) if first else []
            if any(f.lower() == key.lower() for f in fields):
                frame = csv_rows(spark, uri, object_key, True, dialect)
                lower = {c.lower(): c for c in frame.columns}
                ts = args.get("timestamp_column")
                op_col = F.col(quote(lower["op"])) if "op" in lower else F.lit(None).cast("string")
                ts_col = F.col(quote(lower[ts.lower()])) if ts and ts.lower() in lower else F.lit(None).cast("string")
                dms.append(project(frame, columns, [op_col.alias("__dms_op"), ts_col.alias("__dms_ts")]))
            elif len(fields) in (len(columns), len(columns) + 1):
                with_op = len(fields) == len(columns) + 1
                names = (["__dms_op"] if with_op else []) + [name for name, _ in columns]
                frame = csv_rows(spark, uri, object_key, False, dialect, names=names)
                op_col = F.col("__dms_op") if with_op else F.lit(None).cast("string")
                dms.append(project(frame, columns, [op_col.alias("__dms_op"), F.lit(None).cast("string").alias("__dms_ts")]))
            else:
                raise FeatureJobError(f"{uri} line 1: {len(fields)} fields, but --source_columns declares {len(columns)} "
                                      "(a DMS file without a header holds the columns, or Op then the columns)")
    union = lambda frames, fallback: reduce(lambda a, b: a.unionByName(b), frames) if frames else fallback
    union(lines, spark.createDataFrame([], StructType([StructField("__file", StringType()), StructField("__line", LongType()),
                                                         StructField("__text", StringType())]))).createOrReplaceTempView("raw_lines")
    union(snapshots, empty(text_fields)).createOrReplaceTempView("snapshot_rows")
    union(dms, empty([StructField("__dms_op", StringType()), StructField("__dms_ts", StringType())] + text_fields)).createOrReplaceTempView("dms_rows")


def merge_sql_files(s3, uri):
    """The change merge's SQL files, from the zip the stack uploads (the folder the local runtime embeds)."""
    import io
    import zipfile

    bucket, key = parse_s3_uri(uri)
    archive = zipfile.ZipFile(io.BytesIO(s3.get_object(Bucket=bucket, Key=key)["Body"].read()))
    return {name.rsplit("/", 1)[-1]: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".sql")}


def merge_changes(spark, s3, args, new_keys):
    """Steps 1-2: merge the new files into the previous snapshot, write curated/<table>/run=<run_id>/, define `source`.
    Returns the change counts. A rerun of a run whose snapshot exists, with nothing new, reuses that snapshot."""
    bucket, table, run_id, key = args["bucket"], args["source_table"], args["run_id"], args["entity_key"]
    prefix = f"curated/{table}/"
    stored = sorted({item["Key"][len(prefix):].split("/", 1)[0][len("run="):]
                     for item in list_objects(s3, bucket, prefix) if item["Key"][len(prefix):].startswith("run=")})
    files = merge_sql_files(s3, args["merge_sql_s3_uri"])
    counts = {name: 0 for name in ("received", "duplicates", "stale", "inserted", "updated", "deleted", "tombstones")}
    if run_id in stored and not new_keys:
        spark.read.parquet(f"s3://{bucket}/{prefix}run={run_id}/").createOrReplaceTempView("snapshot_state")
    else:
        previous = previous_snapshot_run(stored, run_id)
        if previous is None and not new_keys:
            raise FeatureJobError(f"no data: s3://{bucket}/raw/{table}/ holds no change or CSV files and no earlier run left a snapshot")
        columns = parse_columns(args["source_columns"])
        if not columns:
            raise FeatureJobError("--source_columns is required: declare source.columns in pipeline.yaml")
        load_change_inputs(spark, s3, args, new_keys, columns)
        if previous is None:
            run_sql(spark, files["snapshot_empty.sql"], key, columns)
        else:
            spark.read.parquet(f"s3://{bucket}/{prefix}run={previous}/").createOrReplaceTempView("previous_snapshot")
        run_sql(spark, files[NORMALIZE_SQL.get(args["cdc_kind"], "normalize_dynamodb_stream.sql")], key, columns)
        run_sql(spark, files["normalize_snapshot.sql"], key, columns)
        run_sql(spark, files["merge.sql"], key, columns)
        bad = spark.sql("SELECT __file, __line, __problem FROM change_errors ORDER BY __file, __line LIMIT 5").collect()
        if bad:
            details = "; ".join(f"s3://{bucket}/{r[0]} line {r[1]}: {r[2]}" for r in bad)
            raise FeatureJobError(f"change records cannot be merged (raw files left as they are): {details}")
        # Several part files: the snapshot is written by every executor, never through one partition.
        spark.table("merged").write.mode("overwrite").parquet(f"s3://{bucket}/{prefix}run={run_id}/")
        spark.read.parquet(f"s3://{bucket}/{prefix}run={run_id}/").createOrReplaceTempView("snapshot_state")
        counts = spark.table("change_counts").first().asDict()
        stored = sorted(set(stored) | {run_id})
    names = [c for c in spark.table("snapshot_state").columns if not c.startswith("__")]
    run_sql(spark, files["source.sql"], key, [(n, "STRING") for n in names])
    keep = int(args.get("keep_snapshots") or 3)
    for old in stored[:max(0, len(stored) - keep)]:
        if old != run_id:
            delete_prefix(s3, bucket, f"{prefix}run={old}/")
    return counts


def run_sql(spark, text, key, columns):
    for statement in sql_statements(text, key, columns):
        spark.sql(statement)


def run_feature_sql(spark, sql_text, args):
    """Step 3: run features.sql and order its columns: entity key, label, then the features in SQL order."""
    from pyspark.sql import functions as F

    features = spark.sql(feature_sql_body(sql_text))
    by_lower = {c.lower(): c for c in features.columns}
    key = by_lower.get(args["entity_key"].lower())
    label = by_lower.get(args["label"].lower())
    if key is None or label is None:
        missing = args["entity_key"] if key is None else args["label"]
        raise FeatureJobError(f"the feature SQL's output has no column '{missing}' (columns: {', '.join(features.columns)})")
    types = dict(features.dtypes)
    ordered = [key, label] + [c for c in features.columns if c not in (key, label)]
    for column in ordered[1:]:
        if types[column] not in NUMERIC_TYPES and not types[column].startswith("decimal"):
            raise FeatureJobError(f"column '{column}' is {types[column]}; the XGBoost channels need numbers, so encode it in features.sql")
    return features.select(
        [F.col(quote(c)).cast("int").alias(c) if types[c] == "boolean" else F.col(quote(c)) for c in ordered]
    )


def key_ranges(spark, frame, key, parts):
    """`frame` as Spark writes it in parallel: `parts` partitions, each a contiguous range of the entity key sorted
    within (repartitionByRange), so each executor core writes one part file (part-NNNNN-<job>-c000.csv) and nothing is
    funnelled through a single task. No _SUCCESS marker is written, so an output prefix holds only data files: the
    SageMaker S3Prefix channel and the validation Lambda read every object under it."""
    from pyspark.sql import functions as F

    spark.conf.set("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
    return frame.repartitionByRange(parts, F.col(quote(key))).sortWithinPartitions(F.col(quote(key)))


def update_catalog(glue_context, split_features, args):
    """Step 6: the headerless catalog copy, partition run=<run_id>, table created or updated by the sink."""
    from awsglue.dynamicframe import DynamicFrame
    from pyspark.sql import functions as F

    pipeline = args["pipeline"]
    frame = DynamicFrame.fromDF(split_features.withColumn("run", F.lit(args["run_id"])), glue_context, "catalog_frame")
    sink = glue_context.getSink(
        connection_type="s3",
        path=f"s3://{args['bucket']}/features/{pipeline}/catalog/",
        enableUpdateCatalog=True,
        updateBehavior="UPDATE_IN_DATABASE",
        partitionKeys=["run"],
        transformation_ctx="catalog_sink",
    )
    sink.setFormat("csv", writeHeader=False)
    sink.setCatalogInfo(catalogDatabase=args[DATABASE_ARGUMENT], catalogTableName=args[CATALOG_TABLE_ARGUMENT])
    sink.writeFrame(frame)


def main(argv):
    import boto3
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from pyspark.context import SparkContext
    from pyspark.sql import functions as F

    args = resolve_arguments(argv)
    split = parse_split(args["split"])
    glue_context = GlueContext(SparkContext.getOrCreate())
    spark = glue_context.spark_session
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)
    s3 = boto3.client("s3")
    bucket, pipeline, run_id, table = args["bucket"], args["pipeline"], args["run_id"], args["source_table"]
    sql_bucket, sql_key = parse_s3_uri(args["sql_s3_uri"])
    sql_text = s3.get_object(Bucket=sql_bucket, Key=sql_key)["Body"].read().decode("utf-8")

    new_keys = [key[len(f"s3://{bucket}/"):] if key.startswith("s3://") else key for key in new_raw_files(glue_context, args)]
    changes = merge_changes(spark, s3, args, new_keys)
    ingested_files, ingested_rows = len(new_keys), changes["received"]
    raw_times = [item["LastModified"] for item in list_objects(s3, bucket, f"raw/{table}/")
                 if item["Key"].endswith(RAW_SUFFIXES)]

    features = run_feature_sql(spark, sql_text, args)
    key, label = features.columns[0], features.columns[1]
    split_features = features.withColumn("split", F.expr(split_expression(key, split))).orderBy(F.col(quote(key))).persist()

    prefix = f"features/{pipeline}/run={run_id}/"
    delete_prefix(s3, bucket, prefix)
    delete_prefix(s3, bucket, f"features/{pipeline}/catalog/run={run_id}/")
    parts = int(args.get("output_parts") or 1)
    dialect = csv_dialect(args)
    # The table in the contract's dialect with a quote inside a field doubled (Spark's default escape is a backslash,
    # which no other reader here expects); the channels hold numbers only.
    (key_ranges(spark, split_features, key, parts).write.mode("overwrite").option("header", True).option("sep", dialect[0])
     .option("quote", dialect[1]).option("escape", dialect[1]).csv(f"s3://{bucket}/{prefix}table/"))
    channel_columns = [quote(c) for c in features.columns[1:]]
    for channel in CHANNELS:
        rows = key_ranges(spark, split_features.where(F.col("split") == channel), key, parts)
        rows.select(channel_columns).write.mode("overwrite").option("header", False).csv(f"s3://{bucket}/{prefix}{channel}/")

    counts = {row["split"]: row["count"] for row in split_features.groupBy("split").count().collect()}
    manifest = {
        "pipeline": pipeline,
        "runId": run_id,
        "columns": [{"name": name, "type": dtype} for name, dtype in split_features.dtypes],
        "entityKey": key,
        "label": label,
        "rows": {"table": sum(counts.values()), **{channel: counts.get(channel, 0) for channel in CHANNELS}},
        "ingestedFiles": ingested_files,
        "ingestedRows": ingested_rows,
        "watermark": watermark(raw_times),
        "snapshot": f"s3://{bucket}/curated/{table}/run={run_id}/",
        "changes": changes,
    }
    s3.put_object(Bucket=bucket, Key=prefix + "manifest.json", Body=json.dumps(manifest, indent=2).encode("utf-8"),
                  ContentType="application/json")

    update_catalog(glue_context, split_features, args)
    job.commit()


if __name__ == "__main__":
    main(sys.argv)
