package dev.lazurite.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of a charge, exact: prices are decimals per million tokens, and a charge is kept
 * in 10⁻¹² USD (pico-dollars), so every price with up to six decimals (five for batch, at half
 * price) times any token count is represented without rounding.
 */
public final class Pricing {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final int PICO = 12;

  private Pricing() {}

  /**
   * The USD cost of a call: uncached prompt tokens at the input price, cached prompt tokens at the
   * cached price, completion tokens at the output price, all halved for batch.
   *
   * @param cachedPromptTokens the part of {@code promptTokens} the prompt cache served
   */
  public static BigDecimal usd(
      Price price,
      long promptTokens,
      long cachedPromptTokens,
      long completionTokens,
      boolean batch) {
    long cached = Math.min(Math.max(0, cachedPromptTokens), promptTokens);
    BigDecimal perMillion =
        price
            .inputPerMillion()
            .multiply(BigDecimal.valueOf(promptTokens - cached))
            .add(price.cachedInputPerMillion().multiply(BigDecimal.valueOf(cached)))
            .add(price.outputPerMillion().multiply(BigDecimal.valueOf(completionTokens)));
    BigDecimal usd = perMillion.divide(MILLION);
    return batch ? usd.multiply(HALF) : usd;
  }

  /** A USD amount in pico-dollars; amounts finer than that are rounded half-even. */
  public static long pico(BigDecimal usd) {
    return usd.setScale(PICO, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
  }

  /** Pico-dollars as USD, exact. */
  public static BigDecimal usd(long pico) {
    return BigDecimal.valueOf(pico, PICO);
  }

  /** Pico-dollars as USD, exact, without trailing zeros (what answers show). */
  public static BigDecimal display(long pico) {
    BigDecimal usd = usd(pico).stripTrailingZeros();
    return usd.scale() < 0 ? usd.setScale(0) : usd;
  }
}
