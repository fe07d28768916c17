package dev.lazurite.backend.simulator;

import static java.util.Objects.requireNonNull;

import dev.lazurite.api.ChatRequest;
import java.util.List;

/**
 * What the simulator decided to answer for one choice: text as token pieces, or tool calls.
 *
 * @param pieces the answer split at token boundaries (empty for tool calls)
 */
record Generation(
    List<String> pieces,
    List<ChatRequest.ToolCall> toolCalls,
    String finishReason,
    int completionTokens) {
  Generation {
    pieces = List.copyOf(pieces);
    toolCalls = List.copyOf(toolCalls);
    requireNonNull(finishReason, "finishReason is null");
  }

  String text() {
    return String.join("", pieces);
  }
}
