package dev.lazurite.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.json.Json;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts tokens exactly as the model family's tokenizer does (JTokkit), including the chat format's
 * per-message overhead. Thread-safe; encodings load on first use.
 */
public final class TokenCounter {
  /** Every chat message is wrapped in {@code <|start|>{role}\n…<|end|>\n}. */
  static final int TOKENS_PER_MESSAGE = 3;

  static final int TOKENS_PER_NAME = 1;

  /** Every reply is primed with {@code <|start|>assistant<|message|>}. */
  static final int REPLY_PRIMING = 3;

  /** What a low-detail image costs; detail auto/high counts one 512px tile on top. */
  static final int IMAGE_TOKENS = 85 + 170;

  /** The fixed framing of the tool section that function definitions are rendered into. */
  static final int TOOLS_OVERHEAD = 12;

  /** Ids below this have their text alone kept once decoded ({@link #piece}). */
  static final int PIECE_TABLE = 1 << 18;

  /** Texts up to this length have their counts kept; longer ones are counted each time. */
  static final int COUNTED_TEXT = 4096;

  /** How many counts are kept per encoding before the table starts over. */
  static final int COUNTED = 2048;

  /**
   * The encodings' tables (tens of megabytes each, immutable once loaded), loaded on first use and
   * shared by every counter in the process: several servers in one JVM, as tests and the CLI start
   * them, hold one copy.
   */
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private final EncodingRegistry registry = REGISTRY;

  /**
   * Counts of texts seen lately, per encoding: a conversation resends its system prompt and history
   * with every turn, and roles and names repeat in every message.
   */
  private final Map<Encoding, Map<String, Integer>> counts = counts();

  /**
   * Each token's text alone, by encoding and id, kept as tokens are first decoded; a table is made
   * on first use. Threads may race to fill a slot or make a table: each writes the same immutable
   * value, so the race costs at most a second decode.
   */
  private final String[][] pieces = new String[Encoding.values().length][];

  /** Loads every encoding's tables now (each takes a few hundred milliseconds). */
  public void warmUp() {
    for (Encoding encoding : Encoding.values()) {
      of(encoding).countTokensOrdinary("warm up");
    }
  }

  public int count(Encoding encoding, String text) {
    if (text.isEmpty()) {
      return 0;
    }
    if (text.length() > COUNTED_TEXT) {
      return of(encoding).countTokensOrdinary(text);
    }
    Map<String, Integer> known = counts.get(encoding);
    Integer count = known.get(text);
    if (count == null) {
      count = of(encoding).countTokensOrdinary(text);
      if (known.size() >= COUNTED) {
        known.clear();
      }
      known.put(text, count);
    }
    return count;
  }

  public List<Integer> encode(Encoding encoding, String text) {
    IntArrayList ids = of(encoding).encodeOrdinary(text);
    List<Integer> list = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      list.add(ids.get(i));
    }
    return list;
  }

  /**
   * @throws IllegalArgumentException for an id outside the encoding's vocabulary
   */
  public String decode(Encoding encoding, List<Integer> ids) {
    IntArrayList list = new IntArrayList(ids.size());
    ids.forEach(list::add);
    return decode(encoding, list);
  }

  /** The token ids of {@code text}, without the boxing of {@link #encode}. */
  public int[] encodeIds(Encoding encoding, String text) {
    return of(encoding).encodeOrdinary(text).toArray();
  }

  /** The text of the first {@code length} ids. */
  public String decode(Encoding encoding, int[] ids, int length) {
    IntArrayList list = new IntArrayList(length);
    for (int i = 0; i < length; i++) {
      list.add(ids[i]);
    }
    return decode(encoding, list);
  }

  /**
   * The text of one token alone, as {@code decode(encoding, List.of(id))} has it (a token that
   * holds part of a character decodes to a replacement character).
   */
  public String piece(Encoding encoding, int id) {
    String[] table = pieces[encoding.ordinal()];
    if (table == null) {
      table = new String[PIECE_TABLE];
      pieces[encoding.ordinal()] = table;
    }
    if (id < 0 || id >= table.length) {
      return decode(encoding, new int[] {id}, 1);
    }
    String piece = table[id];
    if (piece == null) {
      piece = decode(encoding, new int[] {id}, 1);
      table[id] = piece;
    }
    return piece;
  }

  private String decode(Encoding encoding, IntArrayList ids) {
    try {
      return of(encoding).decode(ids);
    } catch (NullPointerException e) {
      // JTokkit's way of saying "Unknown token for decoding".
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Prompt tokens of a chat request as the service bills them. */
  public int chatPrompt(Encoding encoding, ChatRequest request) {
    int tokens = REPLY_PRIMING;
    for (ChatRequest.Message message : request.messages()) {
      tokens += TOKENS_PER_MESSAGE;
      tokens += count(encoding, message.role());
      tokens += count(encoding, message.text());
      tokens += message.images() * IMAGE_TOKENS;
      if (!message.name().isEmpty()) {
        tokens += TOKENS_PER_NAME + count(encoding, message.name());
      }
      for (ChatRequest.ToolCall call : message.toolCalls()) {
        tokens += count(encoding, call.name()) + count(encoding, call.arguments());
      }
    }
    if (!request.tools().isEmpty()) {
      tokens += TOOLS_OVERHEAD;
      for (ChatRequest.Tool tool : request.tools()) {
        tokens += count(encoding, tool.name()) + count(encoding, tool.description());
        tokens += count(encoding, Json.writeString(tool.parameters()));
      }
    }
    return tokens;
  }

  private static Map<Encoding, Map<String, Integer>> counts() {
    Map<Encoding, Map<String, Integer>> counts = new EnumMap<>(Encoding.class);
    for (Encoding encoding : Encoding.values()) {
      counts.put(encoding, new ConcurrentHashMap<>());
    }
    return counts;
  }

  private com.knuddels.jtokkit.api.Encoding of(Encoding encoding) {
    return registry.getEncoding(
        switch (encoding) {
          case CL100K_BASE -> EncodingType.CL100K_BASE;
          case O200K_BASE -> EncodingType.O200K_BASE;
        });
  }
}
