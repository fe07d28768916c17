package dev.lazurite.error;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.nio.charset.StandardCharsets;

/** Writes every error body in Azure's envelope. The only place error JSON is produced. */
public final class ErrorRenderer {

  private ErrorRenderer() {}

  public static byte[] render(ApiException e) {
    if (e.errorCode().shape() == ErrorCode.Shape.EXACT) {
      // Azure's gateway writes these bodies with a space after "message": (e.g. its 404 is 56
      // bytes). Code and message are constants of the enum, never request data.
      return "{\"error\":{\"code\":\"%s\",\"message\": \"%s\"}}"
          .formatted(e.errorCode().code(), e.getMessage())
          .getBytes(StandardCharsets.UTF_8);
    }
    return Json.write(toJson(e));
  }

  /** The body as a tree, for errors that travel inside a stream. */
  public static ObjectNode toJson(ApiException e) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    if (e.errorCode().shape() == ErrorCode.Shape.BARE) {
      root.put("statusCode", e.errorCode().status());
      root.put("message", e.getMessage());
      return root;
    }
    ObjectNode error = root.putObject("error");
    switch (e.errorCode().shape()) {
      case AZURE, EXACT -> {
        error.put("code", e.errorCode().code());
        error.put("message", e.getMessage());
      }
      case BARE -> throw new IllegalStateException("rendered above");
      case CONTENT_FILTER -> {
        error.put("message", e.getMessage());
        error.putNull("type");
        error.put("param", e.param().orElse(null));
        error.put("code", e.errorCode().code());
        error.put("status", e.errorCode().status());
        ObjectNode inner = error.putObject("innererror");
        inner.put("code", "ResponsibleAIPolicyViolation");
        inner.set("content_filter_result", e.filterResult().orElseGet(inner::objectNode));
      }
      case CONTENT_FILTERS -> {
        error.put("message", e.getMessage());
        error.put("type", "invalid_request_error");
        error.put("param", e.param().orElse(null));
        error.put("code", e.errorCode().code());
        ObjectNode entry = error.putArray("content_filters").addObject();
        entry.put("blocked", true);
        entry.put("source_type", "prompt");
        entry.set("content_filter_results", e.filterResult().orElseGet(entry::objectNode));
      }
      case OPENAI -> {
        error.put("message", e.getMessage());
        error.put("type", e.errorCode().code());
        error.put("param", e.param().orElse(null));
        error.put("code", e.detailCode().orElse(null));
      }
    }
    return root;
  }
}
