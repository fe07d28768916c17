-- Files of the Files API: one row per stored file; contents live in the file store.
CREATE TABLE files (
  resource TEXT NOT NULL,
  id TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  filename TEXT NOT NULL,
  purpose TEXT NOT NULL,
  status TEXT NOT NULL,
  expires_at INTEGER,
  status_details TEXT,
  PRIMARY KEY (resource, id)
);
CREATE INDEX files_by_created ON files (resource, created_at, id);
CREATE INDEX files_by_expiry ON files (expires_at);
