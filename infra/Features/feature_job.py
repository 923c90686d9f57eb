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

Each run, under s3://<bucket>/:
  1. ingests raw/<table>/**.csv files not seen by an earlier run (job bookmarks on the S3 source) into
     curated/<table>/ingest=<run_id>/, keeping the last row per key (later files win);
  2. defines the view `source` = every curated row, the row of the latest ingest per entity key;
  3. runs features.sql: entity key, label, numeric features;
  4. splits by md5 of the entity key: u = int(first 8 hex digits) / 2^32; train if u < train,
     validation if u < train + validation, else test;
  5. writes features/<pipeline>/run=<run_id>/ table/part-00000.csv (header; key, label, features, split),
     train|validation|test/part-00000.csv (label first, features, no header, no key) and manifest.json;
  6. updates the Data Catalog table <pipeline>_features (partition `run`) from a copy of table/ written
     under features/<pipeline>/catalog/run=<run_id>/ (headerless, so Athena reads it as data).
"""

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
SOURCE_FILE_COLUMN = "_source_file"
ROW_ORDER_COLUMN = "_row_order"
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


def feature_sql_body(sql_text):
    """Spark's sql() takes one statement without a trailing semicolon."""
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


def ingest_new_raw_files(glue_context, args):
    """Step 1: the bookmarked read of raw/<table>/ (only files no earlier run has committed)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    raw = glue_context.create_dynamic_frame.from_options(
        connection_type="s3",
        connection_options={
            "paths": [f"s3://{args['bucket']}/raw/{args['source_table']}/"],
            "recurse": True,
            "attachFilename": SOURCE_FILE_COLUMN,
        },
        format="csv",
        format_options={"withHeader": True, "separator": ",", "quoteChar": '"'},
        transformation_ctx="raw_source",
    )
    if raw.count() == 0:
        return None, 0, 0
    frame = raw.resolveChoice(choice="cast:string", transformation_ctx="raw_as_strings").toDF()
    if SOURCE_FILE_COLUMN not in frame.columns:
        # attachFilename unsupported by this Glue version: fall back to Spark's own file name.
        frame = frame.withColumn(SOURCE_FILE_COLUMN, F.input_file_name())
    # Everything as text, and empty fields as null: Spark would otherwise write them back as "" (quoted), which
    # the next read infers as a string column instead of a number with missing values.
    frame = frame.select(
        [F.when(F.col(quote(c)).cast("string") == "", None).otherwise(F.col(quote(c)).cast("string")).alias(c) for c in frame.columns]
    )
    key = args["entity_key"]
    if key not in frame.columns:
        raise FeatureJobError(
            f"raw files under s3://{args['bucket']}/raw/{args['source_table']}/ have no column '{key}' "
            f"(columns: {', '.join(c for c in frame.columns if c != SOURCE_FILE_COLUMN)})"
        )
    # Persisted so the row order ids and the counts below come from one read of the new files.
    frame = frame.withColumn(ROW_ORDER_COLUMN, F.monotonically_increasing_id()).persist()
    ingested_rows = frame.count()
    ingested_files = frame.select(SOURCE_FILE_COLUMN).distinct().count()
    latest = Window.partitionBy(F.col(quote(key))).orderBy(F.col(SOURCE_FILE_COLUMN).desc(), F.col(ROW_ORDER_COLUMN).desc())
    deduplicated = (
        frame.withColumn("_rank", F.row_number().over(latest))
        .where(F.col("_rank") == 1)
        .drop("_rank", ROW_ORDER_COLUMN, SOURCE_FILE_COLUMN)
    )
    return deduplicated, ingested_files, ingested_rows


def define_source(spark, args):
    """Step 2: the view `source`: per entity key, the row of the latest ingest (run ids sort chronologically)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    curated = (
        spark.read.option("header", True)
        .option("inferSchema", True)
        .csv(f"s3://{args['bucket']}/curated/{args['source_table']}/")
    )
    key = args["entity_key"]
    if key not in curated.columns:
        raise FeatureJobError(f"curated data of table '{args['source_table']}' has no entity key column '{key}'")
    latest = Window.partitionBy(F.col(quote(key))).orderBy(F.col("ingest").cast("string").desc())
    source = curated.withColumn("_rank", F.row_number().over(latest)).where(F.col("_rank") == 1).drop("_rank", "ingest")
    source.createOrReplaceTempView("source")
    return source.count()


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


def write_single_csv(s3, frame, bucket, final_key, header):
    """Writes `frame` as exactly one CSV object at `final_key` (Spark names its part files itself)."""
    staging = final_key.rsplit("/", 1)[0] + "/_staging/"
    frame.coalesce(1).write.mode("overwrite").option("header", header).csv(f"s3://{bucket}/{staging}")
    parts = [item["Key"] for item in list_objects(s3, bucket, staging) if item["Key"].rsplit("/", 1)[-1].startswith("part-")]
    if parts:
        s3.copy_object(Bucket=bucket, Key=final_key, CopySource={"Bucket": bucket, "Key": parts[0]})
    else:
        s3.put_object(Bucket=bucket, Key=final_key, Body=b"")
    delete_prefix(s3, bucket, staging)


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

    new_rows, ingested_files, ingested_rows = ingest_new_raw_files(glue_context, args)
    if new_rows is not None:
        new_rows.coalesce(1).write.mode("overwrite").option("header", True).csv(
            f"s3://{bucket}/curated/{table}/ingest={run_id}/"
        )
    raw_times = [item["LastModified"] for item in list_objects(s3, bucket, f"raw/{table}/") if item["Key"].endswith(".csv")]
    if not any(True for _ in list_objects(s3, bucket, f"curated/{table}/")):
        raise FeatureJobError(f"no data: s3://{bucket}/raw/{table}/ holds no CSV files and nothing was curated earlier")
    define_source(spark, args)

    features = run_feature_sql(spark, sql_text, args)
    key, label = features.columns[0], features.columns[1]
    split_features = features.withColumn("split", F.expr(split_expression(key, split))).orderBy(F.col(quote(key))).persist()

    prefix = f"features/{pipeline}/run={run_id}/"
    delete_prefix(s3, bucket, prefix)
    delete_prefix(s3, bucket, f"features/{pipeline}/catalog/run={run_id}/")
    write_single_csv(s3, split_features, bucket, prefix + "table/part-00000.csv", header=True)
    channel_columns = [quote(c) for c in features.columns[1:]]
    for channel in CHANNELS:
        rows = split_features.where(F.col("split") == channel).select(channel_columns)
        write_single_csv(s3, rows, bucket, f"{prefix}{channel}/part-00000.csv", header=False)

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
    }
    s3.put_object(Bucket=bucket, Key=prefix + "manifest.json", Body=json.dumps(manifest, indent=2).encode("utf-8"),
                  ContentType="application/json")

    update_catalog(glue_context, split_features, args)
    job.commit()


if __name__ == "__main__":
    main(sys.argv)
