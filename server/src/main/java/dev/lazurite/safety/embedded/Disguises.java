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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the disguises off a text so that what it says is judged, not how it is written: base64 and
 * hex blobs decoded, ROT13 undone, leetspeak digits and look-alike letters from other scripts
 * folded to the Latin letters they imitate, letters split by spaces or punctuation joined again,
 * words run together with underscores, dots or capitals ({@code how_to_kill}, {@code HowToKill}) or
 * with nothing at all ({@code howtokill…}) set apart, and words cut into chunks ({@code ki ll my se
 * lf}) joined. The classifier judges each reading besides the text itself; everyday text has none,
 * and finding that out costs three passes over its characters.
 */
final class Disguises {
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");
  private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}[ :]?){8,}");

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
    boolean joinedWords = WordJoins.present(text);
    Optional<String> runTogether = RunTogether.reading(text);
    Optional<String> reflexive = Reflexives.reading(text);
    if (!signs.any() && !rot && !joinedWords && runTogether.isEmpty() && reflexive.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    if (joinedWords) {
      out.add(WordJoins.split(text));
    }
    runTogether.ifPresent(out::add);
    reflexive.ifPresent(out::add);
    if (signs.blob()) {
      decoded(text, out);
    }
    String folded = text;
    if (signs.foreignLetters()) {
      folded = Homoglyphs.fold(Normalizer.normalize(folded, Normalizer.Form.NFKC));
    }
    String apart = null;
    if (signs.splitLetters()) {
      Spacing.Joined joined = Spacing.joined(folded);
      folded = joined.all();
      apart = joined.apart().equals(folded) ? null : joined.apart();
    }
    if (signs.leet() || signs.splitLetters()) {
      folded = Leet.fold(folded);
      apart = apart == null ? null : Leet.fold(apart);
    }
    if (!folded.equals(text)) {
      out.add(folded);
    }
    if (apart != null) {
      out.add(apart);
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
  private record Signs(boolean blob, boolean foreignLetters, boolean leet, boolean splitLetters) {
    boolean any() {
      return blob || foreignLetters || leet || splitLetters;
    }

    static Signs of(String text) {
      boolean blob = false;
      boolean foreign = false;
      boolean leet = false;
      boolean split = false;
      int run = 0;
      boolean runHasDigit = false;
      boolean runHasLetter = false;
      int lastGlyph = -1;
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
          leet |= runHasDigit && runHasLetter;
        } else {
          run = 0;
          runHasDigit = false;
          runHasLetter = false;
        }
        if (c >= 0x370 && c < 0x530
            || c >= 0xFF10 && c <= 0xFF5A && Character.isLetterOrDigit(c)
            || invisible(c)
            || c >= 0x24B6 && c <= 0x24E9
            || c == 0xD835) {
          foreign = true;
        }
        if ((letter || digit) && Spacing.glyph(text, i)) {
          if (lastGlyph >= 0
              && i - lastGlyph <= GAP_LIMIT
              && onlySeparators(text, lastGlyph + 1, i)) {
            split |= letter || Character.isLetter(text.charAt(lastGlyph));
          }
          lastGlyph = i;
        }
        if (!letter && !digit && c > ' ') {
          leet |= leetSymbol(text, i, c);
        }
        if (letter && c < 0x80 && i >= 2 && text.charAt(i - 1) == c && text.charAt(i - 2) == c) {
          leet = true;
        }
      }
      return new Signs(blob, foreign, leet, split);
    }

    private static final int GAP_LIMIT = 6;

    private static boolean onlySeparators(String text, int from, int to) {
      for (int i = from; i < to; i++) {
        if (!Spacing.separator(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    /** A symbol standing for a letter: $ or @ or € by a letter, ! | ( + # ¡ between letters. */
    private static boolean leetSymbol(String text, int i, char c) {
      boolean before = i > 0 && Character.isLetter(text.charAt(i - 1));
      boolean after = i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
      return switch (c) {
        case '@', '$', '€' -> before || after;
        case '!', '|', '(', '+', '#', '¡' -> before && after;
        case '<' -> i > 0 && text.charAt(i - 1) == '|';
        case '\\' -> i > 0 && text.charAt(i - 1) == '/';
        case '{' -> i > 0 && text.charAt(i - 1) == '}';
        default -> false;
      };
    }
  }

  /** Characters that take no room: zero-width spaces and joiners, the soft hyphen, the BOM. */
  static boolean invisible(char c) {
    return c >= 0x200B && c <= 0x200F || c == 0x00AD || c == 0x2060 || c == 0xFEFF;
  }
}
