package dev.lazurite.deployment;

import java.util.List;

/** The deployment types Azure offers. */
public final class SkuNames {
  public static final List<String> ALL =
      List.of(
          "Standard",
          "GlobalStandard",
          "DataZoneStandard",
          "GlobalBatch",
          "DataZoneBatch",
          "ProvisionedManaged",
          "GlobalProvisionedManaged",
          "DataZoneProvisionedManaged");

  private SkuNames() {}

  /** The canonical spelling of a SKU name given in any case, or null when unknown. */
  public static String canonical(String name) {
    return ALL.stream().filter(s -> s.equalsIgnoreCase(name)).findFirst().orElse(null);
  }
}
