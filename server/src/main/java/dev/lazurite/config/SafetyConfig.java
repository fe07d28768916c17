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
 * @param guard a guard model screening beside the classifier, when one is configured
 * @param embedded how the embedded classifier works with external ones: {@code both} (either may
 *     block, and the embedded one decides alone when an external one fails), {@code fallback} (only
 *     when an external one fails) or {@code off}
 */
public record SafetyConfig(
    String classifier,
    boolean failClosed,
    Optional<String> endpoint,
    String key,
    Optional<String> model,
    Duration timeout,
    Optional<Guard> guard,
    String embedded) {
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
    requireNonNull(guard, "guard is null");
    requireNonNull(embedded, "embedded is null");
  }

  /** A classifier setting without a guard model beside it; the embedded classifier joins in. */
  public SafetyConfig(
      String classifier,
      boolean failClosed,
      Optional<String> endpoint,
      String key,
      Optional<String> model,
      Duration timeout) {
    this(classifier, failClosed, endpoint, key, model, timeout, Optional.empty(), "both");
  }

  /**
   * A guard model behind a chat endpoint ({@code LAZURITE_SAFETY_GUARD_*}).
   *
   * @param endpoint an OpenAI-compatible base URL, or {@code deployment:<account>/<deployment>} for
   *     a deployment of this server
   * @param key the endpoint's key; never printed
   * @param model the model the endpoint runs (a deployment names its own)
   * @param style {@code llama-guard}, {@code llama-guard-native} or {@code shieldgemma}
   */
  public record Guard(String endpoint, String key, Optional<String> model, String style) {
    public Guard {
      requireNonNull(endpoint, "endpoint is null");
      requireNonNull(key, "key is null");
      requireNonNull(model, "model is null");
      requireNonNull(style, "style is null");
    }

    @Override
    public String toString() {
      return "Guard[endpoint=%s, key=%s, model=%s, style=%s]"
          .formatted(endpoint, key.isEmpty() ? "" : "***", model.orElse(""), style);
    }
  }

  /** Names the key's presence only, so that it never reaches a log. */
  @Override
  public String toString() {
    return ("SafetyConfig[classifier=%s, failClosed=%s, endpoint=%s, key=%s, model=%s, timeout=%s,"
            + " guard=%s, embedded=%s]")
        .formatted(
            classifier,
            failClosed,
            endpoint.orElse(""),
            key.isEmpty() ? "" : "***",
            model.orElse(""),
            timeout,
            guard.map(Guard::toString).orElse(""),
            embedded);
  }
}
