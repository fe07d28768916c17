package dev.lazurite.backend.simulator;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.json.Json;
import dev.lazurite.tokens.TokenCounter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Azure's prompt caching as the simulator plays it, deterministically: a chat prompt whose first
 * 1,024 tokens (tools, then messages) were already sent to the same deployment is served partly
 * from the cache, in steps of 128 tokens beyond the first 1,024, up to the longest prefix seen
 * before. Each deployment remembers the last {@value #CAPACITY} prefixes.
 */
final class PromptCache {
  /** The shortest prompt prefix Azure caches. */
  static final int MINIMUM = 1024;

  /** Cache hits grow in steps of this many tokens beyond {@link #MINIMUM}. */
  static final int INCREMENT = 128;

  static final int CAPACITY = 4096;

  private final TokenCounter tokens;
  private final Map<String, Map<Long, Boolean>> seen = new ConcurrentHashMap<>();

  PromptCache(TokenCounter tokens) {
    this.tokens = tokens;
  }

  /**
   * The prompt tokens of this request served from the deployment's cache, and remembers its
   * prefixes for the requests after it.
   */
  int cachedTokens(String deployment, Encoding encoding, ChatRequest request) {
    if (request.promptTokens() < MINIMUM) {
      return 0;
    }
    int[] ids = tokens.encodeIds(encoding, text(request));
    if (ids.length < MINIMUM) {
      return 0;
    }
    long[] prefixes = new long[(ids.length - MINIMUM) / INCREMENT + 1];
    long hash = 0xcbf29ce484222325L;
    int next = 0;
    for (int i = 0; i < ids.length && next < prefixes.length; i++) {
      hash = (hash ^ ids[i]) * 0x100000001b3L;
      int length = i + 1;
      if (length >= MINIMUM && (length - MINIMUM) % INCREMENT == 0) {
        prefixes[next++] = hash;
      }
    }
    Map<Long, Boolean> known = seen.computeIfAbsent(deployment, d -> lru());
    int cached = 0;
    synchronized (known) {
      for (int k = 0; k < prefixes.length; k++) {
        if (known.containsKey(prefixes[k])) {
          cached = MINIMUM + k * INCREMENT;
        }
      }
      for (long prefix : prefixes) {
        known.put(prefix, Boolean.TRUE);
      }
    }
    return Math.min(cached, request.promptTokens());
  }

  /** The prompt as the model reads it: the tools' definitions, then each message in turn. */
  private static String text(ChatRequest request) {
    var text = new StringBuilder();
    for (ChatRequest.Tool tool : request.tools()) {
      text.append(tool.name())
          .append('\n')
          .append(tool.description())
          .append('\n')
          .append(Json.writeString(tool.parameters()))
          .append('\n');
    }
    for (ChatRequest.Message message : request.messages()) {
      text.append("<|").append(message.role()).append('|').append(message.name()).append("|>\n");
      text.append(message.text()).append('\n');
      for (ChatRequest.ToolCall call : message.toolCalls()) {
        text.append(call.name()).append('(').append(call.arguments()).append(")\n");
      }
    }
    return text.toString();
  }

  private static Map<Long, Boolean> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
        return size() > CAPACITY;
      }
    };
  }
}
