package dev.lazurite.store.jdbi;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lazurite.cost.CapacityChange;
import dev.lazurite.cost.CostLine;
import dev.lazurite.cost.CostStore;
import dev.lazurite.cost.DeploymentType;
import dev.lazurite.cost.Price;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Prices, deployment tags, budgets, action groups and sent alerts, on either database. */
final class JdbiCostStore implements CostStore {
  private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};
  private static final TypeReference<List<String>> GROUPS = new TypeReference<>() {};

  private final Jdbi jdbi;

  JdbiCostStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<CapacityChange> capacityHistory() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT account, resource_group, deployment, model_name, model_version, sku,"
                        + " capacity, at_ms FROM capacity_history ORDER BY at_ms, id")
                .map(
                    (rs, ctx) ->
                        new CapacityChange(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getInt(7),
                            Instant.ofEpochMilli(rs.getLong(8))))
                .list());
  }

  @Override
  public void recordCapacity(CapacityChange c) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO capacity_history (account, resource_group, deployment, model_name,"
                        + " model_version, sku, capacity, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, c.account())
                .bind(1, c.resourceGroup())
                .bind(2, c.deployment())
                .bind(3, c.modelName())
                .bind(4, c.modelVersion())
                .bind(5, c.sku())
                .bind(6, c.capacity())
                .bind(7, c.at().toEpochMilli())
                .execute());
  }

  @Override
  public List<Price> prices() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM prices ORDER BY model, version, deployment_type")
                .map(
                    (rs, ctx) ->
                        new Price(
                            rs.getString("model"),
                            rs.getString("version"),
                            DeploymentType.parse(rs.getString("deployment_type")).orElseThrow(),
                            new BigDecimal(rs.getString("input_per_1m")),
                            new BigDecimal(rs.getString("cached_per_1m")),
                            new BigDecimal(rs.getString("output_per_1m")),
                            new BigDecimal(rs.getString("per_hour")),
                            rs.getString("as_of")))
                .list());
  }

  @Override
  public void putPrice(Price p) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "DELETE FROM prices WHERE model = ? AND version = ? AND deployment_type = ?")
              .bind(0, p.model())
              .bind(1, p.version())
              .bind(2, p.type().wire())
              .execute();
          h.createUpdate("INSERT INTO prices VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
              .bind(0, p.model())
              .bind(1, p.version())
              .bind(2, p.type().wire())
              .bind(3, p.inputPerMillion().toPlainString())
              .bind(4, p.cachedInputPerMillion().toPlainString())
              .bind(5, p.outputPerMillion().toPlainString())
              .bind(6, p.perHour().toPlainString())
              .bind(7, p.asOf())
              .execute();
        });
  }

  @Override
  public Map<String, Map<String, String>> deploymentTags() {
    Map<String, Map<String, String>> out = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT account, deployment, tags FROM deployment_tags")
                .map(
                    (rs, ctx) -> {
                      out.put(rs.getString(1) + "/" + rs.getString(2), tags(rs.getString(3)));
                      return 0;
                    })
                .list());
    return out;
  }

  @Override
  public void putDeploymentTags(String account, String deployment, Map<String, String> tags) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM deployment_tags WHERE account = ? AND deployment = ?")
              .bind(0, account)
              .bind(1, deployment)
              .execute();
          if (!tags.isEmpty()) {
            h.createUpdate("INSERT INTO deployment_tags VALUES (?, ?, ?)")
                .bind(0, account)
                .bind(1, deployment)
                .bind(2, Json.writeString(new java.util.TreeMap<>(tags)))
                .execute();
          }
        });
  }

  @Override
  public List<CostLine> lines(Instant from, Instant to) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT account, resource_group, deployment, caller, caller_groups,"
                        + " tags, substr(recorded_at, 1, 10) AS day, COUNT(*) AS requests,"
                        + " SUM(prompt_tokens) AS prompt, SUM(completion_tokens) AS completion,"
                        + " SUM(cached_prompt_tokens) AS cached, SUM(cost_pico_usd) AS cost"
                        + " FROM usage_records WHERE recorded_at >= ? AND recorded_at < ?"
                        + " GROUP BY account, resource_group, deployment, caller,"
                        + " caller_groups, tags, substr(recorded_at, 1, 10)")
                .bind(0, from.toString())
                .bind(1, to.toString())
                .map(
                    (rs, ctx) ->
                        new CostLine(
                            rs.getString("account"),
                            rs.getString("resource_group"),
                            rs.getString("deployment"),
                            rs.getString("caller"),
                            groups(rs.getString("caller_groups")),
                            tags(rs.getString("tags")),
                            LocalDate.parse(rs.getString("day")),
                            rs.getLong("requests"),
                            rs.getLong("prompt"),
                            rs.getLong("completion"),
                            rs.getLong("cached"),
                            rs.getBigDecimal("cost").longValueExact()))
                .list());
  }

  @Override
  public List<Stored> list(Kind kind) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, scope, name, body, etag FROM " + table(kind) + " ORDER BY id")
                .map((rs, ctx) -> stored(rs))
                .list());
  }

  @Override
  public Optional<Stored> get(Kind kind, String key) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, scope, name, body, etag FROM " + table(kind) + " WHERE id = ?")
                .bind(0, key)
                .map((rs, ctx) -> stored(rs))
                .findOne());
  }

  @Override
  public boolean put(Kind kind, Stored r, Optional<String> ifMatch) {
    String body = Json.writeString(r.body());
    return jdbi.inTransaction(
        h -> {
          if (ifMatch.isPresent()) {
            return h.createUpdate(
                        "UPDATE "
                            + table(kind)
                            + " SET body = ?, etag = ? WHERE id = ? AND etag = ?")
                    .bind(0, body)
                    .bind(1, r.etag())
                    .bind(2, r.key())
                    .bind(3, ifMatch.get())
                    .execute()
                == 1;
          }
          h.createUpdate("DELETE FROM " + table(kind) + " WHERE id = ?").bind(0, r.key()).execute();
          var insert =
              kind == Kind.BUDGET
                  ? h.createUpdate("INSERT INTO budgets VALUES (?, ?, ?, ?, ?, ?)")
                      .bind(5, Instant.now().toString())
                  : h.createUpdate("INSERT INTO action_groups VALUES (?, ?, ?, ?, ?)");
          insert
              .bind(0, r.key())
              .bind(1, r.scope())
              .bind(2, r.name())
              .bind(3, body)
              .bind(4, r.etag())
              .execute();
          return true;
        });
  }

  @Override
  public boolean delete(Kind kind, String key) {
    return jdbi.inTransaction(
        h -> {
          if (kind == Kind.BUDGET) {
            h.createUpdate("DELETE FROM budget_alerts WHERE budget_id = ?").bind(0, key).execute();
          }
          return h.createUpdate("DELETE FROM " + table(kind) + " WHERE id = ?")
                  .bind(0, key)
                  .execute()
              == 1;
        });
  }

  @Override
  public boolean claimAlert(
      String budgetKey, String notification, Instant periodStart, Instant at, String spend) {
    return jdbi.inTransaction(
        h ->
            h.createUpdate(
                        "INSERT INTO budget_alerts VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .bind(0, budgetKey)
                    .bind(1, notification)
                    .bind(2, periodStart.toString())
                    .bind(3, at.toString())
                    .bind(4, spend)
                    .execute()
                == 1);
  }

  private static String table(Kind kind) {
    return switch (kind) {
      case BUDGET -> "budgets";
      case ACTION_GROUP -> "action_groups";
    };
  }

  private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
    try {
      return new Stored(
          rs.getString("id"),
          rs.getString("scope"),
          rs.getString("name"),
          Json.parse(rs.getString("body").getBytes(StandardCharsets.UTF_8)),
          rs.getString("etag"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> groups(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return Json.MAPPER.readValue(json, GROUPS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> tags(String json) {
    try {
      return Json.MAPPER.readValue(json, TAGS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
