package dev.lazurite.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the store lives: a SQLite file (one or several processes on one host) or a PostgreSQL
 * database (instances on any hosts). Parsed from {@code --database-url}: {@code
 * postgresql://user:password@host:port/db}, {@code jdbc:postgresql://…} or {@code
 * jdbc:sqlite:PATH}.
 */
public sealed interface DatabaseUrl {
  /** The JDBC URL, without credentials. */
  String jdbcUrl();

  /** A SQLite database file. */
  record Sqlite(Path file) implements DatabaseUrl {
    @Override
    public String jdbcUrl() {
      return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    @Override
    public String toString() {
      return jdbcUrl();
    }
  }

  /** A PostgreSQL database; user and password are empty when the JDBC URL carries them. */
  record Postgres(String jdbcUrl, String user, String password) implements DatabaseUrl {
    /** The URL with its password left out, for logs and messages. */
    @Override
    public String toString() {
      return jdbcUrl.replaceAll("(?i)password=[^&]*", "password=***")
          + (user.isEmpty() ? "" : " (user " + user + ")");
    }
  }

  static DatabaseUrl parse(String url) {
    String text = url.strip();
    if (text.startsWith("jdbc:sqlite:")) {
      String path = text.substring("jdbc:sqlite:".length());
      int query = path.indexOf('?');
      path = query < 0 ? path : path.substring(0, query);
      if (path.isBlank() || path.equals(":memory:") || path.startsWith("file::memory:")) {
        throw invalid(url, "a SQLite database must be a file path");
      }
      return new Sqlite(Path.of(path.startsWith("file:") ? path.substring(5) : path));
    }
    if (text.startsWith("jdbc:postgresql:")) {
      return new Postgres(text, "", "");
    }
    if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
      return fromUri(url, text);
    }
    throw invalid(
        url,
        "expected postgresql://user:password@host:port/database, jdbc:postgresql://… or"
            + " jdbc:sqlite:PATH");
  }

  private static Postgres fromUri(String original, String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw invalid(original, "it is not a valid URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw invalid(original, "it names no host");
    }
    String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
    if (database.isBlank()) {
      throw invalid(original, "it names no database");
    }
    String user = "";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    String jdbc =
        "jdbc:postgresql://"
            + uri.getHost()
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + "/"
            + database
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new Postgres(jdbc, user, password);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid(String url, String why) {
    String shown = url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
    return new IllegalArgumentException(
        "--database-url (or LAZURITE_DATABASE_URL) '%s' is not usable: %s".formatted(shown, why));
  }
}
