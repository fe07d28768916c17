-- Each deployment's capacity over time, so PTU-hours follow capacity changes and stop at deletion.
-- A row states the deployment's SKU, model and capacity from at_ms on; capacity 0: deleted.
CREATE TABLE capacity_history (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  account        TEXT NOT NULL,
  resource_group TEXT NOT NULL,
  deployment     TEXT NOT NULL,
  model_name     TEXT NOT NULL,
  model_version  TEXT NOT NULL,
  sku            TEXT NOT NULL,
  capacity       INTEGER NOT NULL,
  at_ms          BIGINT NOT NULL
);
CREATE INDEX capacity_history_deployment ON capacity_history (account, deployment, at_ms);
