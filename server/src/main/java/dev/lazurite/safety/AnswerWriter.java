package dev.lazurite.safety;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.json.JsonWriting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a complete answer again with the completion filter's changes, copying it token by token: a
 * filtered choice's {@code finish_reason} becomes {@code content_filter} and its text is emptied
 * ({@code message.content} null, or {@code text} empty); each choice gets its {@code
 * content_filter_results}, and the answer its {@code prompt_filter_results}. A field that exists is
 * replaced where it stands, a missing one is added at the end of its object, as a tree would have
 * it. Everything else is copied as it is.
 */
final class AnswerWriter {
  /** Writes the answer's {@code prompt_filter_results} value. */
  interface PromptResults {
    void write(JsonGenerator out) throws IOException;
  }

  private final AnswerChoices answer;
  private final List<Screening> screenings;
  private final boolean annotate;
  private final PromptResults prompts;

  /**
   * @param screenings one per choice of {@code answer}, in order
   */
  AnswerWriter(
      AnswerChoices answer, List<Screening> screenings, boolean annotate, PromptResults prompts) {
    this.answer = answer;
    this.screenings = screenings;
    this.annotate = annotate;
    this.prompts = prompts;
  }

  byte[] write(byte[] json) throws IOException {
    try (JsonParser in = Json.MAPPER.createParser(json)) {
      in.nextToken();
      return JsonWriting.bytes(out -> top(in, out));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void top(JsonParser in, JsonGenerator out) throws IOException {
    out.writeStartObject();
    boolean promptsWritten = false;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      out.writeFieldName(name);
      if (name.equals("choices") && value == JsonToken.START_ARRAY) {
        choices(in, out);
      } else if (annotate && name.equals("prompt_filter_results")) {
        prompts.write(out);
        in.skipChildren();
        promptsWritten = true;
      } else {
        out.copyCurrentStructure(in);
      }
    }
    if (annotate && !promptsWritten) {
      out.writeFieldName("prompt_filter_results");
      prompts.write(out);
    }
    out.writeEndObject();
  }

  private void choices(JsonParser in, JsonGenerator out) throws IOException {
    out.writeStartArray();
    int index = 0;
    JsonToken t;
    while ((t = in.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        choice(in, out, answer.choices().get(index), screenings.get(index));
        index++;
      } else {
        out.copyCurrentStructure(in);
      }
    }
    out.writeEndArray();
  }

  private void choice(JsonParser in, JsonGenerator out, AnswerChoices.Choice c, Screening s)
      throws IOException {
    boolean blocked = s.blocked();
    boolean results = annotate || blocked;
    out.writeStartObject();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      out.writeFieldName(name);
      if (blocked && name.equals("finish_reason")) {
        out.writeString("content_filter");
        in.skipChildren();
      } else if (blocked && c.messageObject() && name.equals("message")) {
        emptiedMessage(in, out, c, value);
      } else if (blocked && !c.messageObject() && name.equals("text")) {
        out.writeString("");
        in.skipChildren();
      } else if (results && name.equals("content_filter_results")) {
        node(out, s.results());
        in.skipChildren();
      } else {
        out.copyCurrentStructure(in);
      }
    }
    if (blocked && !c.hasFinishReason()) {
      out.writeStringField("finish_reason", "content_filter");
    }
    if (blocked && !c.messageObject() && !c.hasText()) {
      out.writeStringField("text", "");
    }
    if (results && !c.hasResults()) {
      out.writeFieldName("content_filter_results");
      node(out, s.results());
    }
    out.writeEndObject();
  }

  /** A filtered choice's message: its {@code content} null. */
  private static void emptiedMessage(
      JsonParser in, JsonGenerator out, AnswerChoices.Choice c, JsonToken value)
      throws IOException {
    if (value != JsonToken.START_OBJECT) {
      // An earlier duplicate of the key; the last one is the message.
      out.copyCurrentStructure(in);
      return;
    }
    out.writeStartObject();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      in.nextToken();
      out.writeFieldName(name);
      if (name.equals("content")) {
        out.writeNull();
        in.skipChildren();
      } else {
        out.copyCurrentStructure(in);
      }
    }
    if (!c.messageHasContent()) {
      out.writeNullField("content");
    }
    out.writeEndObject();
  }

  /** Writes a tree of annotations. */
  static void node(JsonGenerator out, JsonNode node) throws IOException {
    JsonWriting.tree(out, node);
  }
}
