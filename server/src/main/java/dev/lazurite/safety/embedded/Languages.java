package dev.lazurite.safety.embedded;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Which language a text is written in, among those the classifier analyses with a stemmer of their
 * own: English, Spanish, German, French, Portuguese and Chinese. Identification is the n-gram
 * language detector's, limited to these six profiles; a text it cannot place (too short, numbers,
 * another language) is read as English, whose analysis suits most leftovers best.
 */
enum Languages {
  EN("en"),
  ES("es"),
  DE("de"),
  FR("fr"),
  PT("pt"),
  ZH("zh");

  /** Texts are identified by their first this many characters, which is plenty and bounds cost. */
  static final int SAMPLE = 600;

  /** Below this probability the detector's best guess is not trusted. */
  private static final double CONFIDENT = 0.7;

  private final String code;

  Languages(String code) {
    this.code = code;
  }

  /** The language's ISO 639-1 code, as the labelled sets write it. */
  String code() {
    return code;
  }

  /** The detector and the text cleaner it reads through; immutable, shared by every caller. */
  private record Detector(LanguageDetector detector, TextObjectFactory texts) {}

  private static final Detector DETECTOR = detector();

  private static Detector detector() {
    try {
      var profiles =
          new LanguageProfileReader().read(List.of("en", "es", "de", "fr", "pt", "zh-CN", "zh-TW"));
      LanguageDetector detector =
          LanguageDetectorBuilder.create(NgramExtractors.standard())
              .withProfiles(profiles)
              .seed(42L)
              .build();
      return new Detector(detector, CommonTextObjectFactories.forDetectingShortCleanText());
    } catch (IOException e) {
      throw new UncheckedIOException("language profiles missing from the detector's jar", e);
    }
  }

  /**
   * The language {@code text} is written in, or English when that is not clear. Text mostly in Han
   * characters is Chinese, and plain ASCII text with English function words is English, without
   * asking the detector (which takes a fraction of a millisecond).
   */
  static Languages of(String text) {
    String sample = sample(text);
    int letters = 0;
    int han = 0;
    boolean ascii = true;
    for (int i = 0; i < sample.length(); i++) {
      char c = sample.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
          han++;
        }
      }
      ascii &= c < 128;
    }
    if (letters == 0) {
      return EN;
    }
    if (han * 3 > letters) {
      return ZH;
    }
    if (ascii && ENGLISH.matcher(sample).find()) {
      return EN;
    }
    return detected(sample, CONFIDENT);
  }

  private static String sample(String text) {
    return text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
  }

  /** The detector's language for {@code sample}, or English below {@code confident}. */
  private static Languages detected(String sample, double confident) {
    List<DetectedLanguage> found =
        DETECTOR.detector().getProbabilities(DETECTOR.texts().forText(sample));
    if (found.isEmpty() || found.getFirst().getProbability() < confident) {
      return EN;
    }
    return switch (found.getFirst().getLocale().getLanguage()) {
      case "es" -> ES;
      case "de" -> DE;
      case "fr" -> FR;
      case "pt" -> PT;
      case "zh" -> ZH;
      default -> EN;
    };
  }

  /**
   * The language of a disguised text once the disguise is off (leetspeak folded, base64 decoded):
   * such text loses accents and some letters, so plain ASCII is read as another language only when
   * the detector is all but sure ("vou matar voce amanha" is Portuguese, a folded English sentence
   * stays English).
   */
  static Languages ofReading(String reading) {
    for (int i = 0; i < reading.length(); i++) {
      if (reading.charAt(i) >= 128) {
        return of(reading);
      }
    }
    String sample = sample(reading);
    return ENGLISH.matcher(sample).find() ? EN : detected(sample, SURE);
  }

  /**
   * The detector's probability from which a folded ASCII reading is taken to be another language.
   */
  private static final double SURE = 0.9;

  /** Two English function words that the other five languages do not use as words. */
  private static final java.util.regex.Pattern ENGLISH =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:the|and|you|your|with|what|how|this|that|is|are|of|it|my)\\b"
              + "[^\\n]*?\\b(?:the|and|you|your|with|what|how|this|that|is|are|of|it|my|to|for"
              + "|in|on)\\b");
}
