-- AWS DMS files in raw/<table>/ (S3 target endpoint, CSV) -> record_changes. The runner reads each file into dms_rows:
-- every field as text, __dms_op = the Op column (I, U or D: first field of CDC rows, and of full-load rows with
-- IncludeOpForFullLoad; NULL for a full-load file without it), __dms_ts = the TimestampColumnName column (commit time
-- of a CDC row, transfer time of a full-load row, 'yyyy-MM-dd HH:mm:ss.SSSSSS': text order is time order) or NULL.
-- https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Target.S3.html (Indicating source DB operations; timestamp column)
-- Without a timestamp column the order is the files' (full load LOADnnnn, then CDC files named by time) and the rows'.
-- column: CAST({{name}} AS {{type}}) AS {{name}}
CREATE OR REPLACE TEMPORARY VIEW record_changes AS
SELECT
  __file,
  __line,
  CAST({{key}} AS STRING) AS __key,
  CASE
    WHEN __dms_op IS NULL THEN 'r'
    WHEN __dms_op = 'I' THEN 'c'
    WHEN __dms_op = 'U' THEN 'u'
    WHEN __dms_op = 'D' THEN 'd'
  END AS __op,
  COALESCE(__dms_ts, '') AS __order,
  false AS __tombstone,
  {{columns}}
FROM dms_rows;
