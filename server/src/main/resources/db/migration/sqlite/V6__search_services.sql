-- Search services (Azure AI Search-compatible). Keys are sealed with the master key.
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
