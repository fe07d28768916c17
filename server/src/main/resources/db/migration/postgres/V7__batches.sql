-- Batch jobs of the Batch API: one row per batch, one row per input line. A line's answer is kept
-- on its row until the batch's output and error files are written.
CREATE TABLE batches (
  id TEXT NOT NULL PRIMARY KEY,
  resource TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  input_file_id TEXT NOT NULL,
  completion_window TEXT NOT NULL,
  status TEXT NOT NULL,
  deployment TEXT,
  enqueued_tokens BIGINT NOT NULL,
  output_file_id TEXT,
  error_file_id TEXT,
  errors TEXT,
  metadata TEXT,
  output_expires_after BIGINT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  in_progress_at BIGINT,
  finalizing_at BIGINT,
  completed_at BIGINT,
  failed_at BIGINT,
  expired_at BIGINT,
  cancelling_at BIGINT,
  cancelled_at BIGINT,
  total INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_until BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX batches_by_created ON batches (resource, created_at, id);
CREATE INDEX batches_by_status ON batches (status);
CREATE TABLE batch_lines (
  batch_id TEXT NOT NULL,
  line_no BIGINT NOT NULL,
  custom_id TEXT NOT NULL,
  body TEXT NOT NULL,
  answered INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_until BIGINT NOT NULL DEFAULT 0,
  status_code INTEGER,
  request_id TEXT,
  response TEXT,
  PRIMARY KEY (batch_id, line_no)
);
CREATE INDEX batch_lines_pending ON batch_lines (batch_id, answered, lease_until);
