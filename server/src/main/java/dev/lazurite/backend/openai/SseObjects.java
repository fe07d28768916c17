package dev.lazurite.backend.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads an upstream SSE stream as the JSON objects its {@code data:} lines carry, each passed
 * through the backend's {@link SecretRedactor} first; other lines and non-object data are skipped,
 * and {@code [DONE]} ends the stream.
 */
final class SseObjects {
  /** What is done with each object; answers whether to read on. */
  @FunctionalInterface
  interface Handler {
    boolean accept(ObjectNode object) throws IOException;
  }

  private SseObjects() {}

  /**
   * Hands each object to {@code handler} until it stops reading, {@code [DONE]} or the end.
   *
   * @return whether the handler stopped the reading (rather than {@code [DONE]} or the stream's
   *     end)
   */
  static boolean read(InputStream upstream, SecretRedactor redactor, Handler handler)
      throws IOException {
    var reader = new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.startsWith("data:")) {
        continue;
      }
      String data = redactor.redact(line.substring(5).strip());
      if (data.equals("[DONE]")) {
        return false;
      }
      if (Json.MAPPER.readTree(data) instanceof ObjectNode object && !handler.accept(object)) {
        return true;
      }
    }
    return false;
  }
}
