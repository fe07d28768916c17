package dev.lazurite.backend.simulator;

import dev.lazurite.api.media.ImageFormat;
import dev.lazurite.api.media.ImageUpload;
import dev.lazurite.error.ApiException;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An edited picture, as a PNG or JPEG: the first uploaded image scaled to the requested size and
 * tinted with a colour drawn from the prompt (and the image's index), only where the mask is
 * transparent when there is a mask — the same edit for the same image, mask, prompt, index and
 * size.
 */
final class SimulatedEdits {
  private SimulatedEdits() {}

  static byte[] edit(
      ImageUpload image,
      Optional<ImageUpload> mask,
      String prompt,
      int index,
      int width,
      int height,
      ImageFormat format,
      int compression) {
    BufferedImage source = scaled(decode(image, width, height), width, height);
    BufferedImage where =
        mask.map(m -> scaled(decode(m, width, height), width, height)).orElse(null);
    Random random =
        new Random(
            java.util.Arrays.hashCode(prompt.getBytes(StandardCharsets.UTF_8)) * 31L + index);
    int tint = random.nextInt(0x1000000);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = source.getRGB(x, y);
        boolean edit = where == null || (where.getRGB(x, y) >>> 24) < 128;
        out.setRGB(x, y, edit ? blend(rgb, tint) : rgb & 0xffffff);
      }
    }
    return ImageFiles.encode(out, format, compression);
  }

  /** Half the pixel, half the tint, per channel. */
  private static int blend(int rgb, int tint) {
    int r = (((rgb >> 16) & 0xff) + ((tint >> 16) & 0xff)) / 2;
    int g = (((rgb >> 8) & 0xff) + ((tint >> 8) & 0xff)) / 2;
    int b = ((rgb & 0xff) + (tint & 0xff)) / 2;
    return (r << 16) | (g << 8) | b;
  }

  /**
   * Decodes an upload, reading only every n-th pixel of each row and column when it is at least n
   * times the size it will be scaled to, so the pixels held stay near the answer's size.
   */
  private static BufferedImage decode(ImageUpload upload, int width, int height) {
    int step = Math.max(1, Math.min(upload.width() / width, upload.height() / height));
    BufferedImage read = null;
    var readers = ImageIO.getImageReadersByFormatName(upload.format().wire());
    if (readers.hasNext()) {
      ImageReader reader = readers.next();
      try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload.bytes()))) {
        reader.setInput(in, true, true);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        read = reader.read(0, param);
      } catch (IOException | RuntimeException e) {
        read = null;
      } finally {
        reader.dispose();
      }
    }
    if (read == null) {
      throw ApiException.invalid(
          "Invalid file '" + upload.field() + "': the " + upload.format() + " could not be read.",
          upload.field().equals("mask") ? "mask" : "image",
          "invalid_image");
    }
    return read;
  }

  private static BufferedImage scaled(BufferedImage image, int width, int height) {
    if (image.getWidth() == width && image.getHeight() == height) {
      return image;
    }
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    var g = out.createGraphics();
    try {
      g.drawImage(image.getScaledInstance(width, height, Image.SCALE_FAST), 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
