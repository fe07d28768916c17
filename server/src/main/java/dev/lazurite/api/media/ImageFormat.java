package dev.lazurite.api.media;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The image file formats of {@code images/edits} uploads and of gpt-image-1's {@code
 * output_format}: PNG and JPEG, the two Azure OpenAI takes and returns (it serves no WebP).
 */
public enum ImageFormat {
  PNG("png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
  JPEG("jpeg", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

  /** The {@code output_format} values, in the order error messages list them. */
  public static final List<String> NAMES = List.of("png", "jpeg");

  private final String wire;
  private final String mediaType;
  private final byte[] signature;

  ImageFormat(String wire, String mediaType, byte[] signature) {
    this.wire = wire;
    this.mediaType = mediaType;
    this.signature = signature;
  }

  /** The name {@code output_format} and ImageIO use. */
  public String wire() {
    return wire;
  }

  public String mediaType() {
    return mediaType;
  }

  /** An {@code output_format} value (already checked to be one of {@link #NAMES}). */
  public static ImageFormat named(String wire) {
    return wire.equals("jpeg") ? JPEG : PNG;
  }

  /** The format a file's first bytes announce, if it is one of these. */
  public static Optional<ImageFormat> sniff(byte[] bytes) {
    for (ImageFormat f : values()) {
      if (bytes.length >= f.signature.length
          && Arrays.equals(bytes, 0, f.signature.length, f.signature, 0, f.signature.length)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
