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
 * Words written without spaces ({@code howdoikillmyselftonight}) set apart again, and words cut
 * into chunks ({@code ki ll my se lf}) joined again. The tokenizer reads a run without spaces as
 * one unknown word and chunks as fragments, so nothing in them is judged. A run of {@value
 * #MIN_LETTERS} to {@value #MAX_LETTERS} letters that is not a word itself is split into the
 * likeliest sequence of English words, each costing the log of its rank in the sentence model's
 * vocabulary (which is ordered by frequency). The split is used only when every letter falls in a
 * word, it makes at least {@value #MIN_WORDS} words, and each word of three letters or fewer is
 * among the {@value #COMMON} commonest: so a long everyday word ({@code psychotherapists}, which
 * splits only into rare fragments) or a pair of words ({@code throwbackthursday}) is not taken
 * apart.
 */
final class RunTogether {
  private static final Logger LOG = LoggerFactory.getLogger(RunTogether.class);

  /** The sentence model's tokenizer, whose vocabulary lists English words by frequency. */
  static final String VOCABULARY = "/all-minilm-l6-v2-q-tokenizer.json";

  static final int MIN_LETTERS = 16;

  /** Longer runs are data (keys, hashes, blobs), not a sentence; they are not split. */
  static final int MAX_LETTERS = 80;

  static final int MIN_WORDS = 4;

  /** How many chunks of one to three letters in a row make a word cut into pieces. */
  static final int MIN_CHUNKS = 4;

  /** The most chunks read as one run: a longer one is cut there and read on. */
  private static final int MAX_CHUNKS = 40;

  /** How common a short word of a split must be: its rank among the vocabulary's words. */
  static final int COMMON = 5_000;

  private static final int LONGEST_WORD = 20;

  /** Where the vocabulary's whole words start: before it are special tokens and single letters. */
  private static final int FIRST_WORD_ID = 1996;

  private RunTogether() {}

  /** Reads the word list now, so that the first text judged does not wait for it. */
  static void warmUp() {
    LOG.debug("{} words to split runs of letters with", Vocabulary.RANKS.size());
  }

  /**
   * The text with each long run of letters split into words and each run of chunks joined into
   * words, or empty when neither changes it.
   */
  static Optional<String> reading(String text) {
    Map<String, Integer> ranks = Vocabulary.RANKS;
    if (ranks.isEmpty()) {
      return Optional.empty();
    }
    String split = runsSplit(text, ranks);
    String joined = chunksJoined(split, ranks);
    return joined.equals(text) ? Optional.empty() : Optional.of(joined);
  }

  /** Each run of {@value #MIN_LETTERS} to {@value #MAX_LETTERS} letters split into words. */
  private static String runsSplit(String text, Map<String, Integer> ranks) {
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
    return out == null ? text : out.append(text, copied, n).toString();
  }

  /**
   * Words cut into chunks of one to three letters ({@code ki ll my se lf}) joined again: a run of
   * at least {@value #MIN_CHUNKS} such chunks, separated by spaces, of which at least two are not
   * common words, is read as the words its letters split into (at least two, their short ones
   * common). Everyday text made of short words ("if it is up to me") has no rare chunk and is left
   * as it is.
   */
  private static String chunksJoined(String text, Map<String, Integer> ranks) {
    StringBuilder out = null;
    int copied = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!latin(text.charAt(i)) || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
        i++;
        continue;
      }
      // First only count the chunks, which allocates nothing: most runs of short words are short.
      int chunks = 0;
      int runEnd = i;
      for (int at = i; at < n && chunks < MAX_CHUNKS; ) {
        int e = at;
        while (e < n && latin(text.charAt(e))) {
          e++;
        }
        if (e - at > 3 || e < n && Character.isLetterOrDigit(text.charAt(e))) {
          break;
        }
        chunks++;
        runEnd = e;
        if (e + 1 < n && text.charAt(e) == ' ' && latin(text.charAt(e + 1))) {
          at = e + 1;
        } else {
          break;
        }
      }
      if (chunks >= MIN_CHUNKS) {
        StringBuilder letters = new StringBuilder();
        int rare = 0;
        for (String chunk : text.substring(i, runEnd).toLowerCase(Locale.ROOT).split(" ")) {
          Integer rank = ranks.get(chunk);
          rare += rank == null || rank > COMMON ? 1 : 0;
          letters.append(chunk);
        }
        if (rare < 2) {
          i = runEnd;
          continue;
        }
        List<String> words = split(letters.toString(), ranks);
        if (words.size() >= 2 && commonWhenShort(words, ranks)) {
          if (out == null) {
            out = new StringBuilder(n);
          }
          out.append(text, copied, i).append(String.join(" ", words));
          copied = runEnd;
        }
      }
      i = Math.max(runEnd, i + 1);
    }
    return out == null ? text : out.append(text, copied, n).toString();
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
