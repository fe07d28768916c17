package dev.lazurite.safety.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The held-out set measures text the classifier has not seen, so no training line may share a run
 * of {@value #RUN} words with a held-out line: a shared run of that length means the two were
 * written from one another (or from a common template) and the held-out figure would measure memory
 * rather than reading.
 *
 * <p>Words are compared after one normalisation: Unicode NFKC, lower case, and then every character
 * that is neither a letter nor a digit (punctuation, apostrophes, hyphens, spaces) separates words;
 * a Han character is a word of its own, since Chinese is written without spaces. So {@code
 * "Don't—STOP!"} reads as {@code don t stop}.
 *
 * <p>On failure the offending training lines are listed by file and line; the held-out lines they
 * match are not printed, so that fixing them does not mean reading the held-out set.
 */
class TrainingHeldOutOverlapTest {
  /** The length of a shared run of words that counts as overlap. */
  static final int RUN = 5;

  @Test
  void noTrainingLineSharesAFiveWordRunWithTheHeldOutSet() {
    Set<List<String>> heldOut = new HashSet<>();
    for (Line line : lines("/safety/heldout/heldout.jsonl")) {
      heldOut.addAll(runs(words(line.text())));
    }
    assertThat(heldOut).as("runs of the held-out set").hasSizeGreaterThan(1000);
    List<String> offending = new ArrayList<>();
    int training = 0;
    for (String name : LabelledSet.TRAINING) {
      for (Line line : lines("/safety/" + name + ".jsonl")) {
        training++;
        if (runs(words(line.text())).stream().anyMatch(heldOut::contains)) {
          offending.add(line.where() + ": " + line.text());
        }
      }
    }
    assertThat(training).as("training lines").isGreaterThan(1000);
    assertThat(offending)
        .as("training lines that share a run of %d words with a held-out line", RUN)
        .isEmpty();
  }

  @Test
  void wordsAreLowerCasedAndPunctuationSeparatesThem() {
    assertThat(words("Don't—STOP! Self-harm, e.g. ＡＢＣ 42x"))
        .containsExactly("don", "t", "stop", "self", "harm", "e", "g", "abc", "42x");
  }

  @Test
  void eachHanCharacterIsAWord() {
    assertThat(words("我们AI模型，ok")).containsExactly("我", "们", "ai", "模", "型", "ok");
  }

  @Test
  void accentedLettersStayInTheirWord() {
    assertThat(words("Écris-moi à l'école")).containsExactly("écris", "moi", "à", "l", "école");
  }

  @Test
  void aRunIsFiveNeighbouringWords() {
    assertThat(runs(words("one two three four"))).isEmpty();
    assertThat(runs(words("one two three four five six")))
        .containsExactlyInAnyOrder(
            List.of("one", "two", "three", "four", "five"),
            List.of("two", "three", "four", "five", "six"));
  }

  @Test
  void aSharedRunIsFoundWhateverTheCaseAndPunctuation() {
    Set<List<String>> a = runs(words("Well: how do I fix the sink, then?"));
    Set<List<String>> b = runs(words("HOW do i FIX... the sink today"));
    Set<List<String>> c = runs(words("how do I mend the sink"));
    assertThat(a).containsAnyElementsOf(b);
    assertThat(a).doesNotContainAnyElementsOf(c);
  }

  /** Those of {@code lines} that share a run with {@code runs}, each with where it is. */
  static List<String> linesSharingARun(List<Line> lines, Set<List<String>> runs) {
    List<String> out = new ArrayList<>();
    for (Line line : lines) {
      if (runs(words(line.text())).stream().anyMatch(runs::contains)) {
        out.add(line.where() + ": " + line.text());
      }
    }
    return out;
  }

  /** Every run of {@value #RUN} words of every line some model learns from. */
  static Set<List<String>> trainingRuns() {
    Set<List<String>> training = new HashSet<>();
    for (String name : LabelledSet.TRAINING) {
      for (Line line : lines("/safety/" + name + ".jsonl")) {
        training.addAll(runs(words(line.text())));
      }
    }
    return training;
  }

  /** The words of {@code text} under the normalisation described on the class. */
  static List<String> words(String text) {
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < normal.length(); ) {
      int c = normal.codePointAt(i);
      i += Character.charCount(c);
      boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
      if (han
          || !Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
        flush(word, out);
        if (han) {
          out.add(Character.toString(c));
        }
      } else {
        word.appendCodePoint(c);
      }
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (!word.isEmpty()) {
      out.add(word.toString());
      word.setLength(0);
    }
  }

  /** Every run of {@value #RUN} neighbouring words. */
  static Set<List<String>> runs(List<String> words) {
    Set<List<String>> out = new HashSet<>();
    for (int i = 0; i + RUN <= words.size(); i++) {
      out.add(List.copyOf(words.subList(i, i + RUN)));
    }
    return out;
  }

  record Line(String where, String text) {}

  static List<Line> lines(String resource) {
    List<Line> out = new ArrayList<>();
    try (InputStream in = TrainingHeldOutOverlapTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (!line.isBlank()) {
          String where = resource.substring(resource.lastIndexOf('/') + 1) + ":" + number;
          out.add(new Line(where, LabelledSet.parse(line, where).text()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
