-- User principals who sign in with a password (stored only as a PBKDF2 hash), and the one-time
-- values every instance must see as used: redeemed authorization codes, submitted sign-in forms
-- and signed-out portal sessions. Rows are kept until their value would have expired anyway.
CREATE TABLE users (
  object_id           TEXT PRIMARY KEY,
  user_principal_name TEXT NOT NULL UNIQUE,
  display_name        TEXT NOT NULL,
  password_hash       TEXT NOT NULL,
  created_at          TEXT NOT NULL
);

CREATE TABLE spent_ids (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE INDEX spent_ids_expiry ON spent_ids (expires_at);
