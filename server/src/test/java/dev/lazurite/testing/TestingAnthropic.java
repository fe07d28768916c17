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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake Anthropic Messages API that replays the recorded answers under {@code
 * cassettes/anthropic/}. The answer is the cassette a user message names ({@code cassette:NAME}),
 * or else follows from the request's shape: a stream, a tool call, the answer after a tool result,
 * a forced structured answer, or plain text. Requests without the key it was started with, or
 * without {@code anthropic-version}, get Anthropic's 401 and 400. It keeps every request it
 * received for the test to inspect.
 */
public final class TestingAnthropic implements AutoCloseable {
  private static final Map<String, Integer> STATUS =
      Map.of(
          "error-overloaded", 529,
          "error-rate-limit", 429,
          "error-invalid", 400,
          "error-not-found", 404,
          "error-api", 500);

  /** A request as received. */
  public record Received(Map<String, String> headers, JsonNode body) {}

  private final HttpServer server;
  private final String key;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private TestingAnthropic(String key) throws IOException {
    this.key = key;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  public static TestingAnthropic start(String key) {
    try {
      return new TestingAnthropic(key);
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

  /** The last request's body. */
  public JsonNode last() {
    return received.getLast().body();
  }

  /** A recorded answer's text. */
  public static String cassette(String name) {
    String path = "/cassettes/anthropic/" + name;
    try (InputStream in = TestingAnthropic.class.getResourceAsStream(path)) {
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
    String sentKey = exchange.getRequestHeaders().getFirst("x-api-key");
    String version = exchange.getRequestHeaders().getFirst("anthropic-version");
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/v1/models")) {
      respond(exchange, 200, "application/json", "{\"data\":[],\"has_more\":false}");
      return;
    }
    JsonNode body = request.length == 0 ? Json.MAPPER.missingNode() : Json.parse(request);
    received.add(
        new Received(
            Map.of(
                "x-api-key", sentKey == null ? "" : sentKey,
                "anthropic-version", version == null ? "" : version,
                "path", path),
            body));
    String name = cassetteFor(body);
    if (name.equals("echo-key") || !key.equals(sentKey)) {
      respond(
          exchange,
          401,
          "application/json",
          error("authentication_error", "invalid x-api-key " + sentKey));
      return;
    }
    if (version == null || !path.equals("/v1/messages")) {
      respond(
          exchange,
          400,
          "application/json",
          error("invalid_request_error", "anthropic-version: header is required"));
      return;
    }
    if (STATUS.containsKey(name)) {
      if (name.equals("error-rate-limit")) {
        exchange.getResponseHeaders().add("retry-after", "7");
      }
      respond(exchange, STATUS.get(name), "application/json", cassette(name + ".json"));
      return;
    }
    if (name.startsWith("stream-")) {
      respond(exchange, 200, "text/event-stream", cassette(name + ".sse"));
      return;
    }
    respond(exchange, 200, "application/json", cassette(name + ".json"));
  }

  private static String cassetteFor(JsonNode body) {
    JsonNode messages = body.path("messages");
    for (JsonNode message : messages) {
      for (JsonNode block : message.path("content")) {
        String text = block.path("text").asText("");
        if (text.startsWith("cassette:")) {
          return text.substring("cassette:".length()).strip();
        }
      }
    }
    boolean stream = body.path("stream").asBoolean(false);
    if (body.path("tool_choice").path("name").asText().equals("json_response")) {
      return "message-json-schema";
    }
    JsonNode lastTurn = messages.path(messages.size() - 1).path("content");
    for (JsonNode block : lastTurn) {
      if (block.path("type").asText().equals("tool_result")) {
        return stream ? "stream-text" : "message-after-tool";
      }
    }
    if (body.path("tools").size() > 0) {
      return stream ? "stream-tool-use" : "message-tool-use";
    }
    return stream ? "stream-text" : "message-text";
  }

  private static String error(String type, String message) {
    return Json.writeString(
        Map.of("type", "error", "error", Map.of("type", type, "message", message)));
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
