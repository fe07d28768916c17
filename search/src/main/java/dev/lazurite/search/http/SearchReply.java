package dev.lazurite.search.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.SearchException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a search service answers: a status, a content type, a body and extra headers. */
public record SearchReply(
    int status, String contentType, byte[] body, Map<String, String> headers) {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE =
      "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";

  public static SearchReply json(int status, Object body) {
    try {
      return new SearchReply(status, JSON_TYPE, JSON.writeValueAsBytes(body), Map.of());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static SearchReply empty(int status) {
    return new SearchReply(status, null, new byte[0], Map.of());
  }

  static SearchReply text(String text) {
    return new SearchReply(
        200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public SearchReply withHeader(String name, String value) {
    var merged = new java.util.LinkedHashMap<>(headers);
    merged.put(name, value);
    return new SearchReply(status, contentType, body, merged);
  }

  public static SearchReply error(SearchException e) {
    ObjectNode error = JSON.createObjectNode();
    error.putObject("error").put("code", e.code()).put("message", e.getMessage());
    return json(e.status(), error);
  }
}
