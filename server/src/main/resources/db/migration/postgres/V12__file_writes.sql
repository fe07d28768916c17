-- Contents being written that are not yet files: a row per write, removed once the content has
-- become a file or been removed. A row left by a process that died mid-write names content the
-- sweeper removes.
CREATE TABLE file_writes (
  resource TEXT NOT NULL,
  id TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  PRIMARY KEY (resource, id)
);
CREATE INDEX file_writes_by_start ON file_writes (started_at);
