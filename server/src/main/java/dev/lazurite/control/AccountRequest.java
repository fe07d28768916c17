package dev.lazurite.control;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * What an account {@code PUT} or {@code PATCH} asks for; every field is checked before anything is
 * stored. What a request leaves out is empty.
 */
public record AccountRequest(
    Optional<String> location,
    Optional<String> kind,
    Optional<String> skuName,
    Optional<Map<String, String>> tags,
    Optional<Boolean> disableLocalAuth,
    Optional<String> customSubDomainName,
    NetworkRequest network) {
  public AccountRequest {
    requireNonNull(location, "location is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(skuName, "skuName is null");
    tags = tags.map(Map::copyOf);
    requireNonNull(disableLocalAuth, "disableLocalAuth is null");
    requireNonNull(customSubDomainName, "customSubDomainName is null");
    requireNonNull(network, "network is null");
  }
}
