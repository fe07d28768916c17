package dev.lazurite.store.jdbi;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Named settings of the whole store, such as the subscription and tenant ids. */
final class JdbiSettings {
  private final Jdbi jdbi;

  JdbiSettings(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Optional<String> get(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT value FROM settings WHERE name = ?")
                .bind(0, name)
                .mapTo(String.class)
                .findOne());
  }

  void put(String name, String value) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
                        + " SET value = excluded.value")
                .bind(0, name)
                .bind(1, value)
                .execute());
  }

  /** Stores the value unless one is stored; returns the stored one. */
  String putIfAbsent(String name, String value) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .bind(0, name)
                .bind(1, value)
                .execute());
    return get(name).orElseThrow();
  }
}
