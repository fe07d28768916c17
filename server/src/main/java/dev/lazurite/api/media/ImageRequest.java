package dev.lazurite.api.media;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST …/images/generations}: what to draw, how many, at which size and quality.
 *
 * @param size {@code WIDTHxHEIGHT}
 * @param quality {@code standard|hd} (DALL-E 3) or {@code low|medium|high} (gpt-image-1)
 * @param base64 whether images come back as {@code b64_json} rather than a {@code url}
 */
public record ImageRequest(
    ObjectNode raw,
    String prompt,
    int n,
    String size,
    String quality,
    String style,
    boolean base64,
    String user)
    implements MediaRequest {
  public ImageRequest {
    requireNonNull(raw, "raw is null");
    requireNonNull(prompt, "prompt is null");
    requireNonNull(size, "size is null");
    requireNonNull(quality, "quality is null");
    requireNonNull(style, "style is null");
    requireNonNull(user, "user is null");
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1");
    }
  }

  public int width() {
    return Integer.parseInt(size.substring(0, size.indexOf('x')));
  }

  public int height() {
    return Integer.parseInt(size.substring(size.indexOf('x') + 1));
  }
}
