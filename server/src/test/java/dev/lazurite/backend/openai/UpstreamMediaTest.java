package dev.lazurite.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.backend.AzureSettings;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingMultipart;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Images and audio forwarded by the openai-compatible and Azure backends to a fake upstream that
 * replays OpenAI's published response shapes: routes of the same name, the upstream model name,
 * multipart for uploads, binary audio passed through, upstream errors in Azure's envelope.
 */
class UpstreamMediaTest {
  static final String KEY = "sk-media-upstream";

  /** From OpenAI's API reference, images/generations (gpt-image-1). */
  static final String IMAGES =
      "{\"created\":1713833628,\"data\":[{\"b64_json\":\"iVBORw0KGgo=\"}],"
          + "\"usage\":{\"total_tokens\":100,\"input_tokens\":50,\"output_tokens\":50,"
          + "\"input_tokens_details\":{\"text_tokens\":10,\"image_tokens\":40}}}";

  /** From OpenAI's API reference, audio/transcriptions. */
  static final String TRANSCRIPT =
      "{\"text\":\"Imagine the wildest idea that you've ever had, and you're curious about how it"
          + " might scale to something that's a 100, a 1,000 times bigger.\"}";

  static final byte[] MP3 = {(byte) 0xff, (byte) 0xfb, (byte) 0x90, 0x64, 0, 1, 2, 3};

  record Seen(String method, String path, Map<String, List<String>> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
  static HttpServer upstream;
  static TestingServer server;
  static TestingHttp http;

  @BeforeAll
  static void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", UpstreamMediaTest::answer);
    upstream.start();
    String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
    server =
        TestingServer.start(
            UnaryOperator.identity(), name -> name.equals("MEDIA_KEY") ? KEY : null);
    http = server.http();
    server.deployUpstream(
        "image", "gpt-image-1", base + "/v1", "gpt-image-1-upstream", "MEDIA_KEY");
    server.deployUpstream("whisper", "whisper", base + "/v1", "whisper-1", "MEDIA_KEY");
    server.deployUpstream("tts", "tts", base + "/v1", "tts-1", "MEDIA_KEY");
    server.deployUpstream("limited", "dall-e-3", base + "/limited/v1", "", "MEDIA_KEY");
    server.deploy(
        new DeploymentRequest(
            "azure-dalle",
            "dall-e-3",
            "",
            "Standard",
            10,
            "",
            "",
            Optional.of(
                new BackendSpec(
                    BackendKind.AZURE,
                    base,
                    "",
                    "MEDIA_KEY",
                    new AzureSettings("dalle3", "2024-10-21", "", "", "")))));
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.stop(0);
  }

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  static void answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().toString();
    SEEN.add(
        new Seen(
            exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
    if (path.startsWith("/limited/")) {
      exchange.getResponseHeaders().add("Retry-After", "7");
      send(
          exchange,
          429,
          "application/json",
          "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"
              .getBytes(StandardCharsets.UTF_8));
    } else if (path.contains("images/generations") || path.contains("images/edits")) {
      send(exchange, 200, "application/json", IMAGES.getBytes(StandardCharsets.UTF_8));
    } else if (path.contains("audio/speech")) {
      send(exchange, 200, "audio/mpeg", MP3);
    } else if (path.contains("audio/transcriptions")) {
      send(exchange, 200, "application/json", TRANSCRIPT.getBytes(StandardCharsets.UTF_8));
    } else {
      send(exchange, 404, "application/json", "{\"error\":{\"message\":\"no\"}}".getBytes());
    }
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void imagesGoToTheUpstreamsImagesRouteWithItsModelAndComeBackAnnotated() {
    var result =
        http.post(
            "/openai/deployments/image/images/generations?api-version=2024-10-21",
            "{\"prompt\":\"a small otter\",\"quality\":\"low\"}");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    assertThat(result.json().get("data").get(0).get("b64_json").asText()).isEqualTo("iVBORw0KGgo=");
    assertThat(result.json().get("data").get(0).has("prompt_filter_results")).isTrue();
    Seen seen = SEEN.getFirst();
    assertThat(seen.path()).isEqualTo("/v1/images/generations");
    assertThat(seen.headers().get("Authorization")).containsExactly("Bearer " + KEY);
    assertThat(seen.text())
        .isEqualTo(
            "{\"prompt\":\"a small otter\",\"quality\":\"low\",\"model\":\"gpt-image-1-upstream\"}");
  }

  @Test
  void anAzureBackendGetsTheDeploymentRouteWithItsApiKey() {
    var result =
        http.post(
            "/openai/v1/images/generations", "{\"model\":\"azure-dalle\",\"prompt\":\"a fox\"}");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    Seen seen = SEEN.getFirst();
    assertThat(seen.path())
        .isEqualTo("/openai/deployments/dalle3/images/generations?api-version=2024-10-21");
    assertThat(seen.headers().get("Api-key")).containsExactly(KEY);
  }

  @Test
  void speechAudioPassesThroughAsTheUpstreamSentIt() throws Exception {
    HttpResponse<byte[]> audio =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/openai/v1/audio/speech"))
                    .header("api-key", server.key())
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"tts\",\"input\":\"Hello\",\"voice\":\"nova\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(audio.statusCode()).isEqualTo(200);
    assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    assertThat(audio.body()).isEqualTo(MP3);
    assertThat(SEEN.getFirst().path()).isEqualTo("/v1/audio/speech");
    assertThat(SEEN.getFirst().text()).contains("\"model\":\"tts-1\"");
  }

  @Test
  void transcriptionsAreSentAsAFormWithTheFileAndFields() {
    var result =
        new TestingMultipart()
            .field("language", "en")
            .file("file", "talk.mp3", MP3)
            .post(
                server.endpoint()
                    + "/openai/deployments/whisper/audio/transcriptions?api-version=2024-10-21",
                server.key());
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    assertThat(result.body()).isEqualTo(TRANSCRIPT);
    Seen seen = SEEN.getFirst();
    assertThat(seen.path()).isEqualTo("/v1/audio/transcriptions");
    assertThat(seen.headers().get("Content-type").getFirst()).startsWith("multipart/form-data");
    assertThat(seen.text())
        .contains("name=\"file\"; filename=\"talk.mp3\"")
        .contains("whisper-1")
        .contains("name=\"language\"")
        .contains(new String(MP3, StandardCharsets.ISO_8859_1));
  }

  @Test
  void imageEditsAreSentAsAFormWithTheImagesMaskAndFields() {
    byte[] png = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      '\r',
      '\n',
      0x1a,
      '\n',
      0,
      0,
      0,
      13,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      0,
      4,
      0,
      0,
      0,
      4,
      8,
      6,
      0,
      0,
      0
    };
    var result =
        new TestingMultipart()
            .file("image", "cat.png", png)
            .file("mask", "mask.png", png)
            .field("prompt", "a hat on the cat")
            .field("quality", "low")
            .post(
                server.endpoint()
                    + "/openai/deployments/image/images/edits?api-version=2025-04-01-preview",
                server.key());
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    assertThat(result.json().get("data").get(0).get("b64_json").asText()).isEqualTo("iVBORw0KGgo=");
    assertThat(result.json().get("data").get(0).has("prompt_filter_results")).isTrue();
    Seen seen = SEEN.getFirst();
    assertThat(seen.path()).isEqualTo("/v1/images/edits");
    assertThat(seen.headers().get("Content-type").getFirst()).startsWith("multipart/form-data");
    assertThat(seen.text())
        .contains("name=\"image\"; filename=\"cat.png\"")
        .contains("name=\"mask\"; filename=\"mask.png\"")
        .contains("gpt-image-1-upstream")
        .contains("a hat on the cat")
        .contains("name=\"quality\"");
  }

  @Test
  void aJpegImageIsSentAsAJpeg() throws Exception {
    var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var jpeg = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "jpeg", jpeg);
    var result =
        new TestingMultipart()
            .file("image", "cat.jpg", jpeg.toByteArray())
            .field("prompt", "a hat on the cat")
            .field("output_format", "jpeg")
            .post(
                server.endpoint()
                    + "/openai/deployments/image/images/edits?api-version=2025-04-01-preview",
                server.key());
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    assertThat(SEEN.getFirst().text())
        .contains("name=\"image\"; filename=\"cat.jpg\"\r\nContent-Type: image/jpeg")
        .contains("name=\"output_format\"");
  }

  @Test
  void anUpstreamRateLimitIsAzures429() {
    var result =
        http.post(
            "/openai/deployments/limited/images/generations?api-version=2024-10-21",
            "{\"prompt\":\"x\"}");
    assertThat(result.status()).as(result.body()).isEqualTo(429);
    assertThat(result.json().has("error")).isTrue();
    assertThat(result.body()).doesNotContain(KEY);
  }
}
