package dev.lazurite.cost;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One row of the price table, in USD: per million input, cached input and output tokens, and per
 * PTU-hour for provisioned types.
 *
 * @param version the model version, or {@code *} for every version without a row of its own
 * @param asOf the date the figures were taken from Azure's price list
 */
public record Price(
    String model,
    String version,
    DeploymentType type,
    BigDecimal inputPerMillion,
    BigDecimal cachedInputPerMillion,
    BigDecimal outputPerMillion,
    BigDecimal perHour,
    String asOf) {
  public static final String ANY_VERSION = "*";

  public Price {
    requireNonNull(model, "model is null");
    requireNonNull(version, "version is null");
    requireNonNull(type, "type is null");
    nonNegative(inputPerMillion, "inputPerMillion");
    nonNegative(cachedInputPerMillion, "cachedInputPerMillion");
    nonNegative(outputPerMillion, "outputPerMillion");
    nonNegative(perHour, "perHour");
    requireNonNull(asOf, "asOf is null");
    if (model.isBlank() || version.isBlank()) {
      throw new IllegalArgumentException("model and version must not be blank");
    }
  }

  private static void nonNegative(BigDecimal value, String name) {
    requireNonNull(value, name + " is null");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value.toPlainString());
    }
  }

  /** How usage rows name the row they were priced from. */
  public String key() {
    return model + "/" + version + "/" + type.wire();
  }
}
