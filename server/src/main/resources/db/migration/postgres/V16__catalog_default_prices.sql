-- Per-token list prices (USD per 1M tokens: input, cached input, output) for catalog models whose
-- default version had no row, so deployments created without a version are charged, not $0.
-- Azure Global Standard list prices; Data Zone is 10 % above Global as for the other rows.
INSERT INTO prices VALUES ('gpt-4o', '2024-11-20', 'Global', '2.50', '1.25', '10.00', '0', '2026-12-01');
INSERT INTO prices VALUES ('gpt-4o', '2024-11-20', 'DataZone', '2.75', '1.375', '11.00', '0', '2026-12-01');
INSERT INTO prices VALUES ('gpt-4o', '2024-11-20', 'Regional', '2.50', '1.25', '10.00', '0', '2026-12-01');
INSERT INTO prices VALUES ('gpt-4.1', '2025-04-14', 'Global', '2.00', '0.50', '8.00', '0', '2026-12-01');
INSERT INTO prices VALUES ('gpt-4.1', '2025-04-14', 'DataZone', '2.20', '0.55', '8.80', '0', '2026-12-01');
INSERT INTO prices VALUES ('o1', '2024-12-17', 'Global', '15.00', '7.50', '60.00', '0', '2026-12-01');
INSERT INTO prices VALUES ('o3-mini', '2025-01-31', 'Global', '1.10', '0.55', '4.40', '0', '2026-12-01');
INSERT INTO prices VALUES ('o4-mini', '2025-04-16', 'Global', '1.10', '0.275', '4.40', '0', '2026-12-01');
