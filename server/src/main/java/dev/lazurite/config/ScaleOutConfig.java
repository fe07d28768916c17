package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What several instances on one store share besides the database.
 *
 * @param redisUrl where quota counters are shared; empty for in-process counters. Never printed, as
 *     it may carry a password
 * @param masterKeyFile the key that seals stored secrets; empty for {@code master.key} in the data
 *     directory
 */
public record ScaleOutConfig(Optional<String> redisUrl, Optional<Path> masterKeyFile) {
  public static final ScaleOutConfig DEFAULT =
      new ScaleOutConfig(Optional.empty(), Optional.empty());

  public ScaleOutConfig {
    requireNonNull(redisUrl, "redisUrl is null");
    requireNonNull(masterKeyFile, "masterKeyFile is null");
  }

  @Override
  public String toString() {
    return "ScaleOutConfig[redisUrl=%s, masterKeyFile=%s]"
        .formatted(redisUrl.isPresent() ? "***" : "", masterKeyFile.map(Path::toString).orElse(""));
  }
}
