package dev.lazurite.store.jdbi;

import dev.lazurite.store.SharedSecrets;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/** Shared secrets in the SQL store: the first writer wins, everyone reads the winner's value. */
final class JdbiSharedSecrets implements SharedSecrets {
  private final Jdbi jdbi;
  private final UnaryOperator<String> seal;
  private final UnaryOperator<String> open;

  JdbiSharedSecrets(Jdbi jdbi, UnaryOperator<String> seal, UnaryOperator<String> open) {
    this.jdbi = jdbi;
    this.seal = seal;
    this.open = open;
  }

  @Override
  public String getOrCreate(String name, Supplier<String> create) {
    var existing = read(name);
    if (existing.isPresent()) {
      return open.apply(existing.get());
    }
    // Each statement commits on its own: whichever instance inserts first wins, and the read
    // after it returns the winner's value on every instance.
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO shared_secrets (name, value, created_at) VALUES (?, ?, ?) ON"
                        + " CONFLICT (name) DO NOTHING")
                .bind(0, name)
                .bind(1, seal.apply(create.get()))
                .bind(2, Instant.now().toString())
                .execute());
    return open.apply(read(name).orElseThrow());
  }

  @Override
  public String update(String name, UnaryOperator<String> change) {
    return jdbi.inTransaction(
        h -> {
          // Writing the version row first takes the lock that serializes control writes.
          h.createUpdate("UPDATE snapshot_version SET version = version WHERE id = 1").execute();
          String current =
              open.apply(
                  h.createQuery("SELECT value FROM shared_secrets WHERE name = ?")
                      .bind(0, name)
                      .mapTo(String.class)
                      .one());
          String changed = change.apply(current);
          if (!changed.equals(current)) {
            h.createUpdate("UPDATE shared_secrets SET value = ? WHERE name = ?")
                .bind(0, seal.apply(changed))
                .bind(1, name)
                .execute();
          }
          return changed;
        });
  }

  private java.util.Optional<String> read(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT value FROM shared_secrets WHERE name = ?")
                .bind(0, name)
                .mapTo(String.class)
                .findOne());
  }
}
