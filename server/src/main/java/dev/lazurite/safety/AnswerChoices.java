package dev.lazurite.safety;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the completion filter needs from a complete answer, read in one pass over its JSON without
 * building a tree: whether it has {@code choices}, and for each choice (an object in the {@code
 * choices} array, in order) its text and which of the fields the filter writes it already has.
 *
 * @param hasChoices whether the answer has a top-level {@code choices} field
 */
record AnswerChoices(boolean hasChoices, List<Choice> choices) {
  /**
   * One choice.
   *
   * @param text {@code message.content} when {@code message} is an object, else {@code text}; null
   *     when that is not a string
   * @param messageObject whether {@code message} is an object
   */
  record Choice(
      String text,
      boolean messageObject,
      boolean hasFinishReason,
      boolean hasText,
      boolean hasResults,
      boolean messageHasContent) {}

  /**
   * @throws IOException when the bytes are not one JSON object
   */
  static AnswerChoices read(byte[] json) throws IOException {
    boolean hasChoices = false;
    List<Choice> choices = List.of();
    try (JsonParser p = Json.MAPPER.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("the answer is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("choices")) {
          hasChoices = true;
          choices = value == JsonToken.START_ARRAY ? choices(p) : List.of();
        }
        p.skipChildren();
      }
    }
    return new AnswerChoices(hasChoices, choices);
  }

  private static List<Choice> choices(JsonParser p) throws IOException {
    List<Choice> out = new ArrayList<>(1);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        out.add(choice(p));
      } else {
        p.skipChildren();
      }
    }
    return out;
  }

  private static Choice choice(JsonParser p) throws IOException {
    String content = null;
    String text = null;
    boolean messageObject = false;
    boolean hasFinishReason = false;
    boolean hasText = false;
    boolean hasResults = false;
    boolean messageHasContent = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "message" -> {
          // A repeated key counts as its last value, as a parsed tree would keep it.
          messageObject = value == JsonToken.START_OBJECT;
          content = null;
          messageHasContent = false;
          if (messageObject) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              boolean isContent = p.currentName().equals("content");
              JsonToken v = p.nextToken();
              if (isContent) {
                messageHasContent = true;
                content = v == JsonToken.VALUE_STRING ? p.getText() : null;
              }
              p.skipChildren();
            }
          }
        }
        case "text" -> {
          hasText = true;
          text = value == JsonToken.VALUE_STRING ? p.getText() : null;
        }
        case "finish_reason" -> hasFinishReason = true;
        case "content_filter_results" -> hasResults = true;
        default -> {}
      }
      p.skipChildren();
    }
    return new Choice(
        messageObject ? content : text,
        messageObject,
        hasFinishReason,
        hasText,
        hasResults,
        messageHasContent);
  }
}
