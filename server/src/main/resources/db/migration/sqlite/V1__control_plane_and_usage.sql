CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE accounts (
  name            TEXT PRIMARY KEY,
  subscription_id TEXT NOT NULL,
  resource_group  TEXT NOT NULL,
  location        TEXT NOT NULL,
  kind            TEXT NOT NULL,
  sku_name        TEXT NOT NULL,
  created_at      TEXT NOT NULL
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

CREATE TABLE usage_records (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
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
  latency_ms        REAL NOT NULL,
  streamed          INTEGER NOT NULL
);

CREATE INDEX usage_records_account_time ON usage_records (account, recorded_at);
