package dev.lazurite.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.StreamEvent;
import java.util.ArrayList;
import java.util.List;

/** What streamed content filtering needs to know of chunks and of each choice's text so far. */
final class StreamChoices {
  /** Characters of new text a check covers, at least. */
  static final int WINDOW = 32;

  /** Characters of already checked text a check also reads, for words that span windows. */
  private static final int CONTEXT = 100;

  private static final java.util.regex.Pattern SENTENCE_END =
      java.util.regex.Pattern.compile("(?:[.!?][\"')\\]]*\\s*|\\n\\s*)$");

  private StreamChoices() {}

  /**
   * Whether the pending text should be checked now: a window's worth that ends a sentence with the
   * latest chunk, or four windows' worth however it ends.
   */
  static boolean due(CharSequence pending, String latest) {
    return pending.length() >= 4 * WINDOW
        || (pending.length() >= WINDOW && SENTENCE_END.matcher(latest).find());
  }

  /**
   * One parsed chunk; {@code choice} is its first choice, or null (usage and annotation chunks).
   */
  record Chunk(
      ObjectNode payload, ObjectNode choice, int tokens, int cachedPromptTokens, int promptTokens) {
    static Chunk of(StreamEvent event) {
      ObjectNode payload = Json.WIRE.valueToTree(event.payload());
      JsonNode choices = payload.path("choices");
      ObjectNode choice =
          choices.isArray() && !choices.isEmpty() && choices.get(0).isObject()
              ? (ObjectNode) choices.get(0)
              : null;
      return new Chunk(
          payload,
          choice,
          event.completionTokens(),
          event.cachedPromptTokens(),
          event.promptTokens());
    }

    /** An upstream's own prompt annotations, which this server's replace. */
    boolean promptAnnotation() {
      return choice == null && payload.has("prompt_filter_results");
    }

    int index() {
      return choice.path("index").asInt();
    }

    /** The text this chunk adds: a chat delta's content or a completion's text. */
    String text() {
      JsonNode delta = choice.path("delta");
      JsonNode text = delta.isObject() ? delta.get("content") : choice.get("text");
      return text != null && text.isTextual() ? text.asText() : "";
    }

    boolean finishes() {
      JsonNode reason = choice.get("finish_reason");
      return reason != null && !reason.isNull();
    }

    StreamEvent annotated(ObjectNode results) {
      choice.set("content_filter_results", results);
      return counted(payload);
    }

    StreamEvent plain(boolean annotate) {
      if (choice != null && annotate && !choice.has("content_filter_results")) {
        choice.putObject("content_filter_results");
      }
      return counted(payload);
    }

    /** This chunk's counts on an event the client does not get (its choice was filtered). */
    StreamEvent metered() {
      return StreamEvent.meteringOnly(tokens, cachedPromptTokens, promptTokens);
    }

    private StreamEvent counted(Object sent) {
      return new StreamEvent(
          sent, tokens, cachedPromptTokens, dev.lazurite.pipeline.FilterOutcome.NONE, promptTokens);
    }
  }

  /** One choice's progress. */
  static final class State {
    final int index;
    final List<Chunk> held = new ArrayList<>();
    final StringBuilder pending = new StringBuilder();
    private String tail = "";
    int checkedTo;
    boolean stopped;

    State(int index) {
      this.index = index;
    }

    /** The pending text with the end of what was checked before it. */
    String window() {
      return tail + pending;
    }

    void checked() {
      String all = tail + pending;
      tail = all.substring(tailStart(all));
      checkedTo += pending.length();
      pending.setLength(0);
    }
  }

  /**
   * Where the context kept from checked text begins: at most {@link #CONTEXT} characters from its
   * end, at the first sentence that starts there, or else the first word. A sentence read again
   * whole is one the classifier has judged before, and is not analysed a second time.
   */
  static int tailStart(String all) {
    int from = all.length() - CONTEXT;
    if (from <= 0) {
      return 0;
    }
    int word = -1;
    for (int i = from; i < all.length(); i++) {
      char previous = all.charAt(i - 1);
      if (Character.isWhitespace(previous) && !Character.isWhitespace(all.charAt(i))) {
        if (sentenceEnds(all, i - 1)) {
          return i;
        }
        if (word < 0) {
          word = i;
        }
      }
    }
    return word >= 0 ? word : from;
  }

  /** Whether the whitespace at {@code at} follows the end of a sentence. */
  private static boolean sentenceEnds(String text, int at) {
    int i = at;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      if (text.charAt(i) == '\n') {
        return true;
      }
      i--;
    }
    return i >= 0 && (text.charAt(i) == '.' || text.charAt(i) == '!' || text.charAt(i) == '?');
  }

  /** The chunk that ends a filtered choice: no text, {@code finish_reason: content_filter}. */
  static ObjectNode filteredEnd(Chunk like, int index, ObjectNode results) {
    ObjectNode out = like.payload().deepCopy();
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", index);
    if (like.choice() != null && like.choice().has("delta")) {
      choice.putObject("delta");
    } else {
      choice.put("text", "");
    }
    choice.put("finish_reason", "content_filter");
    choice.putNull("logprobs");
    choice.set("content_filter_results", results);
    return out;
  }
}
