package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The profanity list, matched as whole words, agrees with its definition as a pattern. */
class ProfanityTest {
  /** The list as Azure documents it, written as a pattern: slower, and the reference. */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?<![\\p{L}])(?:fuck\\w*|motherfuck\\w*|shit\\w*|bullshit|bitch\\w*|bastards?|"
              + "assholes?|arseholes?|dickheads?|cunts?|twats?|wankers?|pricks?|piss(?:ed)? off|"
              + "goddamn\\w*|damn it|crap|jackass\\w*|douche\\w*|bollocks)(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What the FUCK is this?",
        "fucking hell",
        "Motherfuckers everywhere",
        "this is bullshit.",
        "Shitty weather",
        "you bastards",
        "Piss off!",
        "pissed off",
        "pissed offended",
        "piss  off",
        "damn it all",
        "Damn iterators",
        "crap",
        "crappy",
        "scrap metal",
        "Scunthorpe and Penistone",
        "shitake mushrooms",
        "cockpit pricking",
        "a prick.",
        "3fuck",
        "_shit_",
        "shitè",
        "bitchin'",
        "goddamned",
        "douchebag",
        "jackasses",
        "bollocks",
        "Bollockses",
        "the assholes",
        "classholes",
        "dickhead",
        "twatter",
        "wankers",
        "an ordinary sentence about the weather",
        "",
        "ÄÖÜ fuck",
        "Ünfuck"
      })
  void agreesWithThePattern(String text) {
    assertThat(Profanity.in(text)).as(text).isEqualTo(REFERENCE.matcher(text).find());
  }
}
