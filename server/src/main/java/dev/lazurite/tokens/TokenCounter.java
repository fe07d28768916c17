package dev.lazurite.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.json.Json;
import java.util.ArrayList;
import java.util.List;

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

  private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();

  /** Loads every encoding's tables now (each takes a few hundred milliseconds). */
  public void warmUp() {
    for (Encoding encoding : Encoding.values()) {
      of(encoding).countTokensOrdinary("warm up");
    }
  }

  public int count(Encoding encoding, String text) {
    return text.isEmpty() ? 0 : of(encoding).countTokensOrdinary(text);
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
    try {
      return of(encoding).decode(list);
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

  private com.knuddels.jtokkit.api.Encoding of(Encoding encoding) {
    return registry.getEncoding(
        switch (encoding) {
          case CL100K_BASE -> EncodingType.CL100K_BASE;
          case O200K_BASE -> EncodingType.O200K_BASE;
        });
  }
}
