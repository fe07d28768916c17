package dev.lazurite.runtime;

import java.util.Map;

/** Azure region names and the display names {@code x-ms-region} carries. */
public final class Regions {
  private static final Map<String, String> DISPLAY =
      Map.ofEntries(
          Map.entry("eastus", "East US"),
          Map.entry("eastus2", "East US 2"),
          Map.entry("westus", "West US"),
          Map.entry("westus3", "West US 3"),
          Map.entry("northcentralus", "North Central US"),
          Map.entry("southcentralus", "South Central US"),
          Map.entry("westeurope", "West Europe"),
          Map.entry("swedencentral", "Sweden Central"),
          Map.entry("francecentral", "France Central"),
          Map.entry("uksouth", "UK South"),
          Map.entry("japaneast", "Japan East"),
          Map.entry("australiaeast", "Australia East"),
          Map.entry("canadaeast", "Canada East"));

  private Regions() {}

  /** The region names Lazurite knows, e.g. {@code swedencentral}, sorted. */
  public static java.util.List<String> names() {
    return DISPLAY.keySet().stream().sorted().toList();
  }

  public static String displayName(String location) {
    String key = location.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    return DISPLAY.getOrDefault(key, location);
  }
}
