package dev.lazurite.control.arm;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** ARM's check of an {@code api-version}: a date, optionally with a suffix such as -preview. */
public final class ApiVersions {
  private static final Pattern VERSION =
      Pattern.compile("^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(-[a-zA-Z]+)?$");

  /** The Cognitive Services versions Lazurite's control plane answers in. */
  public static final List<String> COGNITIVE_SERVICES =
      List.of(
          "2017-04-18",
          "2021-04-30",
          "2021-10-01",
          "2022-03-01",
          "2022-10-01",
          "2022-12-01",
          "2023-05-01",
          "2023-10-01-preview",
          "2024-04-01-preview",
          "2024-06-01-preview",
          "2024-10-01",
          "2025-06-01");

  private ApiVersions() {}

  /**
   * The request's api-version when it is well formed, else ARM's 400 {@code
   * InvalidApiVersionParameter} naming the versions this family supports.
   */
  public static String require(Optional<String> given, List<String> supported) {
    String version = given.orElse("");
    if (version.isEmpty()) {
      throw ApiException.of(ErrorCode.ARM_MISSING_API_VERSION);
    }
    if (!VERSION.matcher(version).matches()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_API_VERSION, version, String.join(", ", supported));
    }
    return version;
  }
}
