package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How resources are addressed and whom the listeners believe about a client's address.
 *
 * @param endpointHostTemplate a host name per resource, e.g. {@code
 *     {name}.openai.example.internal}; empty for a path per resource
 * @param trustedProxies comma-separated addresses or CIDRs whose {@code X-Forwarded-For} is
 *     believed
 */
public record EdgeConfig(Optional<String> endpointHostTemplate, Optional<String> trustedProxies) {
  public static final EdgeConfig DEFAULT = new EdgeConfig(Optional.empty(), Optional.empty());

  public EdgeConfig {
    requireNonNull(endpointHostTemplate, "endpointHostTemplate is null");
    requireNonNull(trustedProxies, "trustedProxies is null");
  }
}
