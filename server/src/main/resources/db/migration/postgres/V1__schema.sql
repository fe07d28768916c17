-- The schema of SQLite migrations V1 to V8 in one step. Times are ISO-8601 text and flags 0/1
-- integers, as in SQLite, so that both databases answer the same SQL.
CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE accounts (
  name                  TEXT PRIMARY KEY,
  subscription_id       TEXT NOT NULL,
  resource_group        TEXT NOT NULL,
  location              TEXT NOT NULL,
  kind                  TEXT NOT NULL,
  sku_name              TEXT NOT NULL,
  created_at            TEXT NOT NULL,
  disable_local_auth    INTEGER NOT NULL DEFAULT 0,
  public_network_access TEXT NOT NULL DEFAULT 'Enabled',
  default_action        TEXT NOT NULL DEFAULT 'Allow',
  ip_rules              TEXT NOT NULL DEFAULT ''
);

CREATE TABLE account_keys (
  account  TEXT NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  key_name TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (account, key_name)
);

CREATE TABLE deployments (
  account                TEXT NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  name                   TEXT NOT NULL,
  model_format           TEXT NOT NULL,
  model_name             TEXT NOT NULL,
  model_version          TEXT NOT NULL,
  sku_name               TEXT NOT NULL,
  sku_capacity           INTEGER NOT NULL,
  backend                TEXT NOT NULL,
  rai_policy_name        TEXT NOT NULL,
  version_upgrade_option TEXT NOT NULL,
  created_at             TEXT NOT NULL,
  PRIMARY KEY (account, name)
);

-- Many instances append at once: the key comes from an identity column, never from a reader.
CREATE TABLE usage_records (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recorded_at       TEXT NOT NULL,
  request_id        TEXT NOT NULL,
  account           TEXT NOT NULL,
  deployment        TEXT NOT NULL,
  model             TEXT NOT NULL,
  operation         TEXT NOT NULL,
  caller            TEXT NOT NULL,
  prompt_tokens     INTEGER NOT NULL,
  completion_tokens INTEGER NOT NULL,
  status            INTEGER NOT NULL,
  latency_ms        DOUBLE PRECISION NOT NULL,
  streamed          INTEGER NOT NULL
);

CREATE INDEX usage_records_account_time ON usage_records (account, recorded_at);

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

CREATE TABLE private_endpoints (
  account      TEXT NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  address      TEXT NOT NULL,
  port         INTEGER NOT NULL,
  source_range TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (account, name),
  UNIQUE (address, port)
);

CREATE TABLE backends (
  account    TEXT NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  spec       TEXT NOT NULL,
  region     TEXT NOT NULL,
  priority   INTEGER NOT NULL,
  weight     INTEGER NOT NULL,
  faults     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  secret     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (account, name)
);

CREATE TABLE deployment_pools (
  account    TEXT NOT NULL,
  deployment TEXT NOT NULL,
  position   INTEGER NOT NULL,
  backend    TEXT NOT NULL,
  PRIMARY KEY (account, deployment, position),
  FOREIGN KEY (account, deployment) REFERENCES deployments (account, name) ON DELETE CASCADE
);

CREATE TABLE search_services (
  name            TEXT PRIMARY KEY,
  subscription    TEXT NOT NULL,
  resource_group  TEXT NOT NULL,
  location        TEXT NOT NULL,
  sku             TEXT NOT NULL,
  primary_key     TEXT NOT NULL,
  secondary_key   TEXT NOT NULL,
  query_key       TEXT NOT NULL,
  created_at      TEXT NOT NULL
);

CREATE TABLE rai_policies (
  account    TEXT NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (account, name)
);

CREATE TABLE rai_blocklists (
  account     TEXT NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (account, name)
);

CREATE TABLE rai_blocklist_items (
  account   TEXT NOT NULL,
  blocklist TEXT NOT NULL,
  name      TEXT NOT NULL,
  pattern   TEXT NOT NULL,
  is_regex  INTEGER NOT NULL,
  PRIMARY KEY (account, blocklist, name),
  FOREIGN KEY (account, blocklist) REFERENCES rai_blocklists (account, name) ON DELETE CASCADE
);

CREATE TABLE snapshot_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO snapshot_version (id, version) VALUES (1, 0);

CREATE TABLE shared_secrets (
  name       TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
