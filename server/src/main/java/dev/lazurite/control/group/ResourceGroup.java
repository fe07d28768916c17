package dev.lazurite.control.group;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A resource group ({@code Microsoft.Resources/resourceGroups}): a named container of resources in
 * a subscription, with a location and tags. Its name is unique per subscription, ignoring case.
 */
public record ResourceGroup(
    String subscription,
    String name,
    String location,
    Map<String, String> tags,
    Instant createdAt) {
  public ResourceGroup {
    requireNonNull(subscription, "subscription is null");
    requireNonNull(name, "name is null");
    requireNonNull(location, "location is null");
    tags = Map.copyOf(requireNonNull(tags, "tags is null"));
    requireNonNull(createdAt, "createdAt is null");
  }

  /** The name as it is compared: ARM resource group names ignore case. */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public String id() {
    return "/subscriptions/" + subscription + "/resourceGroups/" + name;
  }
}
