package dev.lazurite.safety.embedded;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reflexive pronoun written as two words ({@code kill my self}, {@code hurt your self}), as
 * people often write it and as a filter that knows only {@code myself} misses it. The reading joins
 * them.
 */
final class Reflexives {
  private static final Pattern SPLIT =
      Pattern.compile(
          "\\b(my|your|him|her|it|our|them|one) +(self|selves)\\b", Pattern.CASE_INSENSITIVE);

  private static final Needles SPACED = Needles.of(" self| Self| SELF| selv| Selv| SELV");

  private Reflexives() {}

  /** The text with its reflexives joined, when it writes one apart. */
  static Optional<String> reading(String text) {
    // "self" after a space, which "myself", "itself" and the many words holding "sel" are not.
    if (!SPACED.in(text)) {
      return Optional.empty();
    }
    Matcher m = SPLIT.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(m.replaceAll("$1$2"));
  }
}
