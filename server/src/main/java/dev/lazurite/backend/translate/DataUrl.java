package dev.lazurite.backend.translate;

import dev.lazurite.error.ApiException;
import java.util.Optional;

/**
 * An image sent inline as a base64 {@code data:} URL, split into its media type and data.
 *
 * @param mediaType the media type before {@code ;base64} (may be empty)
 * @param data the base64 data after the comma
 */
public record DataUrl(String mediaType, String data) {
  private static final String BASE64 = ";base64";

  /**
   * The data URL in message {@code i}'s content, or empty for any other URL; a data URL that is not
   * base64 is the client's error.
   */
  public static Optional<DataUrl> parse(String url, int i) {
    if (!url.startsWith("data:")) {
      return Optional.empty();
    }
    int comma = url.indexOf(',');
    String meta = comma < 0 ? "" : url.substring(5, comma);
    if (comma < 0 || !meta.endsWith(BASE64)) {
      throw ApiException.invalid(
          "An image data URL must be base64 encoded.", "messages[%d].content".formatted(i), null);
    }
    return Optional.of(
        new DataUrl(meta.substring(0, meta.length() - BASE64.length()), url.substring(comma + 1)));
  }
}
