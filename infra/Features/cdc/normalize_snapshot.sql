-- Full copies of the table landed as CSV with a header (the offline seed, a hand-made export) -> snapshot_changes.
-- Every row is a snapshot read ('r') with no source order: among such rows the later file (and line) wins, and they
-- never override a key that ordered change records have already changed.
-- column: CAST({{name}} AS {{type}}) AS {{name}}
CREATE OR REPLACE TEMPORARY VIEW snapshot_changes AS
SELECT
  __file,
  __line,
  CAST({{key}} AS STRING) AS __key,
  'r' AS __op,
  '' AS __order,
  false AS __tombstone,
  {{columns}}
FROM snapshot_rows;
