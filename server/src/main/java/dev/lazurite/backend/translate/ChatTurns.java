package dev.lazurite.backend.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.error.ApiException;
import dev.lazurite.json.Json;
import java.util.function.Consumer;

/**
 * Azure's chat messages as a provider's alternating turns: system and developer messages go to the
 * provider's system instruction, tool results travel in the user's turn, and consecutive messages
 * of one role share a turn.
 */
public final class ChatTurns {
  private ChatTurns() {}

  /** Whether the message belongs in the system instruction rather than a turn. */
  public static boolean isSystem(ChatRequest.Message message) {
    return message.role().equals("system") || message.role().equals("developer");
  }

  /**
   * The provider's role for message {@code i}: {@code assistantRole} for the assistant, the user's
   * for user and tool messages; any other role is the client's error.
   */
  public static String role(ChatRequest.Message message, int i, String assistantRole) {
    return switch (message.role()) {
      case "assistant" -> assistantRole;
      case "user", "tool" -> "user";
      default ->
          throw ApiException.invalid(
              "The '%s' role is not supported by this deployment's model; use tools."
                  .formatted(message.role()),
              "messages[%d].role".formatted(i),
              null);
    };
  }

  /**
   * The {@code field} array of the last turn when it has {@code role}, else of a new turn with that
   * role added to {@code turns}.
   */
  public static ArrayNode items(ArrayNode turns, String role, String field) {
    if (!turns.isEmpty() && turns.get(turns.size() - 1).path("role").asText().equals(role)) {
      return (ArrayNode) turns.get(turns.size() - 1).get(field);
    }
    ObjectNode turn = turns.addObject();
    turn.put("role", role);
    return turn.putArray(field);
  }

  /** A tool call's arguments as the JSON object the provider takes ("" as {@code {}}). */
  public static JsonNode arguments(ChatRequest.ToolCall call, int i) {
    String arguments = call.arguments().isBlank() ? "{}" : call.arguments();
    try {
      JsonNode args = Json.MAPPER.readTree(arguments);
      if (args instanceof ObjectNode) {
        return args;
      }
    } catch (JsonProcessingException e) {
      // Reported below.
    }
    throw ApiException.invalid(
        "The arguments of tool call '%s' must be a JSON object.".formatted(call.id()),
        "messages[%d].tool_calls".formatted(i),
        null);
  }

  /**
   * Hands a message's content to {@code text} and {@code image} in order: its parts when it has
   * images, else its whole text once.
   *
   * @param raw the message's {@code content} as the client sent it
   */
  public static void eachPart(
      ChatRequest.Message message, JsonNode raw, Consumer<String> text, Consumer<String> image) {
    if (message.images() > 0 && raw.isArray()) {
      for (JsonNode part : raw) {
        switch (part.path("type").asText()) {
          case "text" -> text.accept(part.path("text").asText());
          case "image_url" -> image.accept(part.path("image_url").path("url").asText());
          default -> {}
        }
      }
    } else {
      text.accept(message.text());
    }
  }
}
