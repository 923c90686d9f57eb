-- DynamoDB Streams records (as an EventBridge Pipe delivers them and Firehose lands them: one JSON record per line)
-- and DynamoDB export lines ({"Item": {...}}, the bulk path) -> record_changes.
-- Record: eventName INSERT | MODIFY | REMOVE; dynamodb.Keys, NewImage, OldImage, SequenceNumber (a decimal string of
-- 21 to 40 digits, ordered per item), ApproximateCreationDateTime (seconds: too coarse to order by).
-- https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html
-- https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html
-- https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html (export: one {"Item": ...} per line)
-- Attribute values are typed: S, N (a number as a string), BOOL, NULL, M, L, SS, NS, B, BS
-- (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_AttributeValue.html). A NULL attribute or a
-- missing one becomes SQL NULL; M, L, SS and NS keep their JSON text. REMOVE carries no NewImage: the row is deleted.
-- Portable Spark SQL / DuckDB: get_json_object is Spark's; the DuckDB runner defines it as a macro over json_extract_string.
-- column: CAST(COALESCE(get_json_object(__image, '$.{{name}}.S'), get_json_object(__image, '$.{{name}}.N'), get_json_object(__image, '$.{{name}}.BOOL'), get_json_object(__image, '$.{{name}}.M'), get_json_object(__image, '$.{{name}}.L'), get_json_object(__image, '$.{{name}}.SS'), get_json_object(__image, '$.{{name}}.NS')) AS {{type}}) AS {{name}}
CREATE OR REPLACE TEMPORARY VIEW dynamodb_records AS
SELECT
  __file,
  __line,
  get_json_object(__text, '$.eventName') AS __event,
  get_json_object(__text, '$.dynamodb.SequenceNumber') AS __sequence,
  COALESCE(get_json_object(__text, '$.dynamodb.Keys'), get_json_object(__text, '$.Item')) AS __keys,
  COALESCE(get_json_object(__text, '$.dynamodb.NewImage'), get_json_object(__text, '$.Item')) AS __image,
  get_json_object(__text, '$.Item') IS NOT NULL AS __export
FROM raw_lines;

CREATE OR REPLACE TEMPORARY VIEW record_changes AS
SELECT
  __file,
  __line,
  COALESCE(get_json_object(__keys, '$.{{key}}.S'), get_json_object(__keys, '$.{{key}}.N')) AS __key,
  CASE
    WHEN __export THEN 'r'
    WHEN __event = 'INSERT' THEN 'c'
    WHEN __event = 'MODIFY' THEN 'u'
    WHEN __event = 'REMOVE' THEN 'd'
  END AS __op,
  CASE WHEN __export THEN '' ELSE lpad(__sequence, 40, '0') END AS __order,
  false AS __tombstone,
  {{columns}}
FROM dynamodb_records;
