CREATE TABLE backends (
  account    TEXT NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  spec       TEXT NOT NULL,
  region     TEXT NOT NULL,
  priority   INTEGER NOT NULL,
  weight     INTEGER NOT NULL,
  faults     TEXT NOT NULL,
  created_at TEXT NOT NULL,
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
