package dev.lazurite.safety.embedded;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Turns text into the terms the embedded classifier weighs: Lucene's standard tokenizer, lower case
 * and the stemmer of the text's language (Porter for English, Lucene's light stemmers for Spanish,
 * German, French and Portuguese; Chinese is read character by character), then each stem and each
 * pair of neighbouring stems. Long texts are cut into overlapping windows, so that one harmful
 * sentence is not diluted by the text around it.
 */
final class TextFeatures {
  /** Texts up to this many words are assessed whole. */
  static final int WINDOW = 64;

  private static final int STRIDE = 32;

  /**
   * Idle analysis chains. Lucene's {@code Analyzer} keeps one chain per thread, and every request
   * runs on a new virtual thread, so it would build a tokenizer (with its buffers) per call; these
   * chains are shared instead, each used by one caller at a time.
   */
  private static final Map<Languages, ConcurrentLinkedQueue<Chain>> IDLE = idle();

  private TextFeatures() {}

  private static Map<Languages, ConcurrentLinkedQueue<Chain>> idle() {
    Map<Languages, ConcurrentLinkedQueue<Chain>> idle = new EnumMap<>(Languages.class);
    for (Languages l : Languages.values()) {
      idle.put(l, new ConcurrentLinkedQueue<>());
    }
    return idle;
  }

  /** The English stems of {@code text}. */
  static List<String> stems(String text) {
    return stems(text, Languages.EN);
  }

  /** The stems of {@code text}, read as written in {@code language}. */
  static List<String> stems(String text, Languages language) {
    ConcurrentLinkedQueue<Chain> idle = IDLE.get(language);
    Chain chain = idle.poll();
    if (chain == null) {
      chain = new Chain(language);
    }
    List<String> out = chain.stems(text);
    idle.offer(chain);
    return out;
  }

  /** Lucene's standard tokenizer, lower case and a language's stemmer, reused text after text. */
  private static final class Chain {
    private final StandardTokenizer tokenizer = new StandardTokenizer();
    private final TokenStream stream;
    private final CharTermAttribute term;

    Chain(Languages language) {
      TokenStream lower = new LowerCaseFilter(tokenizer);
      this.stream =
          switch (language) {
            case EN -> new PorterStemFilter(lower);
            case ES -> new SpanishLightStemFilter(lower);
            case DE -> new GermanLightStemFilter(new GermanNormalizationFilter(lower));
            case FR ->
                new FrenchLightStemFilter(
                    new ElisionFilter(lower, FrenchAnalyzer.DEFAULT_ARTICLES));
            case PT -> new PortugueseLightStemFilter(lower);
            case ZH -> lower;
          };
      this.term = stream.addAttribute(CharTermAttribute.class);
    }

    List<String> stems(String text) {
      List<String> out = new ArrayList<>();
      tokenizer.setReader(new StringReader(text));
      try {
        stream.reset();
        while (stream.incrementToken()) {
          out.add(term.toString());
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        try {
          stream.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return out;
    }
  }

  /**
   * The windows of a text: each sentence (long ones cut into runs of words), and the whole text too
   * when it is short and has more than one sentence, so that a harmful sentence is judged on its
   * own and in its context.
   */
  static List<String> windows(String text) {
    List<String> windows = new ArrayList<>();
    int start = 0;
    int words = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) && i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
        words++;
      }
      boolean end =
          c == '\n'
              || ((c == '.' || c == '!' || c == '?')
                  && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
      if (end) {
        add(windows, text.substring(start, i + 1));
        start = i + 1;
      }
    }
    String rest = text.substring(start).strip();
    if (!windows.isEmpty() && !rest.isEmpty() && fragment(rest)) {
      // A cut-off end ("…the plan needs") is read with the sentence before it.
      int last = windows.size() - 1;
      windows.set(last, windows.get(last) + " " + rest);
    } else {
      add(windows, rest);
    }
    if (windows.size() > 1 && words < WINDOW) {
      windows.add(text);
    }
    return windows.isEmpty() ? List.of(text) : windows;
  }

  /** Windows of at most this many words are fragments: too short for the sentence model to read. */
  static final int FRAGMENT_WORDS = 4;

  static boolean fragment(String window) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < window.length(); i++) {
      char c = window.charAt(i);
      boolean letter = Character.isLetterOrDigit(c);
      // A Han character is a word of its own: Chinese is written without spaces.
      boolean starts = letter && (!inWord || Character.isIdeographic(c));
      if (starts && ++words > FRAGMENT_WORDS) {
        return false;
      }
      inWord = letter;
    }
    return true;
  }

  private static void add(List<String> windows, String sentence) {
    String s = sentence.strip();
    if (!s.isEmpty()) {
      windows.addAll(words(s));
    }
  }

  private static List<String> words(String text) {
    int spaces = 0;
    for (int i = 0; i < text.length() && spaces < WINDOW; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        spaces++;
      }
    }
    if (spaces < WINDOW) {
      return List.of(text);
    }
    String[] words = text.split("\\s+");
    if (words.length <= WINDOW) {
      return List.of(text);
    }
    List<String> windows = new ArrayList<>();
    for (int start = 0; ; start += STRIDE) {
      int end = Math.min(words.length, start + WINDOW);
      windows.add(String.join(" ", java.util.Arrays.asList(words).subList(start, end)));
      if (end == words.length) {
        return windows;
      }
    }
  }

  /** A text's terms, in the language it is written in. */
  static List<String> terms(String text) {
    return terms(text, Languages.of(text));
  }

  /**
   * A text's terms: its stems in {@code language}, pairs of neighbouring stems and {@link Cues}.
   */
  static List<String> terms(String text, Languages language) {
    List<String> stems = stems(text, language);
    List<String> terms = terms(stems);
    terms.addAll(Cues.of(text, language == Languages.EN ? stems : null));
    terms.addAll(CodedSelfHarm.of(text));
    return terms;
  }

  /** Each stem and each pair of neighbouring stems, as the model's term names. */
  static List<String> terms(List<String> stems) {
    List<String> terms = new ArrayList<>(stems.size() * 2);
    for (int i = 0; i < stems.size(); i++) {
      terms.add(stems.get(i));
      if (i + 1 < stems.size()) {
        terms.add(stems.get(i) + ' ' + stems.get(i + 1));
      }
    }
    return terms;
  }
}
