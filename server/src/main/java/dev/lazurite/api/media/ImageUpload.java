package dev.lazurite.api.media;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;
import java.nio.ByteBuffer;

/**
 * A PNG uploaded to {@code images/edits} (an image to edit, or its mask), with the size its header
 * gives.
 *
 * @param field the form field it came in ({@code image}, {@code image[]} or {@code mask})
 */
public record ImageUpload(String field, String filename, byte[] png, int width, int height) {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  public ImageUpload {
    requireNonNull(field, "field is null");
    requireNonNull(filename, "filename is null");
    requireNonNull(png, "png is null");
  }

  /** Reads an upload's PNG header; anything else is OpenAI's 400 for an unsupported file. */
  public static ImageUpload png(String field, String filename, byte[] bytes) {
    if (bytes.length < 24 || !java.util.Arrays.equals(bytes, 0, 8, SIGNATURE, 0, 8)) {
      String param = field.equals("mask") ? "mask" : "image";
      throw ApiException.invalid(
          "Invalid file '"
              + param
              + "': unsupported mimetype ('application/octet-stream'). Supported file formats are"
              + " 'image/png'.",
          param,
          "invalid_image_format");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
    int width = header.getInt();
    int height = header.getInt();
    if (width <= 0 || height <= 0) {
      throw ApiException.invalid(
          "Invalid file '" + field + "': the PNG has no valid size.", field, "invalid_image");
    }
    return new ImageUpload(field, filename, bytes, width, height);
  }

  public String size() {
    return width + "x" + height;
  }
}
