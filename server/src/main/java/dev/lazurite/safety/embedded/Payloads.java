package dev.lazurite.safety.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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
   * Quoted passages: in straight or typographic quotes, guillemets, German or CJK quotation marks.
   * A straight single quote opens and closes only where no letter touches it from outside, so that
   * an apostrophe ("don't") is not taken for one.
   */
  private static final Pattern QUOTED =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])'([^'\\n]{8,}?)'(?![\\p{L}\\p{N}])|\"([^\"\\n]{8,}?)\"|“([^”\\n]{8,}?)”"
              + "|‘([^’\\n]{8,}?)’|«([^»\\n]{8,}?)»|„([^“”\\n]{8,}?)[“”]|「([^」\\n]{4,}?)」"
              + "|『([^』\\n]{4,}?)』");

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
    Matcher m = QUOTED.matcher(text);
    while (m.find() && out.size() < 4) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          add(m.group(g), out);
        }
      }
    }
    int colon = Math.max(text.lastIndexOf(':'), text.lastIndexOf('：'));
    if (colon >= 0) {
      add(trimmed(text.substring(colon + 1)), out);
    }
    return out;
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
