package dev.lazurite.api;

import java.util.List;
import java.util.Set;

/**
 * The api-versions Azure OpenAI accepts, and what each route family requires of them. Features are
 * gated by the date a version carries: a parameter introduced by {@code 2024-09-01-preview} is
 * unknown to {@code 2024-06-01}.
 */
public final class ApiVersion {
  public static final List<String> GA =
      List.of("2022-12-01", "2023-05-15", "2024-02-01", "2024-06-01", "2024-10-21");

  public static final List<String> PREVIEW =
      List.of(
          "2022-03-01-preview",
          "2022-06-01-preview",
          "2023-03-15-preview",
          "2023-06-01-preview",
          "2023-07-01-preview",
          "2023-08-01-preview",
          "2023-09-01-preview",
          "2023-10-01-preview",
          "2023-12-01-preview",
          "2024-02-15-preview",
          "2024-03-01-preview",
          "2024-04-01-preview",
          "2024-05-01-preview",
          "2024-07-01-preview",
          "2024-08-01-preview",
          "2024-09-01-preview",
          "2024-10-01-preview",
          "2024-12-01-preview",
          "2025-01-01-preview",
          "2025-02-01-preview",
          "2025-03-01-preview",
          "2025-04-01-preview");

  /** What the v1 routes accept besides a dated version (clients in v1 mode may still send one). */
  public static final Set<String> V1_ALIASES = Set.of("v1", "latest", "preview");

  /** The date that compares after every dated version: v1 routes carry every feature. */
  public static final String V1_DATE = "9999-12-31";

  /** First version with chat completions. */
  public static final String CHAT_SINCE = "2023-03-15";

  /** First version with the Batch API (global batch deployments). */
  public static final String BATCH_SINCE = "2024-07-01";

  private ApiVersion() {}

  public static boolean isKnownDated(String version) {
    return GA.contains(version) || PREVIEW.contains(version);
  }

  /** The {@code YYYY-MM-DD} a dated version carries. */
  public static String dateOf(String version) {
    return version.length() >= 10 ? version.substring(0, 10) : version;
  }
}
