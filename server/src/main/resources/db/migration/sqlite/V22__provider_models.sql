-- Google's published Gemini API prices (paid tier, prompts up to 200k tokens, USD per 1M tokens,
-- ai.google.dev/gemini-api/docs/pricing, December 2025), for deployments served by a gemini
-- backend. Edit with `lazurite price set`.
INSERT INTO prices VALUES ('gemini-2.5-pro', '*', 'Global', '1.25', '0.125', '10.00', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-2.5-pro', '*', 'Regional', '1.25', '0.125', '10.00', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-2.5-flash', '*', 'Global', '0.30', '0.03', '2.50', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-2.5-flash', '*', 'Regional', '0.30', '0.03', '2.50', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-2.5-flash-lite', '*', 'Global', '0.10', '0.01', '0.40', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-2.5-flash-lite', '*', 'Regional', '0.10', '0.01', '0.40', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-2.0-flash', '*', 'Global', '0.10', '0.025', '0.40', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-2.0-flash', '*', 'Regional', '0.10', '0.025', '0.40', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-2.0-flash-lite', '*', 'Global', '0.075', '0.075', '0.30', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-2.0-flash-lite', '*', 'Regional', '0.075', '0.075', '0.30', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-embedding-001', '*', 'Global', '0.15', '0.15', '0', '0', '2025-12-01');
INSERT INTO prices VALUES ('gemini-embedding-001', '*', 'Regional', '0.15', '0.15', '0', '0', '2025-12-01');

-- Models an operator added to the catalog (`lazurite model add`), beside the built-in ones.
CREATE TABLE catalog_models (
  name              TEXT NOT NULL PRIMARY KEY,
  version           TEXT NOT NULL,
  family            TEXT NOT NULL,
  kind              TEXT NOT NULL,
  encoding          TEXT NOT NULL,
  context_window    INTEGER NOT NULL,
  max_output_tokens INTEGER NOT NULL,
  dimensions        INTEGER NOT NULL
);
