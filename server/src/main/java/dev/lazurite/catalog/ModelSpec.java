package dev.lazurite.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A model version Lazurite knows: what it can do, its tokenizer and limits, and the name the
 * service reports in responses.
 *
 * @param responseName the {@code model} field of responses (Azure reports the underlying model)
 * @param maxOutputTokens 0 for embedding models
 * @param dimensions 0 for generative models
 * @param reasoning o-series models: {@code max_tokens} is refused
 */
public record ModelSpec(
    String name,
    String version,
    String format,
    Set<ModelKind> kinds,
    Encoding encoding,
    int contextWindow,
    int maxOutputTokens,
    int dimensions,
    boolean reasoning,
    String responseName) {
  public ModelSpec {
    requireNonNull(name, "name is null");
    requireNonNull(version, "version is null");
    requireNonNull(format, "format is null");
    kinds = Set.copyOf(kinds);
    requireNonNull(encoding, "encoding is null");
    requireNonNull(responseName, "responseName is null");
    if (contextWindow <= 0) {
      throw new IllegalArgumentException("contextWindow must be > 0: " + contextWindow);
    }
  }

  public boolean supports(ModelKind kind) {
    return kinds.contains(kind);
  }

  /** Embedding models whose output length can be chosen with {@code dimensions}. */
  public boolean acceptsDimensions() {
    return name.startsWith("text-embedding-3") || name.startsWith("gemini-embedding");
  }
}
