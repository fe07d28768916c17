package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Prices times tokens, exact for every deployment type, for batch and for cached input. */
class PricingTest {
  private static Price price(DeploymentType type, String in, String cached, String out) {
    return new Price(
        "gpt-4o-mini",
        "2024-07-18",
        type,
        new BigDecimal(in),
        new BigDecimal(cached),
        new BigDecimal(out),
        BigDecimal.ZERO,
        "2025-12-01");
  }

  @Test
  void globalStandardIsInputPlusOutputPerMillion() {
    // 1,234,567 prompt and 7,654,321 completion tokens of gpt-4o-mini Global (0.15 / 0.60).
    BigDecimal usd =
        Pricing.usd(
            price(DeploymentType.GLOBAL, "0.15", "0.075", "0.60"), 1_234_567, 0, 7_654_321, false);
    assertThat(usd).isEqualByComparingTo("4.77777765");
    assertThat(Pricing.pico(usd)).isEqualTo(4_777_777_650_000L);
  }

  @Test
  void oneTokenIsNotRoundedAway() {
    // 0.083 USD per million cached tokens of Data Zone: one token is 0.000000083 USD, which four
    // decimal places would lose entirely.
    Price dataZone = price(DeploymentType.DATA_ZONE, "0.165", "0.083", "0.66");
    assertThat(Pricing.usd(dataZone, 1, 1, 0, false)).isEqualByComparingTo("0.000000083");
    assertThat(Pricing.pico(Pricing.usd(dataZone, 1, 1, 0, false))).isEqualTo(83_000L);
    assertThat(Pricing.usd(dataZone, 1, 0, 1, false)).isEqualByComparingTo("0.000000825");
  }

  @Test
  void cachedPromptTokensArePricedAtTheCachedRate() {
    Price global = price(DeploymentType.GLOBAL, "2.50", "1.25", "10.00");
    // 1000 prompt tokens of which 600 cached: 400 * 2.50 + 600 * 1.25 = 1750 per million.
    assertThat(Pricing.usd(global, 1000, 600, 0, false)).isEqualByComparingTo("0.00175");
    // A cached count above the prompt count is capped at the prompt count.
    assertThat(Pricing.usd(global, 10, 50, 0, false)).isEqualByComparingTo("0.0000125");
  }

  @Test
  void everyDeploymentTypeUsesItsOwnRow() {
    long prompt = 333_333;
    long completion = 77_777;
    assertThat(
            Pricing.usd(
                price(DeploymentType.GLOBAL, "2.50", "1.25", "10.00"),
                prompt,
                0,
                completion,
                false))
        .isEqualByComparingTo("1.61110250");
    assertThat(
            Pricing.usd(
                price(DeploymentType.DATA_ZONE, "2.75", "1.375", "11.00"),
                prompt,
                0,
                completion,
                false))
        .isEqualByComparingTo("1.772212750");
    assertThat(
            Pricing.usd(
                price(DeploymentType.REGIONAL, "0.165", "0.083", "0.66"),
                prompt,
                0,
                completion,
                false))
        .isEqualByComparingTo("0.106332765");
  }

  @Test
  void batchIsHalfOfItsStandardTypeToTheLastPicoDollar() {
    Price dataZone = price(DeploymentType.DATA_ZONE, "0.165", "0.083", "0.66");
    BigDecimal standard = Pricing.usd(dataZone, 12_345, 6_789, 1_001, false);
    BigDecimal batch = Pricing.usd(dataZone, 12_345, 6_789, 1_001, true);
    // (5,556 * 0.165 + 6,789 * 0.083 + 1,001 * 0.66) / 1e6 = 0.002140887 USD; half is 0.0010704435.
    assertThat(standard).isEqualByComparingTo("0.002140887");
    assertThat(batch).isEqualByComparingTo("0.0010704435");
    assertThat(Pricing.pico(batch)).isEqualTo(1_070_443_500L);
    assertThat(Pricing.usd(Pricing.pico(batch))).isEqualByComparingTo(batch);
  }

  @Test
  void deploymentSkusMapToPriceTypes() {
    assertThat(DeploymentType.ofSku("GlobalStandard")).isEqualTo(DeploymentType.GLOBAL);
    assertThat(DeploymentType.ofSku("GlobalBatch")).isEqualTo(DeploymentType.GLOBAL);
    assertThat(DeploymentType.ofSku("DataZoneStandard")).isEqualTo(DeploymentType.DATA_ZONE);
    assertThat(DeploymentType.ofSku("DataZoneBatch")).isEqualTo(DeploymentType.DATA_ZONE);
    assertThat(DeploymentType.ofSku("Standard")).isEqualTo(DeploymentType.REGIONAL);
    assertThat(DeploymentType.ofSku("ProvisionedManaged")).isEqualTo(DeploymentType.PROVISIONED);
    assertThat(DeploymentType.ofSku("GlobalProvisionedManaged"))
        .isEqualTo(DeploymentType.PROVISIONED);
    assertThat(DeploymentType.isBatchSku("GlobalBatch")).isTrue();
    assertThat(DeploymentType.isBatchSku("GlobalStandard")).isFalse();
  }

  @Test
  void chargedWhenTheServiceProcessedTheRequest() {
    assertThat(Billing.charged(200)).isTrue();
    assertThat(Billing.charged(400)).as("content filter").isTrue();
    assertThat(Billing.charged(408)).as("time-out").isTrue();
    assertThat(Billing.charged(499)).as("client left mid-stream").isTrue();
    assertThat(Billing.charged(401)).isFalse();
    assertThat(Billing.charged(403)).isFalse();
    assertThat(Billing.charged(404)).isFalse();
    assertThat(Billing.charged(429)).isFalse();
  }

  @Test
  void thePriceTableFallsBackToTheModelsAnyVersionRow() {
    Price any =
        new Price(
            "text-embedding-3-small",
            Price.ANY_VERSION,
            DeploymentType.GLOBAL,
            new BigDecimal("0.02"),
            new BigDecimal("0.02"),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            "2025-12-01");
    var table = new PriceTable(java.util.List.of(any));
    assertThat(table.find("text-embedding-3-small", "1", DeploymentType.GLOBAL)).contains(any);
    assertThat(table.find("text-embedding-3-small", "1", DeploymentType.REGIONAL)).isEmpty();
  }
}
