ALTER TABLE accounts ADD COLUMN public_network_access TEXT NOT NULL DEFAULT 'Enabled';
ALTER TABLE accounts ADD COLUMN default_action TEXT NOT NULL DEFAULT 'Allow';
ALTER TABLE accounts ADD COLUMN ip_rules TEXT NOT NULL DEFAULT '';

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
