package dev.lazurite.safety;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.AnswerOutline;
import dev.lazurite.json.Json;
import dev.lazurite.json.JsonWriting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a complete answer again with the completion filter's changes, at the places {@link
 * AnswerOutline} found in its bytes, without reading it again: a filtered choice's {@code
 * finish_reason} becomes {@code content_filter} and its text is emptied ({@code message.content}
 * null, or {@code text} empty); each choice gets its {@code content_filter_results}, and the answer
 * its {@code prompt_filter_results}. A field that exists is replaced where it stands, a missing one
 * is added at the end of its object, as a tree would have it. The bytes between are copied as they
 * are.
 */
final class AnswerWriter {
  /** Writes the answer's {@code prompt_filter_results} value. */
  interface PromptResults {
    void write(JsonGenerator out) throws IOException;
  }

  private static final byte[] CONTENT_FILTER = ascii("\"content_filter\"");
  private static final byte[] EMPTY_TEXT = ascii("\"\"");
  private static final byte[] NULL = ascii("null");
  private static final byte[] FINISH_REASON_FIELD = ascii("\"finish_reason\":\"content_filter\"");
  private static final byte[] TEXT_FIELD = ascii("\"text\":\"\"");
  private static final byte[] CONTENT_FIELD = ascii("\"content\":null");
  private static final byte[] RESULTS_NAME = ascii("\"content_filter_results\":");
  private static final byte[] PROMPT_RESULTS_NAME = ascii("\"prompt_filter_results\":");
  private static final byte[] COMMA = ascii(",");

  private final AnswerOutline answer;
  private final List<Screening> screenings;
  private final boolean annotate;
  private final PromptResults prompts;

  /**
   * @param screenings one per choice of {@code answer}, in order
   */
  AnswerWriter(
      AnswerOutline answer, List<Screening> screenings, boolean annotate, PromptResults prompts) {
    this.answer = answer;
    this.screenings = screenings;
    this.annotate = annotate;
    this.prompts = prompts;
  }

  /**
   * @param json the bytes {@code answer} was read from
   */
  byte[] write(byte[] json) throws IOException {
    BufferRecycler recycler = Json.WIRE.getFactory()._getBufferRecycler();
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator values = Json.WIRE.createGenerator(bytes)) {
        // Values are written one after another at the root, with nothing between them.
        values.setRootValueSeparator(null);
        new Splice(json, bytes, values).run();
      }
      return bytes.getClearAndRelease();
    } finally {
      recycler.releaseToPool();
    }
  }

  /** One writing: the answer's bytes copied up to each spot, and the spot written. */
  private final class Splice {
    private final byte[] json;
    private final ByteArrayBuilder out;
    private final JsonGenerator values;

    /** How far the answer's bytes have been copied. */
    private int copied;

    Splice(byte[] json, ByteArrayBuilder out, JsonGenerator values) {
      this.json = json;
      this.out = out;
      this.values = values;
      this.copied = answer.start();
    }

    void run() throws IOException {
      for (AnswerOutline.Spot spot : answer.spots()) {
        if (spot.choice() < 0) {
          answerSpot(spot);
        } else if (spot.choice() < answer.choices().size()) {
          // Every spot has a choice when the outline was read from the bytes (a repeated field is
          // refused there); the guard keeps a hand-built outline from reaching past its choices.
          choiceSpot(spot, answer.choices().get(spot.choice()), screenings.get(spot.choice()));
        }
      }
      copyTo(answer.end());
    }

    private void answerSpot(AnswerOutline.Spot spot) throws IOException {
      if (!annotate) {
        return;
      }
      switch (spot.kind()) {
        case PROMPT_RESULTS -> {
          replace(spot);
          prompts.write(values);
        }
        case ANSWER_END -> {
          if (!hasPromptResults()) {
            field(spot, spot.empty(), PROMPT_RESULTS_NAME);
            prompts.write(values);
          }
        }
        case FINISH_REASON, TEXT, CONTENT, RESULTS, MESSAGE_END, CHOICE_END -> {}
      }
    }

    private void choiceSpot(AnswerOutline.Spot spot, AnswerOutline.Choice c, Screening s)
        throws IOException {
      boolean blocked = s.blocked();
      boolean results = annotate || blocked;
      switch (spot.kind()) {
        case FINISH_REASON -> {
          if (blocked) {
            replace(spot);
            raw(CONTENT_FILTER);
          }
        }
        case TEXT -> {
          if (blocked && !c.messageObject()) {
            replace(spot);
            raw(EMPTY_TEXT);
          }
        }
        case CONTENT -> {
          if (blocked && c.messageObject()) {
            replace(spot);
            raw(NULL);
          }
        }
        case MESSAGE_END -> {
          if (blocked && c.messageObject() && !c.messageHasContent()) {
            field(spot, spot.empty(), CONTENT_FIELD);
          }
        }
        case RESULTS -> {
          if (results) {
            replace(spot);
            tree(s.results());
          }
        }
        case CHOICE_END -> {
          boolean first = spot.empty();
          if (blocked && !c.hasFinishReason()) {
            field(spot, first, FINISH_REASON_FIELD);
            first = false;
          }
          if (blocked && !c.messageObject() && !c.hasText()) {
            field(spot, first, TEXT_FIELD);
            first = false;
          }
          if (results && !c.hasResults()) {
            field(spot, first, RESULTS_NAME);
            tree(s.results());
          }
        }
        case PROMPT_RESULTS, ANSWER_END -> {}
      }
    }

    private boolean hasPromptResults() {
      for (AnswerOutline.Spot spot : answer.spots()) {
        if (spot.kind() == AnswerOutline.Kind.PROMPT_RESULTS) {
          return true;
        }
      }
      return false;
    }

    /** Copies up to a value and skips it: what is written next replaces it. */
    private void replace(AnswerOutline.Spot spot) throws IOException {
      copyTo(spot.start());
      copied = spot.end();
    }

    /** Copies up to a closing brace and adds a field (its name, or name and value) before it. */
    private void field(AnswerOutline.Spot spot, boolean first, byte[] field) throws IOException {
      copyTo(spot.start());
      if (!first) {
        raw(COMMA);
      }
      raw(field);
    }

    private void copyTo(int to) throws IOException {
      if (to > copied) {
        values.flush();
        out.write(json, copied, to - copied);
        copied = to;
      }
    }

    private void raw(byte[] constant) throws IOException {
      values.flush();
      out.write(constant);
    }

    private void tree(JsonNode node) throws IOException {
      node(values, node);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes a tree of annotations. */
  static void node(JsonGenerator out, JsonNode node) throws IOException {
    JsonWriting.tree(out, node);
  }
}
