package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The content classifier and what happens when it cannot answer.
 *
 * @param classifier {@code embedded}, {@code azure-content-safety}, {@code openai-moderation} or
 *     {@code guard}
 * @param failClosed whether a classifier failure refuses the request (else the text goes through
 *     with Azure's {@code content_filter_error} annotation)
 * @param endpoint an external classifier's base URL
 * @param key an external classifier's key; never printed
 * @param model the moderation or guard model an external classifier runs
 * @param timeout the deadline of one external classification
 */
public record SafetyConfig(
    String classifier,
    boolean failClosed,
    Optional<String> endpoint,
    String key,
    Optional<String> model,
    Duration timeout) {
  public static final String EMBEDDED = "embedded";
  public static final SafetyConfig DEFAULT =
      new SafetyConfig(
          EMBEDDED, false, Optional.empty(), "", Optional.empty(), Duration.ofMillis(2000));

  public SafetyConfig {
    requireNonNull(classifier, "classifier is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(key, "key is null");
    requireNonNull(model, "model is null");
    requireNonNull(timeout, "timeout is null");
  }

  /** Names the key's presence only, so that it never reaches a log. */
  @Override
  public String toString() {
    return "SafetyConfig[classifier=%s, failClosed=%s, endpoint=%s, key=%s, model=%s, timeout=%s]"
        .formatted(
            classifier,
            failClosed,
            endpoint.orElse(""),
            key.isEmpty() ? "" : "***",
            model.orElse(""),
            timeout);
  }
}
