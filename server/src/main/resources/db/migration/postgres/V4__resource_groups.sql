-- Resource groups (Microsoft.Resources/resourceGroups). Names are unique per subscription, ignoring
-- case: name_key is the lower-cased name. tags is a JSON object.
CREATE TABLE resource_groups (
  subscription_id TEXT NOT NULL,
  name_key        TEXT NOT NULL,
  name            TEXT NOT NULL,
  location        TEXT NOT NULL,
  tags            TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (subscription_id, name_key)
);

-- Every group an existing account or search service is in, in the location of its first resource.
INSERT INTO resource_groups (subscription_id, name_key, name, location, tags, created_at)
SELECT r.subscription_id, LOWER(r.resource_group), MIN(r.resource_group), MIN(r.location), '{}',
       MIN(r.created_at)
FROM (
  SELECT subscription_id, resource_group, location, created_at FROM accounts
  UNION ALL
  SELECT subscription, resource_group, location, created_at FROM search_services
) r
GROUP BY r.subscription_id, LOWER(r.resource_group);

-- The default group of a server that has started before, even when its default resource is gone.
INSERT INTO resource_groups (subscription_id, name_key, name, location, tags, created_at)
SELECT s.value, 'lazurite', 'lazurite',
       COALESCE((SELECT MIN(location) FROM accounts), 'eastus'), '{}', b.value
FROM settings s, settings b
WHERE s.name = 'subscription-id' AND b.name = 'bootstrapped'
  AND NOT EXISTS (
    SELECT 1 FROM resource_groups g WHERE g.subscription_id = s.value AND g.name_key = 'lazurite');
