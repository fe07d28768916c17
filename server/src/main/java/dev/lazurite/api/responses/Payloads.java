package dev.lazurite.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.json.RawJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Any answer body a backend or stage produced (records, trees, passed-through bytes) as a tree. */
final class Payloads {
  private Payloads() {}

  static JsonNode tree(Object payload) {
    if (payload instanceof JsonNode node) {
      return node;
    }
    if (payload instanceof RawJson raw) {
      try {
        return Json.parse(raw.bytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Json.WIRE.valueToTree(payload);
  }
}
