package dev.lazurite.safety.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a "translate (or decode) this, then answer it" request carries. Such a request asks for its
 * payload to be acted on, not only rendered, and the payload is usually in another language than
 * the request around it, so judging the whole text in one language misses it. Each quoted passage,
 * and whatever follows the last colon, is judged again on its own, in its own language. A request
 * that only asks for a translation ("translate this into French: …") carries no payload: rendering
 * a text is not doing what it says.
 */
final class Payloads {
  /**
   * Beginnings of the words that ask for a text to be translated or decoded, in the languages the
   * classifier reads, lower case; found anywhere in a word, they only open the way to {@link #ACT}.
   */
  private static final String[] RENDER = {
    "translat",
    "tradu",
    "übersetz",
    "decod",
    "decipher",
    "decrypt",
    "decifr",
    "descifr",
    "déchiffr",
    "entschlüssel"
  };

  /** The same in Chinese. */
  private static final String[] RENDER_CHINESE = {"翻译", "翻譯", "解码", "解密"};

  /**
   * Asking for the rendered text to be answered or carried out: verbs, not the nouns beside them
   * ("translate the following", "translate the response" ask for nothing more).
   */
  private static final Pattern ACT =
      Pattern.compile(
          "(?iu)\\b(?:answer(?:ed)?|respond(?:ed)?|reply|follow(?:ed)?|obey\\w*|execute[ds]?"
              + "|comply|carry (?:it |them )?out|do (?:it|that|this|what it says)|act on"
              + "|contest[ae](?:l[oa]|me)?|respond[ae](?:l[oa]|me)?|réponds|répond(?:re|ez|s-y)"
              + "|exécute[rz]?|antworte|beantworte\\w*|befolge\\w*|ausführen|cumpr[ae]"
              + "|obedece\\w*|obéis\\w*)\\b|回答|回复|照做|执行|照着做");

  /**
   * A kind of quotation: its opening mark, the marks that close it, and the shortest passage taken.
   * A straight single quote opens and closes only where no letter or digit touches it from outside,
   * so that an apostrophe ("don't") is not taken for one.
   */
  private record Quote(char open, String close, int least) {}

  /** Straight and typographic quotes, guillemets, German and CJK quotation marks. */
  private static final List<Quote> QUOTES =
      List.of(
          new Quote('\'', "'", 8),
          new Quote('"', "\"", 8),
          new Quote('“', "”", 8),
          new Quote('‘', "’", 8),
          new Quote('«', "»", 8),
          new Quote('„', "“”", 8),
          new Quote('「', "」", 4),
          new Quote('『', "』", 4));

  /** The most quoted passages taken from one text. */
  private static final int MOST = 4;

  /** Quotation marks trimmed from the ends of the passage after a colon. */
  private static final String MARKS = "'\"“”‘’«»„「」『』 \t";

  private Payloads() {}

  /**
   * The payloads of {@code text}, at most a few: empty unless it asks both for a rendering and for
   * the result to be acted on.
   */
  static List<String> of(String text) {
    if (!asksToRender(text) || !ACT.matcher(text).find()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    for (Quote quote : QUOTES) {
      quoted(text, quote, out);
    }
    int colon = Math.max(text.lastIndexOf(':'), text.lastIndexOf('：'));
    if (colon >= 0) {
      add(trimmed(text.substring(colon + 1)), out);
    }
    return out;
  }

  /**
   * Adds the passages of one kind of quotation, each from an opening mark to the first closing mark
   * after it on the same line. One pass: the next closing mark and the next line break are found
   * once and kept until the scan passes them, so that a text of many opening marks and no closing
   * one costs no more than one read of it.
   */
  private static void quoted(String text, Quote quote, List<String> out) {
    boolean straight = quote.open() == '\'';
    int[] next = new int[quote.close().length()];
    Arrays.fill(next, -1);
    int close = -1;
    int newline = -1;
    for (int open = text.indexOf(quote.open());
        open >= 0 && out.size() < MOST;
        open = text.indexOf(quote.open(), open + 1)) {
      if (straight && open > 0 && Character.isLetterOrDigit(text.charAt(open - 1))) {
        continue;
      }
      if (close <= open) {
        close = nextClose(text, quote.close(), next, open + 1);
        if (close < 0) {
          return;
        }
      }
      if (newline <= open) {
        newline = text.indexOf('\n', open + 1);
        newline = newline < 0 ? text.length() : newline;
      }
      if (newline < close || close - open - 1 < quote.least()) {
        continue;
      }
      if (straight
          && close + 1 < text.length()
          && Character.isLetterOrDigit(text.charAt(close + 1))) {
        continue;
      }
      add(text.substring(open + 1, close), out);
      open = close;
    }
  }

  /** The first of the closing marks at or after {@code from}, or -1; {@code next} keeps each's. */
  private static int nextClose(String text, String marks, int[] next, int from) {
    int first = -1;
    for (int k = 0; k < marks.length(); k++) {
      if (next[k] != Integer.MAX_VALUE && next[k] < from) {
        int at = text.indexOf(marks.charAt(k), from);
        next[k] = at < 0 ? Integer.MAX_VALUE : at;
      }
      if (next[k] != Integer.MAX_VALUE && (first < 0 || next[k] < first)) {
        first = next[k];
      }
    }
    return first;
  }

  private static void add(String passage, List<String> out) {
    String p = passage.strip();
    boolean words = p.indexOf(' ') > 0 || p.codePoints().anyMatch(Payloads::cjk);
    if (p.length() >= 4 && words && !out.contains(p)) {
      out.add(p);
    }
  }

  private static String trimmed(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && MARKS.indexOf(s.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && MARKS.indexOf(s.charAt(to - 1)) >= 0) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean cjk(int c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /**
   * Whether the text holds one of {@link #RENDER} or {@link #RENDER_CHINESE}: a search of the text
   * in lower case for each, since most text asks for nothing of the kind.
   */
  static boolean asksToRender(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String word : RENDER) {
      if (lower.contains(word)) {
        return true;
      }
    }
    for (String word : RENDER_CHINESE) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
