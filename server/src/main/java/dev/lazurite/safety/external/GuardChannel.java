package dev.lazurite.safety.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;

/**
 * Where a guard model's chat completion is asked: an OpenAI-compatible endpoint over HTTP, or a
 * deployment of this server. Either answers the assistant's text, or throws when there is none.
 */
@FunctionalInterface
interface GuardChannel {
  /** What the internal call names as its caller; the prompt filter lets such calls through. */
  String PURPOSE = InternalCalls.CONTENT_GUARD;

  /**
   * @param body a chat completions request without its {@code model}
   */
  String complete(ObjectNode body);

  /** {@code POST /chat/completions} under the endpoint, for {@code model}. */
  static GuardChannel http(ClassifierService service, String model) {
    return body -> content(service.post("/chat/completions", body.deepCopy().put("model", model)));
  }

  /**
   * A chat deployment of this server, called as {@code account}'s internal call: the deployment's
   * quota and metering apply, and the guard's own call is not screened again.
   */
  static GuardChannel deployment(InternalCalls calls, String account, String deployment) {
    return body -> {
      byte[] request = Json.write(body.deepCopy().put("model", deployment));
      Response answer = calls.call(account, Operation.CHAT_COMPLETIONS, request, PURPOSE).orThrow();
      if (!(answer instanceof Response.Json json)) {
        throw new IllegalStateException("the guard deployment did not answer with JSON");
      }
      return content(Json.MAPPER.valueToTree(json.body()));
    };
  }

  private static String content(JsonNode answer) {
    JsonNode content = answer.path("choices").path(0).path("message").path("content");
    if (!content.isTextual()) {
      throw new IllegalStateException("the guard model's answer has no message content");
    }
    return content.asText().strip();
  }
}
