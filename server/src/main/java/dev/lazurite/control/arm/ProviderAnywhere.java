package dev.lazurite.control.arm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An extension provider reached under any scope: {@code {scope}/providers/{provider}/{rest}}, as
 * {@code Microsoft.Authorization} is under a subscription, a resource group or a resource. Matches
 * name {@code scope} (with its leading slash) and {@code rest}.
 */
public record ProviderAnywhere(String provider) implements PathPattern {
  @Override
  public Optional<Map<String, String>> match(List<String> path) {
    int at = index(path);
    if (at < 0) {
      return Optional.empty();
    }
    return Optional.of(
        Map.of("scope", scope(path), "rest", String.join("/", path.subList(at + 2, path.size()))));
  }

  @Override
  public String scope(List<String> path) {
    int at = index(path);
    return "/" + String.join("/", path.subList(0, Math.max(at, 0)));
  }

  /** The index of {@code providers} followed by this provider, after the subscription; or -1. */
  private int index(List<String> path) {
    for (int i = 2; i + 1 < path.size(); i++) {
      if (path.get(i).equalsIgnoreCase("providers")
          && path.get(i + 1).toLowerCase(Locale.ROOT).equals(provider.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }
}
