-- Stored responses of the Responses API, readable and continuable only by the principal that
-- created them on their resource, for 30 days.
CREATE TABLE responses (
  resource TEXT NOT NULL,
  id TEXT NOT NULL,
  owner TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  body TEXT NOT NULL,
  input_items TEXT NOT NULL,
  context TEXT NOT NULL,
  PRIMARY KEY (resource, id)
);
CREATE INDEX responses_by_expiry ON responses (expires_at);
