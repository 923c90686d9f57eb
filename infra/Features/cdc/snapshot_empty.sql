-- The curated snapshot before the first run: no rows, the snapshot's columns.
-- column: CAST(NULL AS {{type}}) AS {{name}}
CREATE OR REPLACE TEMPORARY VIEW previous_snapshot AS
SELECT
  CAST(NULL AS STRING) AS __key,
  CAST(NULL AS STRING) AS __order,
  CAST(NULL AS BOOLEAN) AS __deleted,
  {{columns}}
WHERE 1 = 0;
