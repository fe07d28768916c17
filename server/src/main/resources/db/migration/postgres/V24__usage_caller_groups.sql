-- The caller's Entra groups on each usage row, for cost grouped by group: a JSON array of the
-- group ids, sorted; empty text for callers without groups (API keys, internal calls, older rows).
ALTER TABLE usage_records ADD COLUMN caller_groups TEXT NOT NULL DEFAULT '';
