-- The Trace diagnostic category, when the trace log is on: one row per data-plane request of any
-- instance sharing the database, kept for the trace retention. `record` is the record's JSON.
CREATE TABLE trace_records (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time_ms BIGINT NOT NULL,
  principal TEXT NOT NULL,
  deployment TEXT NOT NULL,
  result_signature TEXT NOT NULL,
  record TEXT NOT NULL
);

CREATE INDEX trace_records_time ON trace_records (time_ms, id);
