-- The view features.sql reads: the table's state as of this run (the curated snapshot without its deleted keys).
CREATE OR REPLACE TEMPORARY VIEW source AS
SELECT {{column_names}}
FROM snapshot_state
WHERE NOT __deleted;
