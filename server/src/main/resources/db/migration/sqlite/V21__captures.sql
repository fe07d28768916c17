-- Request/response capture (Azure's RequestResponse diagnostic category): a policy per deployment,
-- off unless one is stored, and the captures themselves, kept apart from the hash-chained audit
-- records (linked by correlation_id, the request id) so that their own retention never breaks the
-- chain.
CREATE TABLE capture_policies (
  account TEXT NOT NULL,
  deployment TEXT NOT NULL,
  enabled BOOLEAN NOT NULL,
  max_bytes INTEGER NOT NULL,
  retention_days INTEGER NOT NULL,
  redact TEXT NOT NULL,
  PRIMARY KEY (account, deployment)
);

CREATE TABLE captures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  correlation_id TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  account TEXT NOT NULL,
  deployment TEXT NOT NULL,
  operation_name TEXT NOT NULL,
  result_signature TEXT NOT NULL,
  duration_ms BIGINT NOT NULL,
  streamed BOOLEAN NOT NULL,
  request_body TEXT NOT NULL,
  request_truncated BOOLEAN NOT NULL,
  request_length BIGINT NOT NULL,
  response_body TEXT NOT NULL,
  response_truncated BOOLEAN NOT NULL,
  response_length BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL
);

CREATE INDEX captures_time ON captures (time_ms);
CREATE INDEX captures_expiry ON captures (expires_ms);
CREATE INDEX captures_correlation ON captures (correlation_id);
