package dev.lazurite.safety;

import static java.util.Objects.requireNonNull;

/**
 * One filter of a policy: a harm category with a severity threshold, or a detection (jailbreak,
 * indirect attack, profanity, protected material), for the prompt or the completion.
 *
 * @param name the canonical name: {@code hate}, {@code sexual}, {@code violence}, {@code selfharm},
 *     {@code jailbreak}, {@code indirect_attack}, {@code profanity}, {@code
 *     protected_material_text} or {@code protected_material_code}
 * @param severityThreshold {@code Low}, {@code Medium} or {@code High} for the four harm categories
 *     (content at or above it is filtered); empty for detections
 * @param source {@code Prompt} or {@code Completion}
 */
public record ContentFilter(
    String name, boolean enabled, boolean blocking, String severityThreshold, String source) {
  public ContentFilter {
    requireNonNull(name, "name is null");
    requireNonNull(severityThreshold, "severityThreshold is null");
    requireNonNull(source, "source is null");
  }

  public boolean prompt() {
    return source.equals("Prompt");
  }
}
