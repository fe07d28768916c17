package dev.lazurite.identity;

import java.util.Locale;
import java.util.Optional;

/** The resources tokens are issued for, and their {@code aud} as Entra writes it. */
public final class Audiences {
  public static final String COGNITIVE_SERVICES = "https://cognitiveservices.azure.com";
  public static final String MANAGEMENT = "https://management.azure.com/";
  public static final String SEARCH = "https://search.azure.com";

  private Audiences() {}

  /**
   * The audience for a v2 {@code scope} ({@code https://cognitiveservices.azure.com/.default}) or a
   * v1 / managed-identity {@code resource}; empty when this service issues no tokens for it.
   */
  public static Optional<String> forScopeOrResource(String value) {
    String resource = value.strip();
    if (resource.endsWith("/.default")) {
      resource = resource.substring(0, resource.length() - "/.default".length());
    }
    String normalized = resource.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    return switch (normalized) {
      case "https://cognitiveservices.azure.com" -> Optional.of(COGNITIVE_SERVICES);
      case "https://management.azure.com", "https://management.core.windows.net" ->
          Optional.of(MANAGEMENT);
      case "https://search.azure.com" -> Optional.of(SEARCH);
      default -> Optional.empty();
    };
  }
}
