-- The snapshot version every instance on this database follows, bumped by each control write.
CREATE TABLE snapshot_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO snapshot_version (id, version) VALUES (1, 0);

-- Secrets every instance shares (token signing keys, identity header key, admin credential),
-- sealed with the master key.
CREATE TABLE shared_secrets (
  name       TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
