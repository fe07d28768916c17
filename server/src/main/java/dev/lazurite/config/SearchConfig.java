package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The search service's settings.
 *
 * @param ingestRoot the folders indexers may crawl; empty for {@code documents} in the data
 *     directory
 */
public record SearchConfig(Optional<Path> ingestRoot) {
  public static final SearchConfig DEFAULT = new SearchConfig(Optional.empty());

  public SearchConfig {
    requireNonNull(ingestRoot, "ingestRoot is null");
  }
}
