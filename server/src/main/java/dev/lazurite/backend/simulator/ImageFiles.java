package dev.lazurite.backend.simulator;

import dev.lazurite.api.media.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes the simulator's pictures as the file format a request asks for. */
final class ImageFiles {
  private ImageFiles() {}

  /**
   * @param image an RGB image (JPEG has no alpha)
   * @param compression the JPEG quality, 0 to 100 (ignored for PNG)
   */
  static byte[] encode(BufferedImage image, ImageFormat format, int compression) {
    var bytes = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format.wire()).next();
    try (var out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (format == ImageFormat.JPEG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(compression / 100f);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
