package dev.lazurite.safety.embedded;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the disguises off a text so that what it says is judged, not how it is written: base64 and
 * hex blobs decoded, ROT13 undone, leetspeak digits and look-alike letters from other scripts
 * folded to the Latin letters they imitate, and letters split by spaces or punctuation joined
 * again. The classifier judges each reading besides the text itself; everyday text has none, and
 * finding that out costs one pass over its characters.
 */
final class Disguises {
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");
  private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}[ :]?){8,}");

  /** Single letters joined by dots, dashes, underscores or stars: k.i.l.l, s_e_x. */
  private static final Pattern JOINED =
      Pattern.compile("(?<![\\p{L}\\d])\\p{L}(?:[.\\-_*·]\\p{L})+(?![\\p{L}\\d])");

  /** Single letters split by one space: b u i l d. */
  private static final Pattern SPACED =
      Pattern.compile("(?<![\\p{L}\\d])\\p{L}(?: \\p{L}(?![\\p{L}\\d])){2,}");

  /** Words that name a letter-shifting cipher; a text naming one may be written in it. */
  private static final List<String> CIPHER_NAMES = List.of("rot13", "rot-13", "caesar", "cipher");

  /** Common English words; ROT13 text has none of them, and its decoding several. */
  private static final java.util.Set<String> COMMON =
      java.util.Set.of(
          "the", "a", "to", "and", "is", "of", "you", "i", "how", "what", "in", "it", "my", "me",
          "do", "for", "your", "with", "are", "all", "this", "that", "make", "can");

  private Disguises() {}

  /** The readings of {@code text} other than itself; empty when nothing is disguised. */
  static List<String> readings(String text) {
    Signs signs = Signs.of(text);
    boolean rot = namesACipher(text) || readsBetterInRot13(text);
    if (!signs.any() && !rot) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    if (signs.blob()) {
      decoded(text, out);
    }
    String folded = text;
    if (signs.foreignLetters()) {
      folded = Homoglyphs.fold(Normalizer.normalize(folded, Normalizer.Form.NFKC));
    }
    if (signs.digitsInWords()) {
      folded = Leet.fold(folded);
    }
    if (signs.splitLetters()) {
      folded = joined(folded);
    }
    if (!folded.equals(text)) {
      out.add(folded);
    }
    if (rot) {
      out.add(rot13(text));
      int colon = text.lastIndexOf(':');
      if (colon > 0 && colon + 1 < text.length()) {
        out.add(rot13(text.substring(colon + 1)).strip());
      }
    }
    return out;
  }

  /** Whether the text names ROT13 or a Caesar cipher as a word of its own. */
  private static boolean namesACipher(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String name : CIPHER_NAMES) {
      for (int at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
        int end = at + name.length();
        if ((at == 0 || !wordChar(lower.charAt(at - 1)))
            && (end == lower.length() || !wordChar(lower.charAt(end)))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static void decoded(String text, List<String> out) {
    Matcher m = BASE64.matcher(text);
    while (m.find()) {
      try {
        plain(Base64.getDecoder().decode(m.group())).ifPresent(out::add);
      } catch (IllegalArgumentException notBase64) {
        // a long word that only looks like base64
      }
    }
    m = HEX.matcher(text);
    while (m.find()) {
      String digits = m.group().replaceAll("[ :]", "");
      if (digits.length() % 2 == 0) {
        plain(HexFormat.of().parseHex(digits)).ifPresent(out::add);
      }
    }
  }

  /** The bytes as text when they are valid UTF-8 and mostly letters and spaces. */
  private static java.util.Optional<String> plain(byte[] bytes) {
    String s;
    try {
      s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return java.util.Optional.empty();
    }
    long letters = s.chars().filter(c -> Character.isLetter(c) || c == ' ').count();
    return s.length() >= 6 && letters >= 0.8 * s.length() && s.indexOf(' ') > 0
        ? java.util.Optional.of(s)
        : java.util.Optional.empty();
  }

  private static String joined(String text) {
    String s = JOINED.matcher(text).replaceAll(r -> r.group().replaceAll("[.\\-_*·]", ""));
    return SPACED.matcher(s).replaceAll(r -> r.group().replace(" ", ""));
  }

  static String rot13(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z') {
        c = (char) ('a' + (c - 'a' + 13) % 26);
      } else if (c >= 'A' && c <= 'Z') {
        c = (char) ('A' + (c - 'A' + 13) % 26);
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Whether a text of Latin letters has almost none of the commonest English words while its ROT13
   * has several; text that reads as English already is not turned.
   */
  private static boolean readsBetterInRot13(String text) {
    int words = 0;
    int common = 0;
    int limit = Math.min(text.length(), 2_000);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= limit; i++) {
      char c = i < limit ? Character.toLowerCase(text.charAt(i)) : ' ';
      if (c >= 'a' && c <= 'z') {
        word.append(c);
      } else if (!word.isEmpty()) {
        words++;
        common += COMMON.contains(word.toString()) ? 1 : 0;
        word.setLength(0);
      }
    }
    if (words < 4 || common * 10 > words) {
      return false;
    }
    return common(rot13(text.substring(0, limit))) > common + 1;
  }

  private static int common(String text) {
    int n = 0;
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      n += COMMON.contains(w) ? 1 : 0;
    }
    return n;
  }

  /** What one pass over the characters shows; each sign turns on one kind of reading. */
  private record Signs(
      boolean blob, boolean foreignLetters, boolean digitsInWords, boolean splitLetters) {
    boolean any() {
      return blob || foreignLetters || digitsInWords || splitLetters;
    }

    static Signs of(String text) {
      boolean blob = false;
      boolean foreign = false;
      boolean digits = false;
      boolean split = false;
      int run = 0;
      boolean runHasDigit = false;
      boolean runHasLetter = false;
      int n = text.length();
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        boolean letter = Character.isLetter(c);
        boolean digit = c >= '0' && c <= '9';
        if (letter || digit || c == '+' || c == '/' || c == '=') {
          run++;
          runHasDigit |= digit;
          runHasLetter |= letter;
          blob |= run >= 16;
          digits |= runHasDigit && runHasLetter;
        } else {
          run = 0;
          runHasDigit = false;
          runHasLetter = false;
        }
        if (c >= 0x370 && c < 0x530
            || c >= 0xFF10 && c <= 0xFF5A && Character.isLetterOrDigit(c)
            || c >= 0x200B && c <= 0x200D) {
          foreign = true;
        }
        if (letter
            && i + 2 < n
            && isSplitter(text.charAt(i + 1))
            && Character.isLetter(text.charAt(i + 2))
            && (i == 0 || !Character.isLetter(text.charAt(i - 1)))
            && (i + 3 >= n || !Character.isLetter(text.charAt(i + 3)))) {
          split = true;
        }
        if (c == '@' || c == '$') {
          digits = true;
        }
      }
      return new Signs(blob, foreign, digits, split);
    }

    private static boolean isSplitter(char c) {
      return c == '.' || c == '-' || c == '_' || c == '*' || c == ' ' || c == '·';
    }
  }
}
