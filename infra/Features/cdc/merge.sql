-- The change merge (WORKFLOW.md "Feature job"), the same statements on Glue (Spark SQL) and offline (DuckDB).
-- Input: record_changes and snapshot_changes (normalize_*.sql: __file, __line, __key, __op c|u|d|r, __order,
-- __tombstone, then the declared columns) and previous_snapshot (the last run's curated snapshot: __key, __order,
-- __deleted, then the columns; deleted keys are kept with their order so that a late, older change cannot revive them).
-- Rules: an exact redelivery (same key, operation and source order) counts once; per key the change with the greatest
-- source order wins (ties: the later file and line); a change no newer than the key's state in the previous snapshot is
-- stale and ignored; a delete keeps the key as deleted; unordered bulk rows ('' order) never override an ordered state.
CREATE OR REPLACE TEMPORARY VIEW changes AS
SELECT * FROM record_changes
UNION ALL
SELECT * FROM snapshot_changes;

CREATE OR REPLACE TEMPORARY VIEW change_errors AS
SELECT
  __file,
  __line,
  CASE
    WHEN __key IS NULL THEN 'no value for the entity key {{key}} (or not a JSON record)'
    WHEN __op IS NULL THEN 'an operation the merge does not know'
    ELSE 'no source order (sequence number, LSN or timestamp)'
  END AS __problem
FROM changes
WHERE __key IS NULL OR __op IS NULL OR (__order IS NULL AND NOT __tombstone);

CREATE OR REPLACE TEMPORARY VIEW numbered_changes AS
SELECT
  c.*,
  row_number() OVER (
    PARTITION BY __key, __op, __order, CASE WHEN __order = '' THEN __file || ':' || CAST(__line AS STRING) END
    ORDER BY __file, __line
  ) AS __copy
FROM changes c;

CREATE OR REPLACE TEMPORARY VIEW distinct_changes AS
SELECT
  n.*,
  p.__order AS __prior_order,
  p.__deleted AS __prior_deleted
FROM numbered_changes n
LEFT JOIN previous_snapshot p ON n.__key = p.__key
WHERE n.__copy = 1;

CREATE OR REPLACE TEMPORARY VIEW resolved_changes AS
SELECT
  d.*,
  COALESCE(
    __order,
    max(CASE WHEN __op = 'd' AND NOT __tombstone THEN __order END) OVER (PARTITION BY __key),
    __prior_order,
    ''
  ) AS __effective_order,
  __tombstone AND (
    max(CASE WHEN __op = 'd' AND NOT __tombstone THEN 1 END) OVER (PARTITION BY __key) IS NOT NULL
    OR COALESCE(__prior_deleted, false)
  ) AS __redundant_tombstone
FROM distinct_changes d;

CREATE OR REPLACE TEMPORARY VIEW applied_changes AS
SELECT *
FROM resolved_changes
WHERE __tombstone
  OR __prior_order IS NULL
  OR __effective_order > __prior_order
  OR (__effective_order = '' AND __prior_order = '');

CREATE OR REPLACE TEMPORARY VIEW merge_candidates AS
SELECT __key, __effective_order AS __order, __op = 'd' AS __deleted, 1 AS __new, __file, __line, {{column_names}}
FROM applied_changes
UNION ALL
SELECT __key, __order, __deleted, 0 AS __new, '' AS __file, CAST(0 AS BIGINT) AS __line, {{column_names}}
FROM previous_snapshot;

CREATE OR REPLACE TEMPORARY VIEW merged AS
SELECT __key, __order, __deleted, {{column_names}}
FROM (
  SELECT
    m.*,
    row_number() OVER (PARTITION BY __key ORDER BY __order DESC, __new DESC, __file DESC, __line DESC, __deleted DESC) AS __rank
  FROM merge_candidates m
) ranked
WHERE __rank = 1;

CREATE OR REPLACE TEMPORARY VIEW change_counts AS
SELECT
  (SELECT count(*) FROM changes) AS received,
  (SELECT count(*) FROM numbered_changes WHERE __copy > 1) AS duplicates,
  (SELECT count(*) FROM resolved_changes) - (SELECT count(*) FROM applied_changes) AS stale,
  (SELECT count(*) FROM applied_changes WHERE __op IN ('c', 'r')) AS inserted,
  (SELECT count(*) FROM applied_changes WHERE __op = 'u') AS updated,
  (SELECT count(*) FROM applied_changes WHERE __op = 'd' AND NOT __redundant_tombstone) AS deleted,
  (SELECT count(*) FROM applied_changes WHERE __redundant_tombstone) AS tombstones;
