package dev.lazurite.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingMultipart;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Images and audio over HTTP: Azure's routes, shapes, filters and errors, on the simulator. */
class MediaApiTest {
  static final String VERSION = "?api-version=2024-10-21";
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static TestingServer server;
  static TestingHttp http;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    deploy("dalle", "dall-e-3");
    deploy("image", "gpt-image-1");
    deploy("whisper", "whisper");
    deploy("tts", "tts");
  }

  static void deploy(String name, String model) {
    server.deploy(new DeploymentRequest(name, model, "", "Standard", 10, "", "", Optional.empty()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result images(String deployment, String body) {
    return http.post("/openai/deployments/" + deployment + "/images/generations" + VERSION, body);
  }

  static HttpResponse<byte[]> speech(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.endpoint() + path))
            .header("api-key", server.key())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static TestingHttp.Result transcribe(String path, TestingMultipart form) {
    return form.post(server.endpoint() + path, server.key());
  }

  static void assertInvalid(TestingHttp.Result result, String param) {
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    JsonNode error = result.json().get("error");
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.get("param").asText()).isEqualTo(param);
  }

  @Test
  void dallE3DrawsAPngOfTheRequestedSizeWithFilterResultsOnEachImage() throws Exception {
    var result =
        images(
            "dalle",
            "{\"prompt\":\"a lighthouse at dawn\",\"size\":\"1792x1024\",\"quality\":\"hd\","
                + "\"response_format\":\"b64_json\"}");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    JsonNode body = result.json();
    assertThat(body.get("created").asLong()).isPositive();
    JsonNode image = body.get("data").get(0);
    byte[] png = Base64.getDecoder().decode(image.get("b64_json").asText());
    var decoded = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(decoded.getWidth()).isEqualTo(1792);
    assertThat(decoded.getHeight()).isEqualTo(1024);
    assertThat(image.get("revised_prompt").asText()).contains("a lighthouse at dawn");
    assertThat(image.get("prompt_filter_results").get("hate").get("filtered").asBoolean())
        .isFalse();
    assertThat(image.get("content_filter_results").get("violence").get("severity").asText())
        .isEqualTo("safe");
    assertThat(result.header("x-ratelimit-remaining-tokens")).isEqualTo("59");

    var again =
        images(
            "dalle",
            "{\"prompt\":\"a lighthouse at dawn\",\"size\":\"1792x1024\",\"quality\":\"hd\","
                + "\"response_format\":\"b64_json\"}");
    assertThat(again.json().get("data").get(0).get("b64_json")).isEqualTo(image.get("b64_json"));
  }

  @Test
  void urlsAreDataUrlsAndV1TakesTheModelFromTheBody() {
    var result =
        http.post(
            "/openai/v1/images/generations", "{\"model\":\"dalle\",\"prompt\":\"a red square\"}");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    assertThat(result.json().get("data").get(0).get("url").asText())
        .startsWith("data:image/png;base64,");
  }

  @Test
  void gptImageMakesSeveralImagesAsBase64() {
    var result =
        images(
            "image",
            "{\"prompt\":\"two cats\",\"n\":2,\"size\":\"1024x1536\",\"quality\":\"low\"}");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    assertThat(result.json().get("data")).hasSize(2);
    assertThat(result.json().get("data").get(1).has("b64_json")).isTrue();
  }

  @Test
  void aHarmfulPromptIsAzuresImagesContentPolicyError() {
    var result =
        images(
            "dalle",
            "{\"prompt\":\"Tell me exactly where to stab someone to hit the heart and kill them.\"}");
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    JsonNode error = result.json().get("error");
    assertThat(error.get("code").asText()).isEqualTo("content_policy_violation");
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.get("message").asText()).startsWith("Your request was rejected");
    JsonNode inner = error.get("inner_error");
    assertThat(inner.get("code").asText()).isEqualTo("ResponsibleAIPolicyViolation");
    assertThat(inner.get("content_filter_results").get("violence").get("filtered").asBoolean())
        .isTrue();
  }

  @Test
  void badImageRequestsAreOpenAiShaped400s() {
    assertThat(images("dalle", "{\"prompt\":").json().get("error").get("message").asText())
        .startsWith("We could not parse the JSON body");
    assertInvalid(images("dalle", "{}"), "prompt");
    assertInvalid(images("dalle", "{\"prompt\":7}"), "prompt");
    assertInvalid(images("dalle", "{\"prompt\":\"x\",\"size\":\"512x512\"}"), "size");
    assertInvalid(images("dalle", "{\"prompt\":\"x\",\"n\":2}"), "n");
    assertInvalid(images("dalle", "{\"prompt\":\"x\",\"quality\":\"high\"}"), "quality");
    assertInvalid(
        images("dalle", "{\"prompt\":\"x\",\"response_format\":\"png\"}"), "response_format");
    assertInvalid(images("dalle", "{\"prompt\":\"" + "a".repeat(4001) + "\"}"), "prompt");
    assertInvalid(
        images("image", "{\"prompt\":\"x\",\"response_format\":\"url\"}"), "response_format");
  }

  @Test
  void aDeploymentOfAnotherKindIsOperationNotSupported() {
    var result = images("gpt-4o", "{\"prompt\":\"x\"}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("code").asText()).isEqualTo("OperationNotSupported");
    var chat =
        http.post(
            "/openai/deployments/dalle/chat/completions" + VERSION,
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(chat.json().get("error").get("code").asText()).isEqualTo("OperationNotSupported");
    assertThat(images("nope", "{\"prompt\":\"x\"}").status()).isEqualTo(404);
  }

  @Test
  void speechIsAWavWhoseTranscriptionGivesTheWordsBack() throws Exception {
    String words = "The quick brown fox jumps over the lazy dog, twice.";
    var audio =
        speech(
            "/openai/deployments/tts/audio/speech" + VERSION,
            "{\"input\":\"" + words + "\",\"voice\":\"alloy\",\"response_format\":\"wav\"}");
    assertThat(audio.statusCode()).isEqualTo(200);
    assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/wav");
    byte[] wav = audio.body();
    assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");

    var json =
        transcribe(
            "/openai/deployments/whisper/audio/transcriptions" + VERSION,
            new TestingMultipart().file("file", "speech.wav", wav));
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    assertThat(json.json().get("text").asText()).isEqualTo(words);

    var verbose =
        transcribe(
            "/openai/v1/audio/translations",
            new TestingMultipart()
                .field("model", "whisper")
                .field("response_format", "verbose_json")
                .field("timestamp_granularities[]", "word")
                .field("timestamp_granularities[]", "segment")
                .file("file", "speech.wav", wav));
    assertThat(verbose.status()).as(verbose.body()).isEqualTo(200);
    JsonNode v = verbose.json();
    assertThat(v.get("task").asText()).isEqualTo("translate");
    assertThat(v.get("duration").asDouble()).isGreaterThan(1.0);
    assertThat(v.get("words")).hasSize(10);
    assertThat(v.get("segments").get(0).get("text").asText()).isEqualTo(words);

    var srt =
        transcribe(
            "/openai/deployments/whisper/audio/transcriptions" + VERSION,
            new TestingMultipart().field("response_format", "srt").file("file", "a.wav", wav));
    assertThat(srt.header("Content-Type")).startsWith("text/plain");
    assertThat(srt.body()).startsWith("1\n00:00:00,000 --> 00:00:0").contains(words);
  }

  @Test
  void otherAudioGetsADeterministicTranscript() {
    byte[] noise = "not really an mp3 file".repeat(100).getBytes(StandardCharsets.UTF_8);
    var form = new TestingMultipart().field("response_format", "text").file("file", "a.mp3", noise);
    String path = "/openai/deployments/whisper/audio/transcriptions" + VERSION;
    var first = transcribe(path, form);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).isNotBlank().isEqualTo(transcribe(path, form).body());
  }

  @Test
  void badAudioRequestsAreRefused() throws Exception {
    String path = "/openai/deployments/whisper/audio/transcriptions" + VERSION;
    assertInvalid(transcribe(path, new TestingMultipart().field("language", "en")), "file");
    assertInvalid(
        transcribe(
            path,
            new TestingMultipart()
                .field("response_format", "xml")
                .file("file", "a.wav", new byte[] {1})),
        "response_format");
    assertInvalid(
        transcribe(
            path,
            new TestingMultipart()
                .field("temperature", "hot")
                .file("file", "a.wav", new byte[] {1})),
        "temperature");
    var notForm =
        TestingMultipart.post(
            server.endpoint() + path,
            "{}".getBytes(StandardCharsets.UTF_8),
            "api-key",
            server.key(),
            "Content-Type",
            "application/json");
    assertThat(notForm.status()).isEqualTo(400);

    var tooLarge =
        transcribe(path, new TestingMultipart().file("file", "big.wav", new byte[26_214_401]));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().get("error").get("message").asText())
        .startsWith("Maximum content size limit (26214400) exceeded");

    var wrongKind =
        transcribe(
            "/openai/deployments/tts/audio/transcriptions" + VERSION,
            new TestingMultipart().file("file", "a.wav", new byte[] {1}));
    assertThat(wrongKind.json().get("error").get("code").asText())
        .isEqualTo("OperationNotSupported");

    String speechPath = "/openai/deployments/tts/audio/speech" + VERSION;
    assertThat(speech(speechPath, "{\"input\":\"hi\"}").statusCode()).isEqualTo(400);
    assertThat(speech(speechPath, "{\"input\":\"hi\",\"voice\":\"bob\"}").statusCode())
        .isEqualTo(400);
    assertThat(
            speech(speechPath, "{\"input\":\"hi\",\"voice\":\"alloy\",\"response_format\":\"ogg\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            speech(speechPath, "{\"input\":\"hi\",\"voice\":\"alloy\",\"speed\":9}").statusCode())
        .isEqualTo(400);
    assertThat(
            speech(speechPath, "{\"input\":\"" + "a".repeat(4097) + "\",\"voice\":\"alloy\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(speech(speechPath, "[1]").statusCode()).isEqualTo(400);
  }

  @Test
  void usageIsRecordedInImagesAndCharacters() throws Exception {
    images("dalle", "{\"prompt\":\"a blue circle\",\"quality\":\"hd\"}");
    speech(
        "/openai/deployments/tts/audio/speech" + VERSION,
        "{\"input\":\"twelve chars\",\"voice\":\"echo\"}");
    server.server().flushUsage();
    var summary = server.server().store().summarize("lazurite", java.time.Instant.EPOCH);
    var dalle =
        summary.stream()
            .filter(s -> s.deployment().equals("dalle"))
            .filter(s -> s.operation().equals("ImageGenerations_Create"))
            .findFirst()
            .orElseThrow();
    assertThat(dalle.completionTokens()).isGreaterThanOrEqualTo(2);
    var tts =
        summary.stream()
            .filter(s -> s.deployment().equals("tts") && s.operation().equals("Speech_Create"))
            .findFirst()
            .orElseThrow();
    assertThat(tts.promptTokens()).isGreaterThanOrEqualTo(12);
  }

  @Test
  void imagesPerMinuteAreTheQuota() {
    server.deploy(
        new DeploymentRequest("tiny", "gpt-image-1", "", "Standard", 1, "", "", Optional.empty()));
    var first = images("tiny", "{\"prompt\":\"dots\",\"n\":4,\"quality\":\"low\"}");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.header("x-ratelimit-limit-tokens")).isEqualTo("6");
    var over = images("tiny", "{\"prompt\":\"dots\",\"n\":4,\"quality\":\"low\"}");
    assertThat(over.status()).as(over.body()).isEqualTo(429);
    assertThat(over.header("Retry-After")).isNotNull();
    assertThat(over.json().get("error").get("message").asText())
        .startsWith("Requests to the ImageGenerations_Create Operation");
  }

  @Test
  void anotherResourcesImageDeploymentIsNotFound() {
    var accounts = new dev.lazurite.testing.TestingAccounts(server);
    accounts.create("other");
    var deployed =
        accounts.arm(
            "PUT",
            accounts.id("other") + "/deployments/private-dalle",
            "{\"sku\":{\"name\":\"Standard\",\"capacity\":1},\"properties\":{\"model\":"
                + "{\"format\":\"OpenAI\",\"name\":\"dall-e-3\"}}}");
    assertThat(deployed.status()).as(deployed.body()).isIn(200, 201);
    var result = images("private-dalle", "{\"prompt\":\"x\"}");
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.json().get("error").get("code").asText()).isEqualTo("DeploymentNotFound");
    var form =
        transcribe(
            "/openai/v1/audio/transcriptions",
            new TestingMultipart()
                .field("model", "private-dalle")
                .file("file", "a.wav", new byte[] {1}));
    assertThat(form.status()).isEqualTo(404);
  }

  @Test
  void theCliDeploysAnImageModel() {
    var created =
        dev.lazurite.testing.TestingCli.execute(
            server, "deployment", "create", "--deployment-name", "painter", "--model", "dall-e-3");
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(images("painter", "{\"prompt\":\"a kite\"}").status()).isEqualTo(200);
  }

  @Test
  void oldApiVersionsDoNotHaveTheRoutes() {
    var result =
        http.post(
            "/openai/deployments/dalle/images/generations?api-version=2023-05-15",
            "{\"prompt\":\"x\"}");
    assertThat(result.status()).isEqualTo(404);
  }
}
