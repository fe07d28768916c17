-- The audit log stored a block at a time: one row per batch the writer commits, holding the
-- records' JSON lines (the same canonical lines as the audit file, hash included) in sequence
-- order, one per line. The chain runs through the lines, so editing, deleting or reordering a
-- record inside a block breaks it just as it did across rows. min_time_ms and max_time_ms bound the
-- records' times, so a query by time reads only the blocks that can hold a match. Rows of the
-- earlier one-row-per-record table are moved into blocks when the store opens.
CREATE TABLE audit_blocks (
  stream TEXT NOT NULL,
  first_seq BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  min_time_ms BIGINT NOT NULL,
  max_time_ms BIGINT NOT NULL,
  lines BLOB NOT NULL,
  PRIMARY KEY (stream, first_seq)
);

CREATE INDEX audit_blocks_time ON audit_blocks (min_time_ms);
