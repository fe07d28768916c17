package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.BadRequestException;
import com.openai.models.audio.speech.SpeechCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.translations.TranslationCreateParams;
import com.openai.models.images.Image;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Images and audio through com.openai:openai-java, unchanged, in Azure (dated) and v1 modes, on the
 * simulator: a PNG of the requested size, speech as WAV, and speech transcribed back to its words.
 */
class MediaOpenAiJavaTest {
  static final String WORDS = "Lazurite speaks and listens to the same words.";
  static TestingServer server;
  static OpenAIClient azure;
  static OpenAIClient v1;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    for (String[] d :
        new String[][] {{"dalle", "dall-e-3"}, {"whisper", "whisper"}, {"tts", "tts"}}) {
      server.deploy(
          new DeploymentRequest(d[0], d[1], "", "Standard", 10, "", "", Optional.empty()));
    }
    azure = OpenAiClients.azure(server);
    v1 = OpenAiClients.v1(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void drawsAnImage(OpenAIClient client) throws Exception {
    ImagesResponse response =
        client
            .images()
            .generate(
                ImageGenerateParams.builder()
                    .model("dalle")
                    .prompt("a watercolour of a harbour")
                    .size(ImageGenerateParams.Size._1024X1792)
                    .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON)
                    .build());
    Image image = response.data().orElseThrow().getFirst();
    var png =
        ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.b64Json().get())));
    assertThat(png.getWidth()).isEqualTo(1024);
    assertThat(png.getHeight()).isEqualTo(1792);
    assertThat(image.revisedPrompt()).isPresent();
    assertThat(image._additionalProperties()).containsKeys("prompt_filter_results");
  }

  static byte[] speaks(OpenAIClient client) throws Exception {
    try (HttpResponse response =
            client
                .audio()
                .speech()
                .create(
                    SpeechCreateParams.builder()
                        .model("tts")
                        .input(WORDS)
                        .voice("alloy")
                        .responseFormat(SpeechCreateParams.ResponseFormat.WAV)
                        .build());
        InputStream body = response.body()) {
      return body.readAllBytes();
    }
  }

  static void roundTrip(OpenAIClient client) throws Exception {
    byte[] wav = speaks(client);
    assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    var transcript =
        client
            .audio()
            .transcriptions()
            .create(TranscriptionCreateParams.builder().model("whisper").file(wav).build());
    assertThat(transcript.asTranscription().text()).isEqualTo(WORDS);
    var translation =
        client
            .audio()
            .translations()
            .create(TranslationCreateParams.builder().model("whisper").file(wav).build());
    assertThat(translation.asTranslation().text()).isEqualTo(WORDS);
  }

  @Test
  void azureModeDrawsSpeaksAndTranscribes() throws Exception {
    drawsAnImage(azure);
    roundTrip(azure);
  }

  @Test
  void v1DrawsSpeaksAndTranscribes() throws Exception {
    drawsAnImage(v1);
    roundTrip(v1);
  }

  @Test
  void aBadSizeIsABadRequest() {
    assertThatThrownBy(
            () ->
                v1.images()
                    .generate(
                        ImageGenerateParams.builder()
                            .model("dalle")
                            .prompt("x")
                            .size(ImageGenerateParams.Size._256X256)
                            .build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid value: '256x256'");
  }
}
