package dev.lazurite.cost;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What image and audio models cost, in the units their calls are metered by: images in
 * "standard-image units" (a DALL-E 3 standard 1024x1024 image is one unit, an HD or wide one two,
 * an HD wide one three; a gpt-image-1 low-quality square image is one unit, medium four, high
 * fifteen, wide ones half as much again), transcription by the second of audio, speech by the
 * character. Figures from Azure's price list, 2025-12. The price table holds the same figures (per
 * million units) and is read first, so an operator can change them; these apply to a media model
 * the table has no row for.
 */
public final class MediaPrices {
  public static final String AS_OF = "2025-12-01";

  private static final Map<String, BigDecimal> PER_UNIT =
      Map.of(
          "dall-e-3", new BigDecimal("0.04"),
          "gpt-image-1", new BigDecimal("0.011"),
          // $0.36 an hour of audio.
          "whisper", new BigDecimal("0.0001"),
          // $0.006 a minute.
          "gpt-4o-transcribe", new BigDecimal("0.0001"),
          // $15 and $30 per million characters.
          "tts", new BigDecimal("0.000015"),
          "tts-hd", new BigDecimal("0.00003"));

  private MediaPrices() {}

  /** The price of one metered unit of a media model; empty for other models. */
  public static Optional<BigDecimal> perUnit(String model) {
    return Optional.ofNullable(PER_UNIT.get(model));
  }

  /** The metered units of {@code n} images of a size and quality. */
  public static int imageUnits(String model, String size, String quality, int n) {
    boolean square = size.equals("1024x1024");
    int each =
        model.startsWith("gpt-image")
            ? switch (quality) {
              case "low" -> 1;
              case "high" -> square ? 15 : 23;
              default -> square ? 4 : 6;
            }
            : (quality.equals("hd") ? 2 : 1) + (square ? 0 : 1);
    return each * n;
  }
}
