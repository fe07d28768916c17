-- Content filter policies (raiPolicies) and custom blocklists (raiBlocklists) of each account.
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
