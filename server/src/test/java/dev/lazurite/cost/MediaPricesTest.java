package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Image units follow Azure's price ratios; audio is priced by the second and by the character. */
class MediaPricesTest {
  static BigDecimal usd(String model, long units) {
    return MediaPrices.perUnit(model).orElseThrow().multiply(BigDecimal.valueOf(units));
  }

  @Test
  void dallE3UnitsAreItsFourPrices() {
    assertThat(usd("dall-e-3", MediaPrices.imageUnits("dall-e-3", "1024x1024", "standard", 1)))
        .isEqualByComparingTo("0.04");
    assertThat(usd("dall-e-3", MediaPrices.imageUnits("dall-e-3", "1792x1024", "standard", 1)))
        .isEqualByComparingTo("0.08");
    assertThat(usd("dall-e-3", MediaPrices.imageUnits("dall-e-3", "1024x1024", "hd", 1)))
        .isEqualByComparingTo("0.08");
    assertThat(usd("dall-e-3", MediaPrices.imageUnits("dall-e-3", "1024x1792", "hd", 1)))
        .isEqualByComparingTo("0.12");
  }

  @Test
  void gptImageUnitsGrowWithQualityAndCount() {
    assertThat(MediaPrices.imageUnits("gpt-image-1", "1024x1024", "low", 3)).isEqualTo(3);
    assertThat(MediaPrices.imageUnits("gpt-image-1", "1024x1024", "medium", 1)).isEqualTo(4);
    assertThat(MediaPrices.imageUnits("gpt-image-1", "1536x1024", "high", 2)).isEqualTo(46);
  }

  @Test
  void anHourOfWhisperAndAMillionCharactersOfTts() {
    assertThat(usd("whisper", 3600)).isEqualByComparingTo("0.36");
    assertThat(usd("tts", 1_000_000)).isEqualByComparingTo("15");
    assertThat(usd("tts-hd", 1_000_000)).isEqualByComparingTo("30");
    assertThat(MediaPrices.perUnit("gpt-4o")).isEmpty();
  }
}
