package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.models.images.Image;
import com.openai.models.images.ImageEditParams;
import com.openai.models.images.ImagesResponse;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code images/edits} through com.openai:openai-java, unchanged, in Azure (dated) and v1 modes, on
 * the simulator: a PNG and its mask edited into a PNG of the requested size, a JPEG into a JPEG.
 */
class ImageEditsOpenAiJavaTest {
  static TestingServer server;
  static OpenAIClient azure;
  static OpenAIClient v1;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    server.deploy(
        new DeploymentRequest(
            "image", "gpt-image-1", "", "Standard", 10, "", "", Optional.empty()));
    azure = OpenAiClients.azure(server, "2025-04-01-preview");
    v1 = OpenAiClients.v1(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static byte[] png(int argb) throws Exception {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        image.setRGB(x, y, argb);
      }
    }
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void anImageIsEditedInBothModes() throws Exception {
    for (OpenAIClient client : List.of(azure, v1)) {
      ImagesResponse response =
          client
              .images()
              .edit(
                  ImageEditParams.builder()
                      .model("image")
                      .image(png(0xffffffff))
                      .mask(png(0x00000000))
                      .prompt("paint it green")
                      .size(ImageEditParams.Size._1536X1024)
                      .build());
      Image image = response.data().orElseThrow().getFirst();
      var edited =
          ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.b64Json().get())));
      assertThat(edited.getWidth()).isEqualTo(1536);
      assertThat(edited.getHeight()).isEqualTo(1024);
      assertThat(edited.getRGB(0, 0) & 0xffffff).isNotEqualTo(0xffffff);
    }
  }

  @Test
  void aJpegIsEditedIntoAJpegInBothModes() throws Exception {
    var photo = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB), "jpeg", photo);
    for (OpenAIClient client : List.of(azure, v1)) {
      ImagesResponse response =
          client
              .images()
              .edit(
                  ImageEditParams.builder()
                      .model("image")
                      .image(photo.toByteArray())
                      .prompt("paint it green")
                      .outputFormat(ImageEditParams.OutputFormat.JPEG)
                      .outputCompression(80)
                      .build());
      byte[] file =
          Base64.getDecoder().decode(response.data().orElseThrow().getFirst().b64Json().get());
      assertThat(file[0] & 0xff).isEqualTo(0xff);
      assertThat(file[1] & 0xff).isEqualTo(0xd8);
      assertThat(ImageIO.read(new ByteArrayInputStream(file)).getWidth()).isEqualTo(1024);
    }
  }

  @Test
  void aFileThatIsNotAPngIsRefused() {
    assertThatThrownBy(
            () ->
                v1.images()
                    .edit(
                        ImageEditParams.builder()
                            .model("image")
                            .image("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                            .prompt("x")
                            .build()))
        .isInstanceOf(BadRequestException.class);
  }
}
