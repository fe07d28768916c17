package dev.lazurite.backend.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lazurite.error.ApiException;
import dev.lazurite.json.Json;
import dev.lazurite.json.RawJson;
import java.io.IOException;

/**
 * An upstream's complete answer, passed through as the bytes it arrived in: one read checks that it
 * is a single JSON object and takes its {@code usage} counts (with {@code
 * prompt_tokens_details.cached_tokens}), without building a tree.
 *
 * @param body the answer, redacted
 */
record UpstreamAnswer(RawJson body, int promptTokens, int completionTokens, int cachedTokens) {
  /**
   * @throws ApiException the upstream error Azure answers when the body is not one JSON object
   */
  static UpstreamAnswer read(byte[] body) {
    int prompt = 0;
    int completion = 0;
    int cached = 0;
    try (JsonParser p = Json.MAPPER.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw UpstreamErrors.malformed();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (!name.equals("usage")) {
          p.skipChildren();
          continue;
        }
        // A repeated key counts as its last value, as a parsed tree would keep it.
        prompt = 0;
        completion = 0;
        cached = 0;
        if (value != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken count = p.nextToken();
          switch (field) {
            case "prompt_tokens" -> prompt = asInt(p, count);
            case "completion_tokens" -> completion = asInt(p, count);
            case "prompt_tokens_details" -> cached = cachedTokens(p, count);
            default -> p.skipChildren();
          }
        }
      }
      if (p.nextToken() != null) {
        throw UpstreamErrors.malformed();
      }
    } catch (IOException e) {
      throw UpstreamErrors.malformed();
    }
    return new UpstreamAnswer(new RawJson(body), prompt, completion, Math.max(0, cached));
  }

  /** {@code cached_tokens} of a {@code prompt_tokens_details} object; 0 for anything else. */
  private static int cachedTokens(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      p.skipChildren();
      return 0;
    }
    int cached = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken count = p.nextToken();
      if (field.equals("cached_tokens")) {
        cached = asInt(p, count);
      } else {
        p.skipChildren();
      }
    }
    return cached;
  }

  /** A count as {@code JsonNode.asInt(0)} reads it: numbers truncated, numeric text parsed. */
  private static int asInt(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return (int) p.getValueAsLong(0);
    }
    p.skipChildren();
    return p.getValueAsInt(0);
  }
}
