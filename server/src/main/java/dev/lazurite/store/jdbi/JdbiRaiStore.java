package dev.lazurite.store.jdbi;

import dev.lazurite.json.Json;
import dev.lazurite.safety.Blocklist;
import dev.lazurite.safety.RaiPolicy;
import dev.lazurite.store.RaiStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Policies (as JSON) and blocklists in the embedded store. */
final class JdbiRaiStore implements RaiStore {
  private final Jdbi jdbi;
  private final Clock clock = Clock.systemUTC();

  JdbiRaiStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean putPolicy(String account, RaiPolicy policy) {
    return jdbi.inTransaction(
        h -> {
          boolean exists =
              h.createQuery("SELECT COUNT(*) FROM rai_policies WHERE account = ? AND name = ?")
                      .bind(0, account)
                      .bind(1, policy.name())
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          h.createUpdate(
                  "INSERT INTO rai_policies (account, name, body, created_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (account, name) DO UPDATE SET body = excluded.body")
              .bind(0, account)
              .bind(1, policy.name())
              .bind(2, Json.writeString(policy))
              .bind(3, clock.instant().toString())
              .execute();
          return !exists;
        });
  }

  @Override
  public List<RaiPolicy> policies(String account) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT body FROM rai_policies WHERE account = ? ORDER BY name")
                .bind(0, account)
                .map((rs, ctx) -> Json.read(rs.getString("body"), RaiPolicy.class))
                .list());
  }

  @Override
  public boolean deletePolicy(String account, String name) {
    return delete("DELETE FROM rai_policies WHERE account = ? AND name = ?", account, name);
  }

  @Override
  public boolean putBlocklist(String account, String name, String description) {
    return jdbi.inTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      "UPDATE rai_blocklists SET description = ? WHERE account = ? AND name = ?")
                  .bind(0, description)
                  .bind(1, account)
                  .bind(2, name)
                  .execute();
          if (updated > 0) {
            return false;
          }
          h.createUpdate(
                  "INSERT INTO rai_blocklists (account, name, description, created_at) VALUES (?, ?, ?, ?)")
              .bind(0, account)
              .bind(1, name)
              .bind(2, description)
              .bind(3, clock.instant().toString())
              .execute();
          return true;
        });
  }

  @Override
  public List<Blocklist> blocklists(String account) {
    return jdbi.withHandle(
        h -> {
          Map<String, String> descriptions = new LinkedHashMap<>();
          h.createQuery(
                  "SELECT name, description FROM rai_blocklists WHERE account = ? ORDER BY name")
              .bind(0, account)
              .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
              .forEach(r -> descriptions.put(r[0], r[1]));
          Map<String, List<Blocklist.Item>> items = new LinkedHashMap<>();
          h.createQuery(
                  "SELECT blocklist, name, pattern, is_regex FROM rai_blocklist_items WHERE account = ?"
                      + " ORDER BY name")
              .bind(0, account)
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          rs.getString(1),
                          new Blocklist.Item(rs.getString(2), rs.getString(3), rs.getInt(4) != 0)))
              .forEach(
                  e -> items.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
          List<Blocklist> out = new ArrayList<>();
          descriptions.forEach(
              (name, description) ->
                  out.add(new Blocklist(name, description, items.getOrDefault(name, List.of()))));
          return out;
        });
  }

  @Override
  public boolean deleteBlocklist(String account, String name) {
    return delete("DELETE FROM rai_blocklists WHERE account = ? AND name = ?", account, name);
  }

  @Override
  public boolean putItem(String account, String blocklist, Blocklist.Item item) {
    return jdbi.inTransaction(
        h -> {
          int deleted =
              h.createUpdate(
                      "DELETE FROM rai_blocklist_items WHERE account = ? AND blocklist = ? AND name = ?")
                  .bind(0, account)
                  .bind(1, blocklist)
                  .bind(2, item.name())
                  .execute();
          h.createUpdate(
                  "INSERT INTO rai_blocklist_items (account, blocklist, name, pattern, is_regex)"
                      + " VALUES (?, ?, ?, ?, ?)")
              .bind(0, account)
              .bind(1, blocklist)
              .bind(2, item.name())
              .bind(3, item.pattern())
              .bind(4, item.regex() ? 1 : 0)
              .execute();
          return deleted == 0;
        });
  }

  @Override
  public boolean deleteItem(String account, String blocklist, String item) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        "DELETE FROM rai_blocklist_items WHERE account = ? AND blocklist = ? AND name = ?")
                    .bind(0, account)
                    .bind(1, blocklist)
                    .bind(2, item)
                    .execute()
                > 0);
  }

  private boolean delete(String sql, String account, String name) {
    return jdbi.withHandle(h -> h.createUpdate(sql).bind(0, account).bind(1, name).execute() > 0);
  }
}
