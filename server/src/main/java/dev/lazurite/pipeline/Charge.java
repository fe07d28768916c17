package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a request is charged, priced once when its ledger closes: metering, audit and metrics all
 * read this one figure, so the cost they report cannot differ.
 *
 * @param resourceGroup the resource group of the account at the time of the request
 * @param pricing the price row it was priced from ({@code model/version/type}, {@code +batch} at
 *     half price), empty when no price applied
 * @param tags the account's tags, overridden by the deployment's
 * @param picoUsd the cost in 10⁻¹² USD
 */
public record Charge(String resourceGroup, String pricing, Map<String, String> tags, long picoUsd) {
  public static final Charge NONE = new Charge("", "", Map.of(), 0);

  private static final int PICO = 12;

  public Charge {
    requireNonNull(resourceGroup, "resourceGroup is null");
    requireNonNull(pricing, "pricing is null");
    // Nearly every request's account and deployment carry no tags.
    tags = tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    if (picoUsd < 0) {
      throw new IllegalArgumentException("picoUsd must be >= 0: " + picoUsd);
    }
  }

  /** The cost in USD, exact, without trailing zeros. */
  public BigDecimal usd() {
    BigDecimal usd = BigDecimal.valueOf(picoUsd, PICO).stripTrailingZeros();
    return usd.scale() < 0 ? usd.setScale(0) : usd;
  }
}
