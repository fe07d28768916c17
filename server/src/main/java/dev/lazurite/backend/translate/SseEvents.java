package dev.lazurite.backend.translate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads an upstream's server-sent events as JSON objects, each passing the redactor first. */
public final class SseEvents {
  /** What one event means to the client; false once the upstream's answer is complete. */
  @FunctionalInterface
  public interface Handler {
    boolean handle(JsonNode event);
  }

  private SseEvents() {}

  /**
   * Hands each {@code data:} line that is a JSON object to {@code handler}, until the upstream
   * closes the stream or the handler returns false. Other lines and non-object data are skipped.
   */
  public static void read(InputStream upstream, SecretRedactor redactor, Handler handler)
      throws IOException {
    var reader = new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.startsWith("data:")) {
        continue;
      }
      JsonNode event = Json.MAPPER.readTree(redactor.redact(line.substring(5).strip()));
      if (event != null && event.isObject() && !handler.handle(event)) {
        return;
      }
    }
  }
}
