package dev.lazurite.backend.simulator;

import dev.lazurite.api.media.ImageFormat;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A picture drawn from a prompt, as a PNG or JPEG: bands and blocks in colours chosen by the
 * prompt's hash, the same picture for the same prompt, image index and size.
 */
final class SimulatedImages {
  private static final int TILE = 64;

  private SimulatedImages() {}

  static byte[] draw(
      String prompt, int index, int width, int height, ImageFormat format, int compression) {
    Random random =
        new Random(
            java.util.Arrays.hashCode(prompt.getBytes(StandardCharsets.UTF_8)) * 31L + index);
    int[] palette = new int[8];
    for (int i = 0; i < palette.length; i++) {
      palette[i] = random.nextInt(0x1000000);
    }
    int columns = (width + TILE - 1) / TILE;
    int rows = (height + TILE - 1) / TILE;
    int[] tiles = new int[columns * rows];
    for (int i = 0; i < tiles.length; i++) {
      tiles[i] = palette[random.nextInt(palette.length)];
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        row[x] = tiles[(y / TILE) * columns + x / TILE];
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    return ImageFiles.encode(image, format, compression);
  }
}
