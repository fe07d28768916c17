-- Soft-deleted accounts, kept until purged or until purge_at. An account name stays taken while
-- its account is soft-deleted. contents holds what a restore brings back (keys and deployments
-- among it), sealed with the master key when there is one.
CREATE TABLE deleted_accounts (
  name            VARCHAR(64) PRIMARY KEY,
  subscription_id VARCHAR(64) NOT NULL,
  resource_group  VARCHAR(90) NOT NULL,
  location        VARCHAR(64) NOT NULL,
  kind            VARCHAR(64) NOT NULL,
  sku_name        VARCHAR(32) NOT NULL,
  deleted_at      VARCHAR(40) NOT NULL,
  purge_at        VARCHAR(40) NOT NULL,
  contents        TEXT NOT NULL
);
