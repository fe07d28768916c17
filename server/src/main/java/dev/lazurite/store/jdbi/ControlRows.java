package dev.lazurite.store.jdbi;

import dev.lazurite.backend.BackendSpec;
import dev.lazurite.control.Account;
import dev.lazurite.control.AccountMetadata;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.json.Json;
import dev.lazurite.network.Cidr;
import dev.lazurite.network.NetworkRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** How accounts and deployments are read back from their rows, on every dialect. */
final class ControlRows {
  private ControlRows() {}

  static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
    String lastModified = rs.getString("last_modified_at");
    var metadata =
        new AccountMetadata(
            tags(rs.getString("tags")),
            rs.getString("custom_subdomain"),
            rs.getString("etag"),
            lastModified.isEmpty() ? null : Instant.parse(lastModified),
            actor(rs.getString("created_by"), rs.getString("created_by_type")),
            actor(rs.getString("last_modified_by"), rs.getString("last_modified_by_type")));
    return new Account(
        rs.getString("name"),
        rs.getString("subscription_id"),
        rs.getString("resource_group"),
        rs.getString("location"),
        rs.getString("kind"),
        rs.getString("sku_name"),
        Instant.parse(rs.getString("created_at")),
        rs.getInt("disable_local_auth") != 0,
        new NetworkRules(
            rs.getString("public_network_access").equalsIgnoreCase("Enabled"),
            rs.getString("default_action").equalsIgnoreCase("Deny"),
            java.util.Arrays.stream(rs.getString("ip_rules").split(","))
                .filter(v -> !v.isBlank())
                .map(Cidr::parse)
                .toList()),
        metadata);
  }

  private static java.util.Map<String, String> tags(String json) {
    var tags = new java.util.TreeMap<String, String>();
    try {
      Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .properties()
          .forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("stored account tags are not JSON", e);
    }
    return tags;
  }

  private static AccountMetadata.Actor actor(String id, String type) {
    return id.isEmpty() ? AccountMetadata.Actor.ADMIN : new AccountMetadata.Actor(id, type);
  }

  static Deployment deployment(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Deployment(
        rs.getString("account"),
        rs.getString("name"),
        new Deployment.ModelRef(
            rs.getString("model_format"),
            rs.getString("model_name"),
            rs.getString("model_version")),
        new Deployment.Sku(rs.getString("sku_name"), rs.getInt("sku_capacity")),
        Json.read(rs.getString("backend"), BackendSpec.class),
        rs.getString("rai_policy_name"),
        rs.getString("version_upgrade_option"),
        Instant.parse(rs.getString("created_at")));
  }
}
