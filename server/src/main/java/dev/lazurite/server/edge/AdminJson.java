package dev.lazurite.server.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Function;

/** The answers the management routes share: a JSON list, and an export as JSON lines. */
public final class AdminJson {
  private AdminJson() {}

  /** Sends a JSON body. */
  public static void send(ServerResponse res, int status, JsonNode body) {
    EdgeResponses.json(res, status, Json.write(body));
  }

  /** {@code {"value": [...]}}, each item as {@code json} gives it. */
  public static <T> ObjectNode list(Iterable<? extends T> items, Function<T, JsonNode> json) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    var values = out.putArray("value");
    for (T item : items) {
      values.add(json.apply(item));
    }
    return out;
  }

  /** The lines one export writes, each without its newline. */
  @FunctionalInterface
  public interface Lines {
    void each(Consumer<byte[]> line);
  }

  /**
   * Streams {@code lines} as {@code application/x-ndjson}, one per line.
   *
   * @throws IOException when the answer could not be written
   */
  public static void lines(ServerResponse res, Lines lines) throws IOException {
    res.header("Content-Type", "application/x-ndjson");
    try (OutputStream out = res.outputStream()) {
      lines.each(
          line -> {
            try {
              out.write(line);
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
