package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The context a streamed check keeps from text already checked. */
class StreamChoicesTest {
  @Test
  void shortTextIsKeptWhole() {
    assertThat(StreamChoices.tailStart("A short answer. It goes on")).isZero();
  }

  @Test
  void theContextStartsAtASentenceWhenOneStartsInIt() {
    String text =
        "The first sentence is long enough to fall out of the context entirely, which is fine. "
            + "The second one starts inside it. And the third";
    String tail = text.substring(StreamChoices.tailStart(text));
    assertThat(tail).startsWith("The second one").endsWith("And the third");
    assertThat(tail.length()).isLessThanOrEqualTo(100);
  }

  @Test
  void otherwiseItStartsAtAWord() {
    String text = "word ".repeat(40) + "and then the end of an unfinished sentence";
    int start = StreamChoices.tailStart(text);
    assertThat(text.charAt(start - 1)).isEqualTo(' ');
    assertThat(text.length() - start).isBetween(90, 100);
  }

  @Test
  void textWithoutSpacesIsCutByLength() {
    String text = "字".repeat(300);
    assertThat(StreamChoices.tailStart(text)).isEqualTo(200);
  }
}
