package dev.lazurite.backend.simulator;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.backend.Ids;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.json.Json;
import dev.lazurite.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Decides the simulator's answers: lengths, stops, tool calls and structured output. */
final class Generator {
  private final TokenCounter tokens;
  private final ProseTokens prose;
  private final SimulatorConfig config;

  Generator(TokenCounter tokens, SimulatorConfig config) {
    this.tokens = tokens;
    this.prose = new ProseTokens(tokens);
    this.config = config;
  }

  /** Prose of a drawn length, cut by {@code limit} tokens (finish "length") or a stop sequence. */
  Generation text(Random random, Encoding encoding, int limit, List<String> stop) {
    int target = config.minTokens() + random.nextInt(config.maxTokens() - config.minTokens() + 1);
    // Prose is words between single spaces, and a tokenizer's pieces never span the space before a
    // word: the first words of the text hold the same first tokens. With one word more than the
    // answer can keep, the rest need not be written or encoded (the words after it would come from
    // the same draws, and this random serves this answer alone).
    int words = Math.min(limit, target) + 1;
    String text = Words.prose(random, Math.min(target, words));
    String encoded = firstWords(text, words);
    return shape(text, encoded, prose.encode(encoding, encoded), encoding, limit, stop, target);
  }

  /** A given text (structured output), cut by the limit and stop sequences like prose. */
  Generation fixed(String text, Encoding encoding, int limit, List<String> stop) {
    return shape(
        text, text, tokens.encodeIds(encoding, text), encoding, limit, stop, Integer.MAX_VALUE);
  }

  /** Structured output whose making stopped at its budget: it ends at the limit, unfinished. */
  Generation unfinished(String text, Encoding encoding, int limit, List<String> stop) {
    Generation cut =
        shape(
            text, text, tokens.encodeIds(encoding, text), encoding, limit, stop, Integer.MAX_VALUE);
    return cut.finishReason().equals("stop") && firstStop(cut.text(), stop) < 0
        ? new Generation(cut.pieces(), List.of(), "length", cut.completionTokens())
        : cut;
  }

  /**
   * The text up to its {@code words}-th word, cut before the space that starts the next one; all of
   * it when it has no more words.
   */
  static String firstWords(String text, int words) {
    int seen = 0;
    for (int i = 1; i < text.length() - 1; i++) {
      if (text.charAt(i) == ' '
          && !Character.isWhitespace(text.charAt(i - 1))
          && !Character.isWhitespace(text.charAt(i + 1))
          && ++seen == words) {
        return text.substring(0, i);
      }
    }
    return text;
  }

  /**
   * @param encoded {@code text}, or a start of it that holds more tokens than the answer can keep,
   *     cut where the tokenizer cuts too
   * @param ids the token ids of {@code encoded}
   */
  private Generation shape(
      String text,
      String encoded,
      int[] ids,
      Encoding encoding,
      int limit,
      List<String> stop,
      int cap) {
    String finish = "stop";
    int count = Math.min(ids.length, cap);
    if (count > limit) {
      count = limit;
      finish = "length";
    }
    List<String> pieces = new ArrayList<>(count);
    boolean whole = true;
    for (int i = 0; i < count; i++) {
      String piece = tokens.piece(encoding, ids[i]);
      whole &= piece.indexOf('\uFFFD') < 0;
      pieces.add(piece);
    }
    // All of a well-formed text decodes to itself; a cut one is its pieces, unless a piece holds
    // part of a character (then only decoding them together gives the text).
    String shaped;
    if (count == ids.length && encoded.equals(text) && wellFormed(text)) {
      shaped = text;
    } else {
      shaped = whole ? String.join("", pieces) : tokens.decode(encoding, ids, count);
    }
    int cut = firstStop(shaped, stop);
    if (cut < 0) {
      return new Generation(pieces, List.of(), finish, count);
    }
    shaped = shaped.substring(0, cut);
    ids = tokens.encodeIds(encoding, shaped);
    count = ids.length;
    List<String> stopped = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      stopped.add(tokens.piece(encoding, ids[i]));
    }
    return new Generation(stopped, List.of(), "stop", count);
  }

  /** Whether {@code text} has no unpaired surrogate (which UTF-8 cannot carry). */
  private static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The prefix of a last user message whose rest the simulator answers word for word. */
  static final String ECHO = "/echo ";

  /**
   * What to answer word for word, when the last user message starts with {@value #ECHO}; null
   * otherwise. Tests use it to make the model say something given.
   */
  static String echo(ChatRequest request) {
    for (ChatRequest.Message m : request.messages().reversed()) {
      if (m.role().equals("user")) {
        return m.text().startsWith(ECHO) ? m.text().substring(ECHO.length()) : null;
      }
    }
    return null;
  }

  /** Whether this turn answers with tool calls rather than text. */
  static boolean callsTools(ChatRequest request) {
    return switch (request.toolChoice().mode()) {
      case "none" -> false;
      case "required", "function" -> true;
      default -> {
        String lastRole = request.messages().getLast().role();
        yield !request.tools().isEmpty()
            && !lastRole.equals("tool")
            && !lastRole.equals("function");
      }
    };
  }

  /**
   * Tool calls whose arguments are cut, like a model's, when they would pass {@code limit} tokens:
   * the last call's arguments end unfinished and the finish reason is {@code length}.
   */
  Generation toolCalls(ChatRequest request, Random random, Encoding encoding, int limit) {
    List<ChatRequest.Tool> chosen = new ArrayList<>();
    if (request.toolChoice().mode().equals("function")) {
      request.tools().stream()
          .filter(t -> t.name().equals(request.toolChoice().function()))
          .forEach(chosen::add);
    } else {
      List<ChatRequest.Tool> tools = request.tools();
      chosen.add(tools.get(random.nextInt(tools.size())));
      if (request.parallelToolCalls() && tools.size() > 1 && random.nextBoolean()) {
        tools.stream().filter(t -> !chosen.contains(t)).findFirst().ifPresent(chosen::add);
      }
    }
    List<ChatRequest.ToolCall> calls = new ArrayList<>();
    int completion = 0;
    for (ChatRequest.Tool tool : chosen) {
      int left = limit - completion - tokens.count(encoding, tool.name()) - 4;
      var instance =
          SchemaInstances.generate(
              tool.parameters(), random, SchemaInstances.budgetFor(Math.max(0, left)));
      String arguments = Json.writeString(instance.value());
      List<Integer> ids = tokens.encode(encoding, arguments);
      boolean cut = instance.truncated() || ids.size() > left;
      if (cut) {
        arguments = tokens.decode(encoding, ids.subList(0, Math.clamp(left, 0, ids.size())));
      }
      calls.add(new ChatRequest.ToolCall(Ids.toolCall(), tool.name(), arguments));
      completion += tokens.count(encoding, tool.name()) + tokens.count(encoding, arguments) + 4;
      if (cut) {
        return new Generation(List.of(), calls, "length", completion);
      }
    }
    return new Generation(List.of(), calls, "tool_calls", completion);
  }

  /**
   * The JSON text a {@code response_format} asks for, or null for plain text; made within the
   * budget of {@code limit} tokens.
   */
  static SchemaInstances.Instance structured(
      ChatRequest.ResponseFormat format, Random random, int limit) {
    return switch (format.type()) {
      case "json_schema" ->
          SchemaInstances.generate(format.schema(), random, SchemaInstances.budgetFor(limit));
      case "json_object" ->
          new SchemaInstances.Instance(
              Json.MAPPER.createObjectNode().put("answer", Words.prose(random, 12)), false);
      default -> null;
    };
  }

  private static int firstStop(String text, List<String> stop) {
    int first = -1;
    for (String s : stop) {
      int at = s.isEmpty() ? -1 : text.indexOf(s);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }
}
