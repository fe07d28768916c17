package dev.lazurite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake Gemini API that replays the recorded answers under {@code cassettes/gemini/}. The answer
 * is the cassette a user part names ({@code cassette:NAME}), or else follows from the request: a
 * stream, an embedding, a function call, the answer after a function response, a structured answer,
 * two candidates, or plain text. A request without the key it was started with in {@code
 * x-goog-api-key} gets Gemini's 400 {@code API_KEY_INVALID}. It keeps every request it received for
 * the test to inspect.
 */
public final class TestingGemini implements AutoCloseable {
  /** A request as received: the key header, the path and query, and the body. */
  public record Received(String key, String path, String query, JsonNode body) {}

  private final HttpServer server;
  private final String key;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private TestingGemini(String key) throws IOException {
    this.key = key;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  public static TestingGemini start(String key) {
    try {
      return new TestingGemini(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL a backend names. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public Received last() {
    return received.getLast();
  }

  /** A recorded answer's text. */
  public static String cassette(String name) {
    String path = "/cassettes/gemini/" + name;
    try (InputStream in = TestingGemini.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no cassette " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] request = exchange.getRequestBody().readAllBytes();
    String sentKey = exchange.getRequestHeaders().getFirst("x-goog-api-key");
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    if (path.equals("/v1beta/models") && exchange.getRequestMethod().equals("GET")) {
      respond(exchange, 200, "application/json", "{\"models\":[]}");
      return;
    }
    JsonNode body = request.length == 0 ? Json.MAPPER.missingNode() : Json.parse(request);
    received.add(
        new Received(sentKey == null ? "" : sentKey, path, query == null ? "" : query, body));
    if (!key.equals(sentKey)) {
      respond(exchange, 400, "application/json", cassette("error-key-invalid.json"));
      return;
    }
    if (!path.startsWith("/v1beta/models/")) {
      respond(
          exchange, 404, "application/json", "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}");
      return;
    }
    boolean stream = path.endsWith(":streamGenerateContent") && "alt=sse".equals(query);
    String name = cassetteFor(body, path, stream);
    if (name.startsWith("error-")) {
      String text = cassette(name + ".json");
      int status = Json.parse(text.getBytes(StandardCharsets.UTF_8)).at("/error/code").asInt();
      respond(exchange, status, "application/json", text);
      return;
    }
    if (name.startsWith("stream-")) {
      respond(exchange, 200, "text/event-stream", cassette(name + ".sse"));
      return;
    }
    respond(exchange, 200, "application/json", cassette(name + ".json"));
  }

  private static String cassetteFor(JsonNode body, String path, boolean stream) {
    if (path.endsWith(":batchEmbedContents")) {
      return "embed";
    }
    JsonNode contents = body.path("contents");
    for (JsonNode content : contents) {
      for (JsonNode part : content.path("parts")) {
        String text = part.path("text").asText("");
        if (text.startsWith("cassette:")) {
          return text.substring("cassette:".length()).strip();
        }
      }
    }
    if (body.at("/generationConfig/responseJsonSchema").isObject()) {
      return "generate-json-schema";
    }
    if (body.at("/generationConfig/candidateCount").asInt(1) == 2) {
      return "generate-two-candidates";
    }
    JsonNode lastTurn = contents.path(contents.size() - 1).path("parts");
    for (JsonNode part : lastTurn) {
      if (part.has("functionResponse")) {
        return stream ? "stream-text" : "generate-after-tool";
      }
    }
    if (body.path("tools").size() > 0) {
      return stream ? "stream-function-call" : "generate-function-call";
    }
    return stream ? "stream-text" : "generate-text";
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
