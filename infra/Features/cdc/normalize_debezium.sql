-- Debezium change events read from Kafka by an EventBridge Pipe and landed by Firehose: one Kafka record per line as the
-- Pipe delivers it ({topic, partition, offset, timestamp, key, value, ...} with key and value base64-encoded;
-- https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-msk.html) -> record_changes.
-- The value is Debezium's envelope, with or without the JSON converter's {"schema", "payload"} wrapper:
-- before, after, source {ts_ms, lsn (PostgreSQL), file/pos/row (MySQL binlog)}, op c | u | d | r (r = snapshot read),
-- ts_ms (https://debezium.io/documentation/reference/stable/connectors/postgresql.html#postgresql-events).
-- A delete is followed by a tombstone: same key, null value (tombstones.on.delete); it deletes the key too.
-- Source order: source.lsn, then source.ts_ms, then the MySQL binlog position, each zero-padded so text order is number
-- order. A tombstone has no order of its own: the merge gives it the order of the key's delete.
-- Numeric columns must arrive as JSON numbers or strings: set decimal.handling.mode to double or string (the default,
-- precise, encodes DECIMAL as base64 bytes).
-- column: CAST(get_json_object(__image, '$.{{name}}') AS {{type}}) AS {{name}}
CREATE OR REPLACE TEMPORARY VIEW kafka_records AS
SELECT
  __file,
  __line,
  CAST(unbase64(get_json_object(__text, '$.value')) AS STRING) AS __value,
  CAST(unbase64(get_json_object(__text, '$.key')) AS STRING) AS __kafka_key,
  get_json_object(__text, '$.value') IS NULL AS __tombstone
FROM raw_lines;

CREATE OR REPLACE TEMPORARY VIEW debezium_messages AS
SELECT
  __file,
  __line,
  __tombstone,
  COALESCE(get_json_object(__value, '$.payload'), __value) AS __message,
  COALESCE(get_json_object(__kafka_key, '$.payload'), __kafka_key) AS __message_key
FROM kafka_records;

CREATE OR REPLACE TEMPORARY VIEW debezium_changes AS
SELECT
  __file,
  __line,
  __tombstone,
  __message_key,
  get_json_object(__message, '$.op') AS __debezium_op,
  get_json_object(__message, '$.after') AS __image,
  get_json_object(__message, '$.before') AS __before,
  get_json_object(__message, '$.source.ts_ms') AS __ts_ms,
  get_json_object(__message, '$.source.lsn') AS __lsn,
  get_json_object(__message, '$.source.file') AS __binlog_file,
  get_json_object(__message, '$.source.pos') AS __binlog_pos,
  get_json_object(__message, '$.source.row') AS __binlog_row
FROM debezium_messages;

CREATE OR REPLACE TEMPORARY VIEW record_changes AS
SELECT
  __file,
  __line,
  COALESCE(get_json_object(__image, '$.{{key}}'), get_json_object(__before, '$.{{key}}'), get_json_object(__message_key, '$.{{key}}')) AS __key,
  CASE
    WHEN __tombstone THEN 'd'
    WHEN __debezium_op IN ('c', 'u', 'd', 'r') THEN __debezium_op
  END AS __op,
  CASE
    WHEN __tombstone THEN NULL
    ELSE lpad(COALESCE(__lsn, '0'), 20, '0') || '.' || lpad(__ts_ms, 15, '0') || '.' || COALESCE(__binlog_file, '')
      || '.' || lpad(COALESCE(__binlog_pos, '0'), 20, '0') || '.' || lpad(COALESCE(__binlog_row, '0'), 10, '0')
  END AS __order,
  __tombstone,
  {{columns}}
FROM debezium_changes;
