-- Provisioned deployments created before capacity_history (V25) get their starting row: their SKU,
-- model and capacity from their creation on. Without it a later capacity change or deletion would
-- lose the hours before it. created_at is an ISO-8601 instant; at_ms is its epoch milliseconds.
INSERT INTO capacity_history (account, resource_group, deployment, model_name, model_version, sku,
                              capacity, at_ms)
SELECT d.account, a.resource_group, d.name, d.model_name, d.model_version, d.sku_name,
       d.sku_capacity,
       CAST(strftime('%s', d.created_at) AS INTEGER) * 1000
         + CAST(substr(strftime('%f', d.created_at), 4) AS INTEGER)
FROM deployments d
JOIN accounts a ON a.name = d.account
WHERE lower(d.sku_name) LIKE '%provisioned%'
  AND d.sku_capacity > 0
  AND NOT EXISTS (SELECT 1 FROM capacity_history h
                  WHERE h.account = d.account AND h.deployment = d.name)
ORDER BY d.created_at, d.account, d.name;
