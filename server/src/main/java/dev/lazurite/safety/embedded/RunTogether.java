package dev.lazurite.safety.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Words written without spaces ({@code howdoikillmyselftonight}) set apart again. The tokenizer
 * reads such a run as one unknown word, so nothing in it is judged. A run of {@value #MIN_LETTERS}
 * to {@value #MAX_LETTERS} letters that is not a word itself is split into the likeliest sequence
 * of English words, each costing the log of its rank in the sentence model's vocabulary (which is
 * ordered by frequency). The split is used only when every letter falls in a word, it makes at
 * least {@value #MIN_WORDS} words, and each word of three letters or fewer is among the {@value
 * #COMMON} commonest: so a long everyday word ({@code psychotherapists}, which splits only into
 * rare fragments) or a pair of words ({@code throwbackthursday}) is not taken apart.
 */
final class RunTogether {
  private static final Logger LOG = LoggerFactory.getLogger(RunTogether.class);

  /** The sentence model's tokenizer, whose vocabulary lists English words by frequency. */
  static final String VOCABULARY = "/all-minilm-l6-v2-q-tokenizer.json";

  static final int MIN_LETTERS = 16;

  /** Longer runs are data (keys, hashes, blobs), not a sentence; they are not split. */
  static final int MAX_LETTERS = 80;

  static final int MIN_WORDS = 4;

  /** How common a short word of a split must be: its rank among the vocabulary's words. */
  static final int COMMON = 5_000;

  private static final int LONGEST_WORD = 20;

  /** Where the vocabulary's whole words start: before it are special tokens and single letters. */
  private static final int FIRST_WORD_ID = 1996;

  private RunTogether() {}

  /** The text with each long run of letters split into words, or empty when no run splits. */
  static Optional<String> reading(String text) {
    Map<String, Integer> ranks = Vocabulary.RANKS;
    if (ranks.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = null;
    int copied = 0;
    int n = text.length();
    for (int i = 0; i < n; ) {
      if (!latin(text.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && latin(text.charAt(end))) {
        end++;
      }
      if (end - i >= MIN_LETTERS && end - i <= MAX_LETTERS) {
        String run = text.substring(i, end).toLowerCase(Locale.ROOT);
        List<String> words = ranks.containsKey(run) ? List.of() : split(run, ranks);
        if (words.size() >= MIN_WORDS && commonWhenShort(words, ranks)) {
          if (out == null) {
            out = new StringBuilder(n + 16);
          }
          out.append(text, copied, i).append(String.join(" ", words));
          copied = end;
        }
      }
      i = end;
    }
    if (out == null) {
      return Optional.empty();
    }
    return Optional.of(out.append(text, copied, n).toString());
  }

  private static boolean commonWhenShort(List<String> words, Map<String, Integer> ranks) {
    return words.stream().allMatch(w -> w.length() > 3 || ranks.get(w) <= COMMON);
  }

  /**
   * The cheapest split of {@code run} into vocabulary words, empty when there is none. A word costs
   * the log of its rank (Zipf: a word's chance falls with its rank), so common words are preferred,
   * and fewer words over more.
   */
  static List<String> split(String run, Map<String, Integer> ranks) {
    double scale = Math.log(Math.max(2, ranks.size()));
    int n = run.length();
    double[] best = new double[n + 1];
    int[] from = new int[n + 1];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    for (int end = 1; end <= n; end++) {
      for (int start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
        if (best[start] == Double.POSITIVE_INFINITY) {
          continue;
        }
        Integer rank = ranks.get(run.substring(start, end));
        if (rank == null) {
          continue;
        }
        double cost = best[start] + Math.log(rank * scale);
        if (cost < best[end]) {
          best[end] = cost;
          from[end] = start;
        }
      }
    }
    if (best[n] == Double.POSITIVE_INFINITY) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (int end = n; end > 0; end = from[end]) {
      words.addFirst(run.substring(from[end], end));
    }
    return words;
  }

  private static boolean latin(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /**
   * The vocabulary's words with their ranks (1 the commonest), read once; empty when the model is
   * not shipped.
   */
  private static final class Vocabulary {
    static final Map<String, Integer> RANKS = load();

    private static Map<String, Integer> load() {
      try (InputStream in = RunTogether.class.getResourceAsStream(VOCABULARY)) {
        if (in == null) {
          LOG.warn("no {}: words written without spaces are not split", VOCABULARY);
          return Map.of();
        }
        JsonNode vocab = Json.MAPPER.readTree(in).path("model").path("vocab");
        Map<String, Integer> ranks = new HashMap<>();
        for (var field : vocab.properties()) {
          String word = field.getKey();
          if (!word.chars().allMatch(c -> c >= 'a' && c <= 'z')
              || word.length() == 1 && !word.equals("a") && !word.equals("i")) {
            continue;
          }
          ranks.put(word, Math.max(1, field.getValue().asInt() - FIRST_WORD_ID + 2));
        }
        return Map.copyOf(ranks);
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not read {}: words written without spaces are not split", VOCABULARY, e);
        return Map.of();
      }
    }
  }
}
