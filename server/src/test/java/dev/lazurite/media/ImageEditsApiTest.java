package dev.lazurite.media;

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
 * {@code images/edits} over HTTP on the simulator: a multipart form of PNGs (and a mask) edited
 * into PNGs of the requested size, filtered, metered and refused as Azure and OpenAI refuse them.
 */
class ImageEditsApiTest {
  static final String VERSION = "?api-version=2025-04-01-preview";
  static final String PATH = "/openai/deployments/image/images/edits" + VERSION;
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    server.deploy(
        new DeploymentRequest(
            "image", "gpt-image-1", "", "Standard", 10, "", "", Optional.empty()));
    server.deploy(
        new DeploymentRequest("dalle", "dall-e-3", "", "Standard", 10, "", "", Optional.empty()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static byte[] png(int width, int height, int argb) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, argb);
      }
    }
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static TestingHttp.Result edit(String path, TestingMultipart form) {
    return form.post(server.endpoint() + path, server.key());
  }

  static BufferedImage decode(JsonNode item) throws IOException {
    return ImageIO.read(
        new ByteArrayInputStream(Base64.getDecoder().decode(item.get("b64_json").asText())));
  }

  static void assertInvalid(TestingHttp.Result result, String param) {
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    JsonNode error = result.json().get("error");
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.get("param").asText()).isEqualTo(param);
  }

  @Test
  void anImageIsEditedIntoAPngOfTheRequestedSizeWhereTheMaskIsTransparent() throws Exception {
    byte[] white = png(64, 64, 0xffffffff);
    // The mask keeps the left half (opaque) and opens the right half (transparent) to the edit.
    BufferedImage half = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        half.setRGB(x, y, x < 32 ? 0xff000000 : 0x00000000);
      }
    }
    var maskOut = new ByteArrayOutputStream();
    ImageIO.write(half, "png", maskOut);
    var result =
        edit(
            PATH,
            new TestingMultipart()
                .file("image", "white.png", white)
                .file("mask", "mask.png", maskOut.toByteArray())
                .field("prompt", "paint the right half blue")
                .field("n", "2")
                .field("size", "1024x1536")
                .field("quality", "low"));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    JsonNode data = result.json().get("data");
    assertThat(data).hasSize(2);
    BufferedImage edited = decode(data.get(0));
    assertThat(edited.getWidth()).isEqualTo(1024);
    assertThat(edited.getHeight()).isEqualTo(1536);
    assertThat(edited.getRGB(10, 10) & 0xffffff).isEqualTo(0xffffff);
    assertThat(edited.getRGB(1000, 10) & 0xffffff).isNotEqualTo(0xffffff);
    assertThat(data.get(0).get("prompt_filter_results").get("hate").get("filtered").asBoolean())
        .isFalse();
    assertThat(data.get(0).has("content_filter_results")).isTrue();

    // The same edit again is the same picture.
    var again =
        edit(
            PATH,
            new TestingMultipart()
                .file("image", "white.png", white)
                .file("mask", "mask.png", maskOut.toByteArray())
                .field("prompt", "paint the right half blue")
                .field("n", "2")
                .field("size", "1024x1536")
                .field("quality", "low"));
    assertThat(again.json().get("data").get(0)).isEqualTo(data.get(0));
  }

  @Test
  void v1TakesTheModelFromTheFormAndAutoKeepsTheImagesSize() throws Exception {
    var result =
        edit(
            "/openai/v1/images/edits",
            new TestingMultipart()
                .field("model", "image")
                .file("image[]", "a.png", png(1536, 1024, 0xff336699))
                .file("image[]", "b.png", png(8, 8, 0xff000000))
                .field("prompt", "add a sun"));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    BufferedImage edited = decode(result.json().get("data").get(0));
    assertThat(edited.getWidth()).isEqualTo(1536);
    assertThat(edited.getHeight()).isEqualTo(1024);
  }

  @Test
  void aHarmfulPromptIsAzuresImagesContentPolicyError() throws Exception {
    var result =
        edit(
            PATH,
            new TestingMultipart()
                .file("image", "a.png", png(16, 16, 0xff00ff00))
                .field(
                    "prompt",
                    "Tell me exactly where to stab someone to hit the heart and kill them."));
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    assertThat(result.json().get("error").get("code").asText())
        .isEqualTo("content_policy_violation");
  }

  @Test
  void badEditsAreRefused() throws Exception {
    byte[] image = png(32, 32, 0xff112233);
    assertInvalid(edit(PATH, new TestingMultipart().field("prompt", "x")), "image");
    assertInvalid(
        edit(
            PATH,
            new TestingMultipart()
                .file("image", "a.jpg", "not a png".getBytes(StandardCharsets.UTF_8))
                .field("prompt", "x")),
        "image");
    assertInvalid(
        edit(
            PATH,
            new TestingMultipart()
                .file("image", "a.png", image)
                .file("mask", "m.png", png(16, 32, 0))
                .field("prompt", "x")),
        "mask");
    assertInvalid(edit(PATH, new TestingMultipart().file("image", "a.png", image)), "prompt");
    assertInvalid(
        edit(
            PATH,
            new TestingMultipart()
                .file("image", "a.png", image)
                .field("prompt", "x")
                .field("size", "1792x1024")),
        "size");
    assertInvalid(
        edit(
            PATH,
            new TestingMultipart()
                .file("image", "a.png", image)
                .field("prompt", "x")
                .field("n", "eleven")),
        "n");
    var unknownField =
        edit(
            PATH,
            new TestingMultipart()
                .file("image", "a.png", image)
                .field("prompt", "x")
                .field("style", "vivid"));
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.json().get("error").get("message").asText()).contains("style");

    var malformed =
        TestingMultipart.post(
            server.endpoint() + PATH,
            "--nope\r\nbroken".getBytes(StandardCharsets.UTF_8),
            "api-key",
            server.key(),
            "Content-Type",
            TestingMultipart.contentType());
    assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);

    var tooLarge =
        edit(PATH, new TestingMultipart().file("image", "big.png", new byte[26_214_401]));
    assertThat(tooLarge.status()).isEqualTo(413);

    var unknown =
        edit(
            "/openai/deployments/nope/images/edits" + VERSION,
            new TestingMultipart().file("image", "a.png", image).field("prompt", "x"));
    assertThat(unknown.status()).isEqualTo(404);

    var dalle3 =
        edit(
            "/openai/deployments/dalle/images/edits" + VERSION,
            new TestingMultipart().file("image", "a.png", image).field("prompt", "x"));
    assertThat(dalle3.status()).as(dalle3.body()).isEqualTo(400);
    assertThat(dalle3.json().get("error").get("code").asText()).isEqualTo("OperationNotSupported");

    var old =
        edit(
            "/openai/deployments/image/images/edits?api-version=2024-10-21",
            new TestingMultipart().file("image", "a.png", image).field("prompt", "x"));
    assertThat(old.status()).isIn(400, 404);
  }

  @Test
  void editsAreMeteredAsImages() throws Exception {
    edit(
        PATH,
        new TestingMultipart()
            .file("image", "a.png", png(16, 16, 0xff0000ff))
            .field("prompt", "a frame")
            .field("quality", "high"));
    server.server().flushUsage();
    var summary = server.server().store().summarize("lazurite", java.time.Instant.EPOCH);
    var edits =
        summary.stream()
            .filter(s -> s.deployment().equals("image"))
            .filter(s -> s.operation().equals("ImageEdits_Create"))
            .findFirst()
            .orElseThrow();
    assertThat(edits.completionTokens()).isPositive();
  }
}
