-- When each request's answer started: a stream's first event, else its whole body. Rows stored
-- before this column existed have none.
ALTER TABLE usage_records ADD COLUMN first_byte_ms REAL;
