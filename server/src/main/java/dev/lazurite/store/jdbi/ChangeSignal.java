package dev.lazurite.store.jdbi;

import dev.lazurite.store.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the snapshot watcher when the version may have changed. PostgreSQL announces each bump with
 * {@code NOTIFY} on a connection kept for {@code LISTEN}; without that connection (or on SQLite,
 * where other processes cannot announce anything) the watcher simply polls.
 */
sealed interface ChangeSignal extends AutoCloseable {
  /** Returns after a change was announced or {@code millis} passed; false when interrupted. */
  boolean await(long millis);

  @Override
  void close();

  static ChangeSignal of(DatabaseUrl url) {
    return switch (url) {
      case DatabaseUrl.Sqlite s -> new Polling();
      case DatabaseUrl.Postgres p -> new Listening(p);
    };
  }

  /** Sleeps: the caller reads the version row after each wait. */
  final class Polling implements ChangeSignal {
    @Override
    public boolean await(long millis) {
      try {
        Thread.sleep(millis);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    @Override
    public void close() {}
  }

  /** {@code LISTEN}s on its own connection, reconnecting after a failure; polls meanwhile. */
  final class Listening implements ChangeSignal {
    private static final Logger LOG = LoggerFactory.getLogger(Listening.class);
    private final DatabaseUrl.Postgres url;
    private final Polling fallback = new Polling();
    private Connection connection;
    private volatile boolean closed;

    Listening(DatabaseUrl.Postgres url) {
      this.url = url;
    }

    @Override
    public synchronized boolean await(long millis) {
      if (closed) {
        return false;
      }
      try {
        if (connection == null) {
          connection = listen();
        }
        connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, millis));
        return !Thread.currentThread().isInterrupted();
      } catch (SQLException e) {
        if (connection != null) {
          LOG.warn(
              "listening for snapshot changes failed ({}); polling until it works", e.toString());
        }
        drop();
        return fallback.await(millis);
      }
    }

    private Connection listen() throws SQLException {
      Properties properties = new Properties();
      if (!url.user().isEmpty()) {
        properties.setProperty("user", url.user());
        properties.setProperty("password", url.password());
      }
      properties.setProperty("connectTimeout", "5");
      Connection opened = DriverManager.getConnection(url.jdbcUrl(), properties);
      try (var statement = opened.createStatement()) {
        statement.execute("LISTEN " + Dialect.CHANNEL);
      } catch (SQLException e) {
        opened.close();
        throw e;
      }
      return opened;
    }

    private void drop() {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // The connection is being given up.
        }
        connection = null;
      }
    }

    @Override
    public void close() {
      closed = true;
      // The watcher holds the lock while it waits; it sees `closed` within one wait.
      synchronized (this) {
        drop();
      }
    }
  }
}
