package dev.lazurite.backend.simulator;

import dev.lazurite.catalog.Encoding;
import dev.lazurite.tokens.TokenCounter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token ids of the simulator's prose, put together word by word. Prose is words between single
 * spaces, and a tokenizer never makes a piece that spans the space before a word: each word with
 * the space before it (and the full stop after it) encodes alone to the ids it has in the text. The
 * vocabulary is small, so each such unit is encoded once per encoding and kept; a text of a few
 * hundred words is then put together without running the tokenizer's pattern over it.
 */
final class ProseTokens {
  /** Units kept per encoding; the vocabulary makes about 600 (lower, capitalized, with a stop). */
  private static final int CAPACITY = 4096;

  private final TokenCounter tokens;
  private final Map<Encoding, Map<String, int[]>> units = new ConcurrentHashMap<>();

  ProseTokens(TokenCounter tokens) {
    this.tokens = tokens;
  }

  /** The ids of {@code text}, as {@link TokenCounter#encodeIds} has them for prose. */
  int[] encode(Encoding encoding, String text) {
    Map<String, int[]> known = units.computeIfAbsent(encoding, e -> new ConcurrentHashMap<>());
    int[] ids = new int[Math.max(8, text.length() / 3)];
    int count = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf(' ', start + 1);
      if (end < 0) {
        end = text.length();
      }
      String unit = text.substring(start, end);
      int[] unitIds = known.get(unit);
      if (unitIds == null) {
        unitIds = tokens.encodeIds(encoding, unit);
        if (known.size() < CAPACITY) {
          known.put(unit, unitIds);
        }
      }
      if (count + unitIds.length > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(ids.length * 2, count + unitIds.length));
      }
      System.arraycopy(unitIds, 0, ids, count, unitIds.length);
      count += unitIds.length;
      start = end;
    }
    return count == ids.length ? ids : Arrays.copyOf(ids, count);
  }
}
