-- Cost (PostgreSQL): what each usage row cost when it was recorded, the price table it was priced from,
-- deployment tags, budgets, action groups and the budget alerts already sent.
ALTER TABLE usage_records ADD COLUMN resource_group TEXT NOT NULL DEFAULT '';
ALTER TABLE usage_records ADD COLUMN pricing TEXT NOT NULL DEFAULT '';
ALTER TABLE usage_records ADD COLUMN tags TEXT NOT NULL DEFAULT '{}';
ALTER TABLE usage_records ADD COLUMN cached_prompt_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE usage_records ADD COLUMN cost_pico_usd BIGINT NOT NULL DEFAULT 0;

CREATE INDEX usage_records_time ON usage_records (recorded_at);

CREATE TABLE prices (
  model          TEXT NOT NULL,
  version        TEXT NOT NULL,
  deployment_type TEXT NOT NULL,
  input_per_1m   TEXT NOT NULL,
  cached_per_1m  TEXT NOT NULL,
  output_per_1m  TEXT NOT NULL,
  per_hour       TEXT NOT NULL,
  as_of          TEXT NOT NULL,
  PRIMARY KEY (model, version, deployment_type)
);

CREATE TABLE deployment_tags (
  account    TEXT NOT NULL,
  deployment TEXT NOT NULL,
  tags       TEXT NOT NULL,
  PRIMARY KEY (account, deployment)
);

CREATE TABLE budgets (
  id         TEXT NOT NULL PRIMARY KEY,
  scope      TEXT NOT NULL,
  name       TEXT NOT NULL,
  body       TEXT NOT NULL,
  etag       TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE action_groups (
  id    TEXT NOT NULL PRIMARY KEY,
  scope TEXT NOT NULL,
  name  TEXT NOT NULL,
  body  TEXT NOT NULL,
  etag  TEXT NOT NULL
);

CREATE TABLE budget_alerts (
  budget_id    TEXT NOT NULL,
  notification TEXT NOT NULL,
  period_start TEXT NOT NULL,
  fired_at     TEXT NOT NULL,
  spend        TEXT NOT NULL,
  PRIMARY KEY (budget_id, notification, period_start)
);

-- Azure's published pay-as-you-go prices, USD per 1M tokens (eastus, Azure Retail Prices API
-- snapshot of December 2025). Batch deployments and batch jobs are priced at 50 % of these rows.
-- Edit with `lazurite price set`.
INSERT INTO prices VALUES ('gpt-4o', '2024-08-06', 'Global', '2.50', '1.25', '10.00', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-4o', '2024-08-06', 'DataZone', '2.75', '1.375', '11.00', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-4o', '2024-08-06', 'Regional', '2.50', '1.25', '10.00', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-4o-mini', '2024-07-18', 'Global', '0.15', '0.075', '0.60', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-4o-mini', '2024-07-18', 'DataZone', '0.165', '0.083', '0.66', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-4o-mini', '2024-07-18', 'Regional', '0.165', '0.083', '0.66', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-35-turbo', '0125', 'Global', '0.50', '0.50', '1.50', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-35-turbo', '0125', 'Regional', '0.50', '0.50', '1.50', '0', '2025-12-01');
INSERT INTO prices VALUES ('gpt-35-turbo', '1106', 'Regional', '1.00', '1.00', '2.00', '0', '2025-12-01');
INSERT INTO prices VALUES ('text-embedding-3-small', '*', 'Global', '0.02', '0.02', '0', '0', '2025-12-01');
INSERT INTO prices VALUES ('text-embedding-3-small', '*', 'Regional', '0.02', '0.02', '0', '0', '2025-12-01');
INSERT INTO prices VALUES ('text-embedding-3-large', '*', 'Global', '0.13', '0.13', '0', '0', '2025-12-01');
INSERT INTO prices VALUES ('text-embedding-3-large', '*', 'Regional', '0.13', '0.13', '0', '0', '2025-12-01');
INSERT INTO prices VALUES ('text-embedding-ada-002', '*', 'Global', '0.10', '0.10', '0', '0', '2025-12-01');
INSERT INTO prices VALUES ('text-embedding-ada-002', '*', 'Regional', '0.10', '0.10', '0', '0', '2025-12-01');
