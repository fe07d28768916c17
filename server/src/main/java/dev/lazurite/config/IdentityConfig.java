package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Identity providers besides the server's own.
 *
 * @param trustedIssuers a JSON array of issuers whose tokens the data plane accepts
 */
public record IdentityConfig(Optional<String> trustedIssuers) {
  public static final IdentityConfig DEFAULT = new IdentityConfig(Optional.empty());

  public IdentityConfig {
    requireNonNull(trustedIssuers, "trustedIssuers is null");
  }
}
