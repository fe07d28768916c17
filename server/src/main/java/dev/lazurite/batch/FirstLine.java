package dev.lazurite.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.files.FileService;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The deployment a batch input's first line names, read at creation to check the enqueued-token
 * quota before validation has read the whole file. Empty when the first line does not say.
 */
final class FirstLine {
  private static final int MAX = 1 << 20;

  private FirstLine() {}

  static Optional<String> model(FileService files, String resource, String fileId) {
    try (var content = files.open(resource, fileId).orElse(null)) {
      if (content == null) {
        return Optional.empty();
      }
      byte[] line = firstLine(new java.io.BufferedInputStream(content.stream()));
      JsonNode model = Json.parse(line).path("body").path("model");
      return model.isTextual() ? Optional.of(model.asText()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] firstLine(InputStream in) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n' && out.size() < MAX) {
      out.write(b);
    }
    return out.toByteArray();
  }
}
