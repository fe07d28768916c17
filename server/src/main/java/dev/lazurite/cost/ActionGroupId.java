package dev.lazurite.cost;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The ARM id of an action group, as a budget's {@code contactGroups} names it. */
public record ActionGroupId(String subscription, String resourceGroup, String name) {
  /**
   * {@code /subscriptions/{s}/resourceGroups/{rg}/providers/microsoft.insights/actionGroups/{n}}.
   */
  public static Optional<ActionGroupId> parse(String id) {
    List<String> p = Arrays.stream(id.split("/")).filter(s -> !s.isEmpty()).toList();
    if (p.size() != 8
        || !p.get(0).equalsIgnoreCase("subscriptions")
        || !p.get(2).equalsIgnoreCase("resourceGroups")
        || !p.get(4).equalsIgnoreCase("providers")
        || !p.get(5).equalsIgnoreCase("microsoft.insights")
        || !p.get(6).equalsIgnoreCase("actionGroups")) {
      return Optional.empty();
    }
    return Optional.of(new ActionGroupId(p.get(1), p.get(3), p.get(7)));
  }

  public ArmScope scope() {
    return new ArmScope(subscription, Optional.of(resourceGroup));
  }

  public String path() {
    return scope().path() + "/providers/microsoft.insights/actionGroups/" + name;
  }

  /** The key rows are stored under. */
  public String key() {
    return path().toLowerCase(Locale.ROOT);
  }
}
