package dev.lazurite.routing;

import java.util.Locale;
import java.util.Set;

/**
 * Data residency by deployment type: Standard stays in the resource's region, DataZone types stay
 * in its data zone (US or EU), Global types may use any region.
 */
final class Regions {
  // Azure's data zones: EU member states and the United States. A region in neither (UK South,
  // Australia East, ...) is a zone of its own, so DataZone deployments there stay put.
  private static final Set<String> EU =
      Set.of(
          "westeurope",
          "northeurope",
          "swedencentral",
          "francecentral",
          "germanywestcentral",
          "italynorth",
          "polandcentral",
          "spaincentral");
  private static final Set<String> US =
      Set.of(
          "eastus",
          "eastus2",
          "westus",
          "westus2",
          "westus3",
          "centralus",
          "northcentralus",
          "southcentralus",
          "westcentralus");

  private Regions() {}

  static boolean eligible(String sku, String accountRegion, String memberRegion) {
    String home = normalize(accountRegion);
    String there = normalize(memberRegion);
    if (sku.startsWith("Global")) {
      return true;
    }
    if (sku.startsWith("DataZone")) {
      return zone(home).equals(zone(there));
    }
    return home.equals(there);
  }

  private static String zone(String region) {
    return EU.contains(region) ? "EU" : US.contains(region) ? "US" : region;
  }

  private static String normalize(String region) {
    return region.toLowerCase(Locale.ROOT).replace(" ", "");
  }
}
