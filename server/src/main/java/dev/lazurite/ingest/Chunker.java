package dev.lazurite.ingest;

import dev.lazurite.catalog.Encoding;
import dev.lazurite.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;

/** Splits text into windows of at most {@code size} tokens, each overlapping the last. */
public final class Chunker {
  private final TokenCounter tokens;
  private final int size;
  private final int overlap;

  public Chunker(TokenCounter tokens, int size, int overlap) {
    if (size < 16 || overlap < 0 || overlap >= size) {
      throw new IllegalArgumentException(
          "chunk size must be at least 16 tokens and overlap smaller than it");
    }
    this.tokens = tokens;
    this.size = size;
    this.overlap = overlap;
  }

  public List<String> chunks(String text) {
    String normalized =
        text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n\\s*\\n+", "\n\n").strip();
    if (normalized.isEmpty()) {
      return List.of();
    }
    List<Integer> ids = tokens.encode(Encoding.CL100K_BASE, normalized);
    List<String> out = new ArrayList<>();
    for (int start = 0; start < ids.size(); start += size - overlap) {
      int end = Math.min(ids.size(), start + size);
      out.add(tokens.decode(Encoding.CL100K_BASE, ids.subList(start, end)).strip());
      if (end == ids.size()) {
        break;
      }
    }
    return out;
  }
}
