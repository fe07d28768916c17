package dev.lazurite.store.jdbi;

import dev.lazurite.searchservice.SearchNetwork;
import dev.lazurite.searchservice.SearchService;
import dev.lazurite.store.SearchServiceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/** Search services in the embedded store; keys sealed like account keys. */
final class JdbiSearchServiceStore implements SearchServiceStore {
  private final Jdbi jdbi;
  private final UnaryOperator<String> seal;
  private final UnaryOperator<String> open;

  JdbiSearchServiceStore(Jdbi jdbi, UnaryOperator<String> seal, UnaryOperator<String> open) {
    this.jdbi = jdbi;
    this.seal = seal;
    this.open = open;
  }

  @Override
  public void put(SearchService s) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO search_services (name, subscription, resource_group, location,"
                        + " sku, primary_key, secondary_key, query_key, created_at,"
                        + " public_network_access, ip_rules, private_endpoints) VALUES (?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET location ="
                        + " excluded.location, sku = excluded.sku, primary_key ="
                        + " excluded.primary_key, secondary_key = excluded.secondary_key,"
                        + " query_key = excluded.query_key, public_network_access ="
                        + " excluded.public_network_access, ip_rules = excluded.ip_rules,"
                        + " private_endpoints = excluded.private_endpoints")
                .bind(0, s.name())
                .bind(1, s.subscription())
                .bind(2, s.resourceGroup())
                .bind(3, s.location())
                .bind(4, s.sku())
                .bind(5, seal.apply(s.primaryKey()))
                .bind(6, seal.apply(s.secondaryKey()))
                .bind(7, seal.apply(s.queryKey()))
                .bind(8, s.createdAt().toString())
                .bind(9, s.network().publicNetworkAccess())
                .bind(10, s.network().ipRulesText())
                .bind(11, s.network().privateEndpointsJson())
                .execute());
  }

  @Override
  public List<SearchService> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM search_services ORDER BY name")
                .map(
                    (rs, ctx) ->
                        new SearchService(
                            rs.getString("name"),
                            rs.getString("subscription"),
                            rs.getString("resource_group"),
                            rs.getString("location"),
                            rs.getString("sku"),
                            open.apply(rs.getString("primary_key")),
                            open.apply(rs.getString("secondary_key")),
                            open.apply(rs.getString("query_key")),
                            Instant.parse(rs.getString("created_at")),
                            SearchNetwork.stored(
                                rs.getString("name"),
                                rs.getString("public_network_access"),
                                rs.getString("ip_rules"),
                                rs.getString("private_endpoints"))))
                .list());
  }

  @Override
  public Optional<SearchService> get(String name) {
    return list().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  @Override
  public boolean delete(String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM search_services WHERE name = ?").bind(0, name).execute()
                > 0);
  }
}
