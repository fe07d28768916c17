package dev.lazurite.media;

import static dev.lazurite.media.ImageEditsApiTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingMultipart;
import dev.lazurite.testing.TestingServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gpt-image-1's file formats on the simulator: JPEG uploads are edited like PNGs, {@code
 * output_format} {@code jpeg} answers JPEG files at the requested quality, and what Azure does not
 * serve (WebP, a JPEG mask, a transparent JPEG, compression of a PNG) is a 400.
 */
class ImageFormatsApiTest {
  static final String VERSION = "?api-version=2025-04-01-preview";
  static final String EDITS = "/openai/deployments/image/images/edits" + VERSION;
  static final String GENERATIONS = "/openai/deployments/image/images/generations" + VERSION;
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    server.deploy(
        new DeploymentRequest(
            "image", "gpt-image-1", "", "Standard", 10, "", "", Optional.empty()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static byte[] jpeg(int width, int height, int rgb) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  private static byte[] file(JsonNode item) {
    return Base64.getDecoder().decode(item.get("b64_json").asText());
  }

  private static boolean isJpeg(byte[] bytes) {
    return bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
  }

  private static TestingHttp.Result generate(String body) {
    return server.http().post(GENERATIONS, body);
  }

  private static TestingHttp.Result edit(TestingMultipart form) {
    return form.post(server.endpoint() + EDITS, server.key());
  }

  @Test
  void aJpegIsEditedAndAnsweredInTheFormatAskedFor() throws Exception {
    byte[] red = jpeg(1024, 1536, 0xff0000);
    var png = edit(new TestingMultipart().file("image", "red.jpg", red).field("prompt", "a hat"));
    assertThat(png.status()).as(png.body()).isEqualTo(200);
    byte[] pngFile = file(png.json().get("data").get(0));
    assertThat(pngFile[1]).isEqualTo((byte) 'P');
    var decoded = ImageIO.read(new ByteArrayInputStream(pngFile));
    assertThat(decoded.getWidth()).as("size auto keeps the JPEG's size").isEqualTo(1024);
    assertThat(decoded.getHeight()).isEqualTo(1536);

    var jpeg =
        edit(
            new TestingMultipart()
                .file("image", "red.jpg", red)
                .file("mask", "m.png", ImageEditsApiTest.png(1024, 1536, 0))
                .field("prompt", "a hat")
                .field("output_format", "jpeg")
                .field("output_compression", "40"));
    assertThat(jpeg.status()).as(jpeg.body()).isEqualTo(200);
    byte[] jpegFile = file(jpeg.json().get("data").get(0));
    assertThat(isJpeg(jpegFile)).isTrue();
    assertThat(ImageIO.read(new ByteArrayInputStream(jpegFile)).getWidth()).isEqualTo(1024);
  }

  @Test
  void generationsAnswerJpegAtTheRequestedCompression() throws Exception {
    var best = generate("{\"prompt\":\"a lighthouse\",\"output_format\":\"jpeg\"}");
    var small =
        generate(
            "{\"prompt\":\"a lighthouse\",\"output_format\":\"jpeg\",\"output_compression\":5}");
    assertThat(best.status()).as(best.body()).isEqualTo(200);
    assertThat(small.status()).as(small.body()).isEqualTo(200);
    byte[] bestFile = file(best.json().get("data").get(0));
    byte[] smallFile = file(small.json().get("data").get(0));
    assertThat(isJpeg(bestFile)).isTrue();
    assertThat(isJpeg(smallFile)).isTrue();
    assertThat(smallFile.length).isLessThan(bestFile.length);
    assertThat(ImageIO.read(new ByteArrayInputStream(bestFile)).getHeight()).isEqualTo(1024);

    var png = generate("{\"prompt\":\"a lighthouse\",\"output_format\":\"png\"}");
    assertThat(file(png.json().get("data").get(0))[1]).isEqualTo((byte) 'P');
  }

  @Test
  void formatsAzureDoesNotServeAreRefused() throws Exception {
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    var webpImage = edit(new TestingMultipart().file("image", "a.webp", webp).field("prompt", "x"));
    assertInvalid(webpImage, "image");
    assertThat(webpImage.json().at("/error/message").asText())
        .contains("'image/jpeg' and 'image/png'");
    assertThat(webpImage.json().at("/error/code").asText()).isEqualTo("invalid_image_format");

    byte[] image = jpeg(64, 64, 0x00ff00);
    var jpegMask =
        edit(
            new TestingMultipart()
                .file("image", "a.jpg", image)
                .file("mask", "m.jpg", image)
                .field("prompt", "x"));
    assertInvalid(jpegMask, "mask");
    assertThat(jpegMask.json().at("/error/message").asText()).contains("'image/png'");

    byte[] huge = ImageEditsApiTest.png(4, 4, 0xff000000);
    java.nio.ByteBuffer.wrap(huge, 16, 8).putInt(20_000).putInt(20_000);
    var tooManyPixels =
        edit(new TestingMultipart().file("image", "huge.png", huge).field("prompt", "x"));
    assertInvalid(tooManyPixels, "image");
    assertThat(tooManyPixels.json().at("/error/code").asText()).isEqualTo("image_too_large");

    byte[] truncated = java.util.Arrays.copyOf(image, 4);
    assertInvalid(
        edit(new TestingMultipart().file("image", "a.jpg", truncated).field("prompt", "x")),
        "image");
    assertInvalid(
        edit(
            new TestingMultipart()
                .file("image", "a.jpg", image)
                .field("prompt", "x")
                .field("output_format", "webp")),
        "output_format");

    assertInvalid(generate("{\"prompt\":\"x\",\"output_format\":\"webp\"}"), "output_format");
    assertInvalid(generate("{\"prompt\":\"x\",\"output_format\":7}"), "output_format");
    assertInvalid(
        generate("{\"prompt\":\"x\",\"output_format\":\"jpeg\",\"background\":\"transparent\"}"),
        "background");
    assertInvalid(generate("{\"prompt\":\"x\",\"output_compression\":50}"), "output_compression");
    assertInvalid(
        generate("{\"prompt\":\"x\",\"output_format\":\"jpeg\",\"output_compression\":101}"),
        "output_compression");
  }
}
