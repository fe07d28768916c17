package dev.lazurite.api.media;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST …/images/generations} and {@code …/images/edits}: what to draw (or how to change the
 * uploaded images), how many, at which size and quality.
 *
 * @param size {@code WIDTHxHEIGHT}
 * @param quality {@code standard|hd} (DALL-E 3) or {@code low|medium|high} (gpt-image-1)
 * @param base64 whether images come back as {@code b64_json} rather than a {@code url}
 * @param images the images to edit (none for a generation)
 * @param mask where to edit them: its transparent pixels (an edit only)
 * @param format the file format of the images returned ({@code output_format}, gpt-image-1)
 * @param compression JPEG quality, 0 to 100 ({@code output_compression}; 100 when not given)
 */
public record ImageRequest(
    ObjectNode raw,
    String prompt,
    int n,
    String size,
    String quality,
    String style,
    boolean base64,
    String user,
    java.util.List<ImageUpload> images,
    java.util.Optional<ImageUpload> mask,
    ImageFormat format,
    int compression)
    implements MediaRequest {
  /** A generation: no image to edit. */
  public ImageRequest(
      ObjectNode raw,
      String prompt,
      int n,
      String size,
      String quality,
      String style,
      boolean base64,
      String user,
      ImageFormat format,
      int compression) {
    this(
        raw,
        prompt,
        n,
        size,
        quality,
        style,
        base64,
        user,
        java.util.List.of(),
        java.util.Optional.empty(),
        format,
        compression);
  }

  /** Whether the request edits uploaded images ({@code images/edits}). */
  public boolean edit() {
    return !images.isEmpty();
  }

  public ImageRequest {
    images = java.util.List.copyOf(images);
    requireNonNull(mask, "mask is null");
    requireNonNull(raw, "raw is null");
    requireNonNull(prompt, "prompt is null");
    requireNonNull(size, "size is null");
    requireNonNull(quality, "quality is null");
    requireNonNull(style, "style is null");
    requireNonNull(user, "user is null");
    requireNonNull(format, "format is null");
    if (compression < 0 || compression > 100) {
      throw new IllegalArgumentException("compression must be 0..100");
    }
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
