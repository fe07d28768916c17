package dev.lazurite.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the data plane needs from a complete answer, read in one pass over its JSON without building
 * a tree: its {@code usage} counts; whether it has {@code choices}, for each choice (an object in
 * the {@code choices} array, in order) its text and which of the fields the completion filter
 * writes it already has; and where in the answer's bytes the filter may write ({@link Spot}s, in
 * the order of the bytes), so that the filter changes those places and copies the rest as it is.
 *
 * @param hasChoices whether the answer has a top-level {@code choices} field
 * @param spots in the order of the bytes
 * @param start where the answer's object starts in its bytes
 * @param end where it ends (after its closing brace)
 */
public record AnswerOutline(
    Usage usage, boolean hasChoices, List<Choice> choices, List<Spot> spots, int start, int end) {
  /**
   * The {@code usage} counts, as {@code JsonNode.asInt(0)} reads them (numbers truncated, numeric
   * text parsed; 0 when missing); a repeated {@code usage} counts as its last value.
   *
   * @param cachedTokens {@code prompt_tokens_details.cached_tokens}
   */
  public record Usage(int promptTokens, int completionTokens, int cachedTokens) {
    static final Usage NONE = new Usage(0, 0, 0);
  }

  /**
   * One choice.
   *
   * @param text {@code message.content} when {@code message} is an object, else {@code text}; null
   *     when that is not a string
   * @param messageObject whether {@code message} is an object
   */
  public record Choice(
      String text,
      boolean messageObject,
      boolean hasFinishReason,
      boolean hasText,
      boolean hasResults,
      boolean messageHasContent) {}

  /** What stands at a {@link Spot}. */
  public enum Kind {
    /** A choice's {@code finish_reason} value. */
    FINISH_REASON,
    /** A choice's {@code text} value. */
    TEXT,
    /** The {@code content} value of a choice's {@code message} object. */
    CONTENT,
    /** A choice's {@code content_filter_results} value. */
    RESULTS,
    /** The closing brace of a choice's {@code message} object. */
    MESSAGE_END,
    /** The closing brace of a choice. */
    CHOICE_END,
    /** The answer's {@code prompt_filter_results} value. */
    PROMPT_RESULTS,
    /** The answer's closing brace. */
    ANSWER_END
  }

  /**
   * A place the filter may write: a value (its bytes from {@code start} to {@code end}), or a
   * closing brace ({@code start == end}, its position) before which missing fields are added.
   *
   * @param choice the index of the choice in its {@code choices} array; -1 outside choices
   * @param empty for a closing brace, whether its object has no fields yet
   */
  public record Spot(Kind kind, int choice, int start, int end, boolean empty) {}

  /**
   * @throws IOException when the bytes are not one JSON object (alone: nothing but space after it)
   */
  public static AnswerOutline read(byte[] json) throws IOException {
    try (JsonParser p = Json.MAPPER.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("the answer is not a JSON object");
      }
      int start = offset(p);
      boolean hasChoices = false;
      boolean hasPromptResults = false;
      boolean empty = true;
      Usage usage = Usage.NONE;
      List<Choice> choices = List.of();
      List<Spot> spots = new ArrayList<>(8);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        empty = false;
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("choices")) {
          once(hasChoices, name);
          hasChoices = true;
          choices = value == JsonToken.START_ARRAY ? choices(p, spots) : List.of();
        } else if (name.equals("prompt_filter_results")) {
          once(hasPromptResults, name);
          hasPromptResults = true;
          spots.add(value(p, Kind.PROMPT_RESULTS, -1));
          continue;
        } else if (name.equals("usage")) {
          usage = value == JsonToken.START_OBJECT ? usage(p) : Usage.NONE;
        }
        p.skipChildren();
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw new IOException("the answer is not a JSON object");
      }
      spots.add(brace(p, Kind.ANSWER_END, -1, empty));
      int end = offset(p) + 1;
      if (p.nextToken() != null) {
        throw new IOException("the answer has more after its object");
      }
      return new AnswerOutline(usage, hasChoices, choices, spots, start, end);
    }
  }

  private static Usage usage(JsonParser p) throws IOException {
    int prompt = 0;
    int completion = 0;
    int cached = 0;
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
    return new Usage(prompt, completion, cached);
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

  private static List<Choice> choices(JsonParser p, List<Spot> spots) throws IOException {
    List<Choice> out = new ArrayList<>(1);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        out.add(choice(p, spots, out.size()));
      } else {
        p.skipChildren();
      }
    }
    return out;
  }

  private static Choice choice(JsonParser p, List<Spot> spots, int index) throws IOException {
    String content = null;
    String text = null;
    boolean messageObject = false;
    boolean hasFinishReason = false;
    boolean hasText = false;
    boolean hasResults = false;
    boolean messageHasContent = false;
    boolean hasMessage = false;
    boolean empty = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      empty = false;
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "message" -> {
          once(hasMessage, name);
          hasMessage = true;
          messageObject = value == JsonToken.START_OBJECT;
          if (messageObject) {
            boolean emptyMessage = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              emptyMessage = false;
              boolean isContent = p.currentName().equals("content");
              JsonToken v = p.nextToken();
              if (isContent) {
                once(messageHasContent, "content");
                messageHasContent = true;
                content = v == JsonToken.VALUE_STRING ? p.getText() : null;
                spots.add(value(p, Kind.CONTENT, index));
              } else {
                p.skipChildren();
              }
            }
            spots.add(brace(p, Kind.MESSAGE_END, index, emptyMessage));
            continue;
          }
        }
        case "text" -> {
          once(hasText, name);
          hasText = true;
          text = value == JsonToken.VALUE_STRING ? p.getText() : null;
          spots.add(value(p, Kind.TEXT, index));
          continue;
        }
        case "finish_reason" -> {
          once(hasFinishReason, name);
          hasFinishReason = true;
          spots.add(value(p, Kind.FINISH_REASON, index));
          continue;
        }
        case "content_filter_results" -> {
          once(hasResults, name);
          hasResults = true;
          spots.add(value(p, Kind.RESULTS, index));
          continue;
        }
        default -> {}
      }
      p.skipChildren();
    }
    spots.add(brace(p, Kind.CHOICE_END, index, empty));
    return new Choice(
        messageObject ? content : text,
        messageObject,
        hasFinishReason,
        hasText,
        hasResults,
        messageHasContent);
  }

  /**
   * Refuses a field the completion filter reads or writes when it appears twice in one object: the
   * filter would judge one copy and a client might read the other.
   */
  private static void once(boolean seen, String name) throws IOException {
    if (seen) {
      throw new IOException("the answer repeats the field " + name);
    }
  }

  /** The current value's spot, the parser moved to its end. */
  private static Spot value(JsonParser p, Kind kind, int choice) throws IOException {
    int start = offset(p);
    if (p.currentToken().isStructStart()) {
      p.skipChildren();
    } else {
      // A string's text is read lazily; its end is known once it is.
      p.finishToken();
    }
    return new Spot(kind, choice, start, (int) p.currentLocation().getByteOffset(), false);
  }

  private static Spot brace(JsonParser p, Kind kind, int choice, boolean empty) {
    int at = offset(p);
    return new Spot(kind, choice, at, at, empty);
  }

  /** Where the current token starts in the bytes. */
  private static int offset(JsonParser p) {
    return (int) p.currentTokenLocation().getByteOffset();
  }
}
