package dev.lazurite.cost;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * The scope a cost resource lives at: a subscription, or a resource group in it.
 *
 * @param resourceGroup empty for the subscription scope
 */
public record ArmScope(String subscription, Optional<String> resourceGroup) {
  public ArmScope {
    requireNonNull(subscription, "subscription is null");
    requireNonNull(resourceGroup, "resourceGroup is null");
  }

  public String path() {
    return "/subscriptions/"
        + subscription
        + resourceGroup.map(rg -> "/resourceGroups/" + rg).orElse("");
  }

  /** The key rows are stored under: ARM ids compare without regard to case. */
  public String key() {
    return path().toLowerCase(Locale.ROOT);
  }

  /** A scope path as {@link #path()} writes it. */
  public static ArmScope parse(String path) {
    String[] p = path.replaceFirst("^/", "").split("/");
    return new ArmScope(p[1], p.length >= 4 ? Optional.of(p[3]) : Optional.empty());
  }

  /** Whether usage of an account in resource group {@code group} falls in this scope. */
  public boolean covers(String group) {
    return resourceGroup.map(rg -> rg.equalsIgnoreCase(group)).orElse(true);
  }
}
