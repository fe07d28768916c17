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
  enqueued_tokens INTEGER NOT NULL,
  output_file_id TEXT,
  error_file_id TEXT,
  errors TEXT,
  metadata TEXT,
  output_expires_after INTEGER,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  in_progress_at INTEGER,
  finalizing_at INTEGER,
  completed_at INTEGER,
  failed_at INTEGER,
  expired_at INTEGER,
  cancelling_at INTEGER,
  cancelled_at INTEGER,
  total INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_until INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX batches_by_created ON batches (resource, created_at, id);
CREATE INDEX batches_by_status ON batches (status);
CREATE TABLE batch_lines (
  batch_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  custom_id TEXT NOT NULL,
  body TEXT NOT NULL,
  answered INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_until INTEGER NOT NULL DEFAULT 0,
  status_code INTEGER,
  request_id TEXT,
  response TEXT,
  PRIMARY KEY (batch_id, line_no)
);
CREATE INDEX batch_lines_pending ON batch_lines (batch_id, answered, lease_until);
