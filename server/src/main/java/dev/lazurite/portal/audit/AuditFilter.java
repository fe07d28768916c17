package dev.lazurite.portal.audit;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The audit page's filters, as its GET form sends them. Every filter is optional; {@code since}
 * defaults to seven days ago.
 *
 * @param operation matches a record's operation name or category, ignoring case
 * @param page the page to show, from 1
 */
public record AuditFilter(
    Instant since,
    Optional<String> principal,
    Optional<String> deployment,
    Optional<String> status,
    Optional<String> operation,
    int page) {
  /** Records per page. */
  public static final int PAGE_SIZE = 50;

  /** The longest value a text filter takes. */
  public static final int MAX_FIELD = 256;

  static final Duration DEFAULT_SINCE = Duration.ofDays(7);

  public AuditFilter {
    requireNonNull(since, "since is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(status, "status is null");
    requireNonNull(operation, "operation is null");
  }

  public static AuditFilter parse(Map<String, String> query, Instant now) {
    Instant since = text(query, "since").map(AuditFilter::instant).orElse(now.minus(DEFAULT_SINCE));
    int page = text(query, "page").map(AuditFilter::page).orElse(1);
    return new AuditFilter(
        since,
        text(query, "principal"),
        text(query, "deployment"),
        text(query, "status"),
        text(query, "operation"),
        page);
  }

  /** The {@code since} value as the form shows it back. */
  public String sinceText() {
    return since.toString();
  }

  private static Optional<String> text(Map<String, String> query, String name) {
    Optional<String> value =
        Optional.ofNullable(query.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    if (value.isPresent() && value.get().length() > MAX_FIELD) {
      throw invalid("The '%s' filter is longer than %d characters.".formatted(name, MAX_FIELD));
    }
    return value;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        throw invalid(
            "The 'since' filter must be a date (YYYY-MM-DD) or an ISO 8601 instant, got '%s'."
                .formatted(text));
      }
    }
  }

  private static int page(String text) {
    try {
      int page = Integer.parseInt(text);
      if (page >= 1 && page <= 10_000) {
        return page;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("The page must be a whole number from 1, got '%s'.".formatted(text));
  }

  private static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }
}
