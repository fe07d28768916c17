package dev.lazurite.safety;

import java.util.regex.Pattern;

/** Azure's profanity filter: a fixed list of common English profanities, matched as words. */
final class Profanity {
  private static final Pattern WORDS =
      Pattern.compile(
          "(?<![\\p{L}])(?:fuck\\w*|motherfuck\\w*|shit\\w*|bullshit|bitch\\w*|bastards?|"
              + "assholes?|arseholes?|dickheads?|cunts?|twats?|wankers?|pricks?|piss(?:ed)? off|"
              + "goddamn\\w*|damn it|crap|jackass\\w*|douche\\w*|bollocks)(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);

  private Profanity() {}

  static boolean in(String text) {
    return WORDS.matcher(text).find();
  }
}
