package dev.lazurite.testing;

import dev.lazurite.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** A real PostgreSQL server run from a Maven artifact, with a fresh database per call. */
public final class TestingPostgres implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private final EmbeddedPostgres postgres;

  private TestingPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static TestingPostgres start() {
    try {
      return new TestingPostgres(EmbeddedPostgres.builder().start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new empty database, as {@code --database-url} would name it. */
  public String newDatabaseUrl() {
    String name = "lazurite_" + DATABASES.incrementAndGet();
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "postgresql://postgres:secret-password@localhost:" + postgres.getPort() + "/" + name;
  }

  public DatabaseUrl newDatabase() {
    return DatabaseUrl.parse(newDatabaseUrl());
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
