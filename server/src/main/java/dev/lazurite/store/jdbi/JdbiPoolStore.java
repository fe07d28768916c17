package dev.lazurite.store.jdbi;

import dev.lazurite.backend.BackendSecret;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.backend.FaultInjection;
import dev.lazurite.json.Json;
import dev.lazurite.routing.NamedBackend;
import dev.lazurite.store.PoolStore;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/** Named backends and pools in the embedded store; backend secrets sealed like API keys. */
final class JdbiPoolStore implements PoolStore {
  private final Jdbi jdbi;
  private final UnaryOperator<String> seal;
  private final UnaryOperator<String> open;

  JdbiPoolStore(Jdbi jdbi, UnaryOperator<String> seal, UnaryOperator<String> open) {
    this.jdbi = jdbi;
    this.seal = seal;
    this.open = open;
  }

  @Override
  public void upsertBackend(NamedBackend b) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO backends (account, name, spec, region, priority, weight, faults,"
                        + " created_at, secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT"
                        + " (account, name) DO UPDATE SET spec = excluded.spec, region ="
                        + " excluded.region, priority = excluded.priority, weight = excluded.weight,"
                        + " faults = excluded.faults, secret = excluded.secret")
                .bind(0, b.account())
                .bind(1, b.name())
                .bind(2, Json.writeString(b.spec()))
                .bind(3, b.region())
                .bind(4, b.priority())
                .bind(5, b.weight())
                .bind(6, Json.writeString(b.faults()))
                .bind(7, b.createdAt().toString())
                .bind(8, b.secret().isEmpty() ? "" : seal.apply(b.secret().value()))
                .execute());
  }

  @Override
  public List<NamedBackend> backends(String account) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM backends WHERE account = ? ORDER BY name")
                .bind(0, account)
                .map(
                    (rs, ctx) ->
                        new NamedBackend(
                            rs.getString("account"),
                            rs.getString("name"),
                            Json.read(rs.getString("spec"), BackendSpec.class),
                            rs.getString("region"),
                            rs.getInt("priority"),
                            rs.getInt("weight"),
                            Json.read(rs.getString("faults"), FaultInjection.class),
                            new BackendSecret(open.apply(rs.getString("secret"))),
                            Instant.parse(rs.getString("created_at"))))
                .list());
  }

  @Override
  public boolean deleteBackend(String account, String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM backends WHERE account = ? AND name = ?")
                    .bind(0, account)
                    .bind(1, name)
                    .execute()
                > 0);
  }

  @Override
  public void setPool(String account, String deployment, List<String> backends) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM deployment_pools WHERE account = ? AND deployment = ?")
              .bind(0, account)
              .bind(1, deployment)
              .execute();
          for (int i = 0; i < backends.size(); i++) {
            h.createUpdate(
                    "INSERT INTO deployment_pools (account, deployment, position, backend) VALUES (?, ?, ?, ?)")
                .bind(0, account)
                .bind(1, deployment)
                .bind(2, i)
                .bind(3, backends.get(i))
                .execute();
          }
        });
  }

  @Override
  public List<String> pool(String account, String deployment) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT backend FROM deployment_pools WHERE account = ? AND deployment = ? ORDER BY position")
                .bind(0, account)
                .bind(1, deployment)
                .mapTo(String.class)
                .list());
  }
}
