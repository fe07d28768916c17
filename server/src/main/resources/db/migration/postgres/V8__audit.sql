-- The audit log: records hash-chained per stream (one stream per instance), and the signed
-- checkpoints that vouch for them. Records are only ever inserted; the retention sweep deletes the
-- oldest ones up to a checkpoint.
CREATE TABLE audit_records (
  stream TEXT NOT NULL,
  seq BIGINT NOT NULL,
  time TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  category TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  operation_name TEXT NOT NULL,
  result_signature TEXT NOT NULL,
  duration_ms BIGINT NOT NULL,
  caller_ip_address TEXT NOT NULL,
  correlation_id TEXT NOT NULL,
  identity TEXT NOT NULL,
  deployment TEXT NOT NULL,
  properties TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (stream, seq)
);

CREATE INDEX audit_records_time ON audit_records (time_ms);

CREATE TABLE audit_checkpoints (
  stream TEXT NOT NULL,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  time TEXT NOT NULL,
  signature TEXT NOT NULL,
  PRIMARY KEY (stream, seq)
);
