ALTER TABLE accounts ADD COLUMN disable_local_auth INTEGER NOT NULL DEFAULT 0;

CREATE TABLE service_principals (
  app_id       TEXT PRIMARY KEY,
  object_id    TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL
);

CREATE TABLE client_secrets (
  app_id     TEXT NOT NULL REFERENCES service_principals (app_id) ON DELETE CASCADE,
  key_id     TEXT NOT NULL,
  hash       TEXT NOT NULL,
  hint       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (app_id, key_id)
);

CREATE TABLE managed_identities (
  name         TEXT PRIMARY KEY,
  client_id    TEXT NOT NULL UNIQUE,
  principal_id TEXT NOT NULL UNIQUE,
  header_hash  TEXT NOT NULL,
  created_at   TEXT NOT NULL
);

CREATE TABLE identity_groups (
  object_id    TEXT PRIMARY KEY,
  display_name TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL
);

CREATE TABLE group_members (
  group_id  TEXT NOT NULL REFERENCES identity_groups (object_id) ON DELETE CASCADE,
  member_id TEXT NOT NULL,
  PRIMARY KEY (group_id, member_id)
);

CREATE TABLE role_assignments (
  id                 TEXT PRIMARY KEY,
  principal_id       TEXT NOT NULL,
  role_definition_id TEXT NOT NULL,
  scope              TEXT NOT NULL,
  created_at         TEXT NOT NULL
);

CREATE INDEX role_assignments_principal ON role_assignments (principal_id);
