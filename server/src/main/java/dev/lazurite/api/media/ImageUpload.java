package dev.lazurite.api.media;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An image uploaded to {@code images/edits} (an image to edit, or its mask), with its format and
 * the size its header gives. Images may be PNG or JPEG, as Azure OpenAI takes them; a mask is a
 * PNG.
 *
 * @param field the form field it came in ({@code image}, {@code image[]} or {@code mask})
 */
public record ImageUpload(
    String field, String filename, byte[] bytes, ImageFormat format, int width, int height) {
  /**
   * The most pixels an upload's header may declare: a small compressed file can announce a huge
   * image, and decoding it would cost memory and time out of proportion to its bytes.
   */
  public static final long MAX_PIXELS = 50_000_000;

  public ImageUpload {
    requireNonNull(field, "field is null");
    requireNonNull(filename, "filename is null");
    requireNonNull(bytes, "bytes is null");
    requireNonNull(format, "format is null");
  }

  /**
   * Reads an upload's header; a file that is not a PNG or JPEG (a mask: not a PNG) is OpenAI's 400
   * for an unsupported file.
   */
  public static ImageUpload read(String field, String filename, byte[] bytes) {
    boolean mask = field.equals("mask");
    String param = mask ? "mask" : "image";
    ImageFormat format =
        ImageFormat.sniff(bytes)
            .filter(f -> !mask || f == ImageFormat.PNG)
            .orElseThrow(() -> unsupported(param, mask));
    int[] size = format == ImageFormat.PNG ? pngSize(bytes) : jpegSize(bytes);
    if (size == null || size[0] <= 0 || size[1] <= 0) {
      throw ApiException.invalid(
          "Invalid file '%s': the %s has no valid size.".formatted(field, format.name()),
          field,
          "invalid_image");
    }
    if ((long) size[0] * size[1] > MAX_PIXELS) {
      throw ApiException.invalid(
          "Invalid file '%s': the image is %dx%d; images of at most %d megapixels are accepted."
              .formatted(field, size[0], size[1], MAX_PIXELS / 1_000_000),
          field,
          "image_too_large");
    }
    return new ImageUpload(field, filename, bytes, format, size[0], size[1]);
  }

  public String size() {
    return width + "x" + height;
  }

  private static ApiException unsupported(String param, boolean mask) {
    String supported = mask ? "'image/png'" : "'image/jpeg' and 'image/png'";
    return ApiException.invalid(
        "Invalid file '"
            + param
            + "': unsupported mimetype ('application/octet-stream'). Supported file formats are "
            + supported
            + ".",
        param,
        "invalid_image_format");
  }

  /** Width and height from the IHDR chunk that follows the signature. */
  private static int[] pngSize(byte[] bytes) {
    if (bytes.length < 24) {
      return null;
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
    return new int[] {header.getInt(), header.getInt()};
  }

  /** Width and height from the JPEG's frame header, read by ImageIO without decoding pixels. */
  private static int[] jpegSize(byte[] bytes) {
    var readers = ImageIO.getImageReadersByFormatName("jpeg");
    if (!readers.hasNext()) {
      return null;
    }
    ImageReader reader = readers.next();
    try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      return new int[] {reader.getWidth(0), reader.getHeight(0)};
    } catch (IOException | RuntimeException e) {
      return null;
    } finally {
      reader.dispose();
    }
  }
}
