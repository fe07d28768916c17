-- Search services' network isolation: public network access, IP rules (comma-separated CIDRs) and
-- private endpoints (a JSON array of {name, address, port, sourceRange, createdAt}).
ALTER TABLE search_services ADD COLUMN public_network_access TEXT NOT NULL DEFAULT 'enabled';
ALTER TABLE search_services ADD COLUMN ip_rules TEXT NOT NULL DEFAULT '';
ALTER TABLE search_services ADD COLUMN private_endpoints TEXT NOT NULL DEFAULT '[]';
