package dev.lazurite.server.edge;

import io.helidon.webserver.http.ServerRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The query parameters the management list routes share ({@code since}, {@code limit}, filters),
 * read from one request. Each bad value is an {@link IllegalArgumentException} whose message says
 * what is allowed.
 */
public final class AdminQuery {
  private final ServerRequest req;
  private final Clock clock;

  private AdminQuery(ServerRequest req, Clock clock) {
    this.req = req;
    this.clock = clock;
  }

  /**
   * The request's query, refused when it names a parameter outside {@code allowed} (plus {@code
   * api-version}, which every route accepts).
   */
  public static AdminQuery of(ServerRequest req, Clock clock, List<String> allowed) {
    for (String name : req.query().names()) {
      if (!name.equals("api-version") && !allowed.contains(name)) {
        throw new IllegalArgumentException(
            "Unknown query parameter '" + name + "'; allowed: " + String.join(", ", allowed) + ".");
      }
    }
    return new AdminQuery(req, clock);
  }

  /** A parameter's first value, if given. */
  public static Optional<String> param(ServerRequest req, String name) {
    return req.query().first(name).asOptional();
  }

  /** A parameter's first value, if given. */
  public Optional<String> param(String name) {
    return param(req, name);
  }

  /** {@code since}: an ISO-8601 instant, or a duration back from now ({@code PT1H}). */
  public Optional<Instant> since() {
    return param("since").map(this::since);
  }

  /** {@code limit}: 1 to {@code max}, {@code fallback} when absent. */
  public int limit(int max, int fallback) {
    return param("limit").map(text -> limit(text, max)).orElse(fallback);
  }

  private Instant since(String text) {
    try {
      return text.startsWith("P") || text.startsWith("p")
          ? clock.instant().minus(Duration.parse(text))
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Invalid value for since: '" + text + "'; give an ISO-8601 instant or a duration.");
    }
  }

  private static int limit(String text, int max) {
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid value for limit: '" + text + "'.");
    }
    if (value < 1 || value > max) {
      throw new IllegalArgumentException("limit must be 1.." + max + ".");
    }
    return value;
  }
}
