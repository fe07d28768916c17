package dev.lazurite.cost;

import java.util.Locale;
import java.util.Optional;

/**
 * The deployment types Azure prices separately. A batch SKU is priced from its standard type at
 * half price ({@link #isBatchSku}); provisioned types are priced per PTU-hour, not per token.
 */
public enum DeploymentType {
  GLOBAL("Global"),
  DATA_ZONE("DataZone"),
  REGIONAL("Regional"),
  PROVISIONED("Provisioned");

  private final String wire;

  DeploymentType(String wire) {
    this.wire = wire;
  }

  /** The name the price table and the API use: {@code Global}, {@code DataZone}, … */
  public String wire() {
    return wire;
  }

  /** The type named by its wire name in any case. */
  public static Optional<DeploymentType> parse(String name) {
    for (DeploymentType type : values()) {
      if (type.wire.equalsIgnoreCase(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The price type of a deployment SKU such as {@code GlobalStandard} or {@code DataZoneBatch}. */
  public static DeploymentType ofSku(String sku) {
    String s = sku.toLowerCase(Locale.ROOT);
    if (s.contains("provisioned")) {
      return PROVISIONED;
    }
    if (s.startsWith("global")) {
      return GLOBAL;
    }
    if (s.startsWith("datazone")) {
      return DATA_ZONE;
    }
    return REGIONAL;
  }

  /** Whether a SKU is a batch deployment type, billed at 50 %. */
  public static boolean isBatchSku(String sku) {
    return sku.toLowerCase(Locale.ROOT).endsWith("batch");
  }
}
